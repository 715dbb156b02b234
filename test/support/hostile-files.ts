import { randomBytes } from 'node:crypto';
import { type ZipPart, zipArchive } from './zip-writer.ts';

/**
 * Hostile files for the import, made at run time (small on disk, some huge once unpacked): each
 * with the error code a delivery of it must be refused with. Sizes are parameters, so the
 * per-channel tests stay quick and the memory test can use the sizes seen in the wild.
 */
const MiB = 1024 * 1024;

/** `count` copies of `chunk`, lazily, as one part's chunks. */
function* repeated(chunk: Buffer, count: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield chunk;
}

const ACTIVITY_HEADER = ['cluster_cvr', 'activity_ref', 'title', 'category', 'start_date'];

const inlineRow = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/** A sheet part: XML declaration, optional DOCTYPE, then rows; `body` comes inside sheetData. */
function* sheetXml(body: Iterable<Buffer | string>, doctype = ''): Generator<Buffer | string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${doctype}`;
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield* body;
  yield '</sheetData></worksheet>';
}

/**
 * A minimal .xlsx workbook of one sheet named `sheet` (its XML given), with a shared-strings
 * part when given: the parts Excel itself writes, nothing more.
 */
export function workbookWith(
  sheet: string,
  sheetChunks: Iterable<Buffer | string>,
  sharedStrings?: ZipPart,
): Buffer {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${ns}/${type}" Target="${target}"/>`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      chunks: [
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/></Types>',
      ],
    },
    {
      name: '_rels/.rels',
      chunks: [
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      chunks: [
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${sharedStrings ? rel('rId2', 'sharedStrings', 'sharedStrings.xml') : ''}</Relationships>`,
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheetChunks },
  ];
  if (sharedStrings) parts.push(sharedStrings);
  return zipArchive(parts);
}

export interface HostileFile {
  case: string;
  name: string;
  bytes: Buffer;
  /** The error code the delivery is refused with. */
  code: string;
}

/** A zip bomb: a sheet that inflates to `mib` MiB of empty rows (about 1,000 times its packed size). */
export function zipBomb(mib: number): HostileFile {
  const emptyRows = Buffer.from('<row/>'.repeat(Math.floor(MiB / 6)));
  const body = (function* () {
    yield inlineRow(1, ACTIVITY_HEADER);
    yield* repeated(emptyRows, mib);
  })();
  return {
    case: 'zip bomb',
    name: 'zip-bomb.xlsx',
    bytes: workbookWith('activities', sheetXml(body)),
    code: 'xlsxTooLarge',
  };
}

/** A shared-strings bomb: one shared string of `mib` MiB (the probe's: 400 MiB in a file of ~400 KB). */
export function sharedStringBomb(mib: number): HostileFile {
  const strings: ZipPart = {
    name: 'xl/sharedStrings.xml',
    chunks: (function* () {
      yield '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
      yield* repeated(Buffer.alloc(MiB, 0x61), mib);
      yield '</t></si></sst>';
    })(),
  };
  const sheet = sheetXml([inlineRow(1, ACTIVITY_HEADER), '<row r="2"><c r="C2" t="s"><v>0</v></c></row>']);
  return {
    case: 'shared-string bomb',
    name: 'shared-string-bomb.xlsx',
    bytes: workbookWith('activities', sheet, strings),
    code: 'xlsxTooLarge',
  };
}

/** An activity row whose title is the entity `title`, in a sheet declaring entities in its DOCTYPE. */
function entityWorkbook(kind: string, doctype: string): HostileFile {
  const row = `<row r="2">${['29403473', 'E1'].map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}<c t="inlineStr"><is><t>&title;</t></is></c></row>`;
  return {
    case: `${kind} entity declaration`,
    name: `${kind}-entity.xlsx`,
    bytes: workbookWith('activities', sheetXml([inlineRow(1, ACTIVITY_HEADER), row], doctype)),
    code: 'xmlDeclaration',
  };
}

export const externalEntity = () =>
  entityWorkbook('external', '<!DOCTYPE worksheet [<!ENTITY title SYSTEM "file:///etc/passwd">]>');

/** Billion laughs: ten entities of ten each, 10^9 "lol"s when expanded. */
export const recursiveEntity = () =>
  entityWorkbook(
    'recursive',
    `<!DOCTYPE worksheet [<!ENTITY lol0 "lol">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('')}<!ENTITY title "&lol9;">]>`,
  );

/**
 * A workbook whose one cell holds `mib` MiB of text that packs badly (random hex, about 2:1), so
 * the file is within the expansion limits and the cell limit is what stops it.
 */
export function hugeXlsxCell(mib: number): HostileFile {
  const noise = Buffer.from(randomBytes(MiB / 2).toString('hex'));
  const body = (function* () {
    yield inlineRow(1, ACTIVITY_HEADER);
    yield '<row r="2"><c r="C2" t="inlineStr"><is><t>';
    yield* repeated(noise, mib);
    yield '</t></is></c></row>';
  })();
  return {
    case: 'huge cell (xlsx)',
    name: 'huge-cell.xlsx',
    bytes: workbookWith('activities', sheetXml(body)),
    code: 'cellTooLong',
  };
}

const ACTIVITY_CSV_HEADER = `${ACTIVITY_HEADER.join(',')}\n`;

/** A CSV file whose title cell holds `mib` MiB. */
export function hugeCsvCell(cvr: string, mib: number): HostileFile {
  return {
    case: 'huge cell (csv)',
    name: 'huge-cell.csv',
    bytes: Buffer.concat([
      Buffer.from(`${ACTIVITY_CSV_HEADER}${cvr},H1,`),
      Buffer.alloc(mib * MiB, 0x63),
      Buffer.from(',networking,2024-03-01\n'),
    ]),
    code: 'cellTooLong',
  };
}

export const nulBytes = (cvr: string): HostileFile => ({
  case: 'NUL bytes',
  name: 'nul.csv',
  bytes: Buffer.from(`${ACTIVITY_CSV_HEADER}${cvr},N1,Work\0shop,networking,2024-03-01\n`),
  code: 'nulCharacter',
});

export const notAZip = (cvr: string): HostileFile => ({
  case: 'not a zip',
  name: 'not-a-zip.xlsx',
  bytes: Buffer.from(`${ACTIVITY_CSV_HEADER}${cvr},Z1,Workshop,networking,2024-03-01\n`),
  code: 'notXlsx',
});

export const tenThousandColumns = (): HostileFile => ({
  case: '10k columns',
  name: 'wide.csv',
  bytes: Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`),
  code: 'unknownFile',
});

export const unterminatedQuote = (cvr: string): HostileFile => ({
  case: 'unterminated quote',
  name: 'quote.csv',
  bytes: Buffer.from(
    `${ACTIVITY_CSV_HEADER}${cvr},Q1,"Workshop,networking,2024-03-01\n${cvr},Q2,Ok,networking,2024-03-01\n`,
  ),
  code: 'csvSyntax',
});

/** Every kind, at sizes quick enough to send through each channel. */
export function hostileCorpus(cvr: string): HostileFile[] {
  return [
    zipBomb(64),
    sharedStringBomb(16),
    externalEntity(),
    recursiveEntity(),
    hugeCsvCell(cvr, 2),
    hugeXlsxCell(1),
    nulBytes(cvr),
    notAZip(cvr),
    tenThousandColumns(),
    unterminatedQuote(cvr),
  ];
}
