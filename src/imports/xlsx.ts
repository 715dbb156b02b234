import type { SourceRecord } from './readers.ts';
import { cellName, MAX_RECORD_CHARS, SourceError } from './source-error.ts';
import { type XmlEvent, xmlEvents } from './xml.ts';
import { ZIP_LIMITS, ZipArchive as Zip, type ZipArchive, type ZipLimits } from './zip.ts';

/**
 * Reads .xlsx workbooks (Office Open XML spreadsheets) as records, sheet by sheet, with bounded
 * memory whatever the file holds: parts are inflated and parsed as streams within ZipLimits
 * (zip.ts), XML with DOCTYPE refused and every text bounded (xml.ts), each cell and row at most
 * MAX_RECORD_CHARS, and the shared strings (the only part kept in memory) at most
 * `sharedStringChars`. A cell reads as the text a CSV cell would hold: numbers plainly, dates as
 * YYYY-MM-DD, booleans as true/false, errors as written (#N/A), rich text as its plain text, a
 * formula as its cached result.
 */
export interface XlsxLimits extends ZipLimits {
  /** Characters of all shared strings together (plus 16 per string for its slot). */
  sharedStringChars: number;
  /** Sheets, styles and relationships a workbook may declare. */
  declarations: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  ...ZIP_LIMITS,
  sharedStringChars: 32 * 1024 * 1024,
  declarations: 65_536,
};

/** Excel's widest sheet: column XFD. */
const MAX_COLUMNS = 16_384;

/** Built-in number formats that show a date or time (the ones exceljs reads as dates). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date when, outside quotes and brackets, it has a date or time token. */
const isDateFormat = (code: string) =>
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

export interface XlsxSheet {
  name: string;
  /** The sheet's non-empty rows; row numbers are the sheet's own (header = 1). Read at most once. */
  records: AsyncIterable<SourceRecord>;
}

interface Workbook {
  sheets: { name: string; part: string }[];
  date1904: boolean;
  sharedStrings: string[];
  /** Per cell style index: does it show a date. */
  dateStyles: boolean[];
}

const notXlsx = (why: string) => new SourceError('notXlsx', 0, why);

/** Events of a part, one at a time. */
async function* eventsOf(zip: ZipArchive, part: string): AsyncGenerator<XmlEvent> {
  for await (const batch of xmlEvents(zip.read(part), part)) yield* batch;
}

/** Resolves a relationship's target against the folder of the part that declares it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

/** A part's relationships (its `_rels/<name>.rels`): id → { type, target part }. */
async function relationships(zip: ZipArchive, part: string, limits: XlsxLimits) {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const found = new Map<string, { type: string; part: string }>();
  if (!zip.has(rels)) return found;
  for await (const e of eventsOf(zip, rels)) {
    if (e.kind !== 'open' || e.name !== 'Relationship') continue;
    if (found.size >= limits.declarations) throw notXlsx('too many relationships');
    const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = e.attributes;
    if (id && mode !== 'External') found.set(id, { type, part: resolvePart(part, target) });
  }
  return found;
}

const byType = (rels: Map<string, { type: string; part: string }>, type: string) =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.part;

/** Which cell styles show dates: styles.xml's number formats and cell formats. */
async function dateStyles(zip: ZipArchive, part: string | undefined, limits: XlsxLimits): Promise<boolean[]> {
  if (!part || !zip.has(part)) return [];
  const customDates = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for await (const e of eventsOf(zip, part)) {
    if (e.kind === 'close' && e.name === 'cellXfs') inCellXfs = false;
    if (e.kind !== 'open') continue;
    if (e.name === 'cellXfs') inCellXfs = true;
    else if (e.name === 'numFmt' && customDates.size < limits.declarations)
      customDates.set(Number(e.attributes.numFmtId), isDateFormat(e.attributes.formatCode ?? ''));
    else if (e.name === 'xf' && inCellXfs) {
      if (styles.length >= limits.declarations) throw notXlsx('too many cell styles');
      const id = Number(e.attributes.numFmtId ?? 0);
      styles.push(customDates.get(id) ?? DATE_FORMAT_IDS.has(id));
    }
  }
  return styles;
}

/**
 * The shared strings, each the plain text of its runs (phonetic guides left out). Kept in memory,
 * so bounded: all together at most `sharedStringChars`, each at most MAX_RECORD_CHARS.
 */
async function sharedStrings(
  zip: ZipArchive,
  part: string | undefined,
  limits: XlsxLimits,
): Promise<string[]> {
  if (!part || !zip.has(part)) return [];
  const strings: string[] = [];
  let budget = limits.sharedStringChars;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for await (const e of eventsOf(zip, part)) {
    if (e.kind === 'open') {
      if (e.name === 'si') current = '';
      else if (e.name === 'rPh') phonetic++;
      else if (e.name === 't') inText = phonetic === 0;
    } else if (e.kind === 'close') {
      if (e.name === 't') inText = false;
      else if (e.name === 'rPh') phonetic--;
      else if (e.name === 'si' && current !== null) {
        budget -= current.length + 16;
        if (budget < 0)
          throw new SourceError('xlsxTooLarge', 0, `${part} holds more text than a workbook may`);
        strings.push(current);
        current = null;
      }
    } else if (inText && current !== null) {
      current += e.text;
      if (current.length > MAX_RECORD_CHARS)
        throw new SourceError('cellTooLong', 0, `a shared string over ${MAX_RECORD_CHARS} characters`);
    }
  }
  return strings;
}

/** The workbook's sheets in workbook order, its date system, shared strings and date styles. */
async function openWorkbook(zip: ZipArchive, limits: XlsxLimits): Promise<Workbook> {
  const root = await relationships(zip, '', limits);
  const part = byType(root, 'officeDocument') ?? 'xl/workbook.xml';
  if (!zip.has(part)) throw notXlsx('no workbook part');
  const rels = await relationships(zip, part, limits);
  const sheets: Workbook['sheets'] = [];
  let date1904 = false;
  for await (const e of eventsOf(zip, part)) {
    if (e.kind !== 'open') continue;
    if (e.name === 'workbookPr') date1904 = ['1', 'true'].includes(e.attributes.date1904 ?? '');
    if (e.name !== 'sheet') continue;
    if (sheets.length >= limits.declarations) throw notXlsx('too many sheets');
    const id = Object.entries(e.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    const target = rels.get(id);
    if (target && zip.has(target.part)) sheets.push({ name: e.attributes.name ?? '', part: target.part });
  }
  return {
    sheets,
    date1904,
    sharedStrings: await sharedStrings(zip, byType(rels, 'sharedStrings'), limits),
    dateStyles: await dateStyles(zip, byType(rels, 'styles'), limits),
  };
}

/** A cell reference's column (A1 → 1), or 0 when it has none. */
function columnOf(ref: string | undefined): number {
  let n = 0;
  for (const ch of ref ?? '') {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
    if (n > MAX_COLUMNS) return Number.POSITIVE_INFINITY;
  }
  return n;
}

/** Excel's serial day number as a date: days since 1899-12-30 (or 1904-01-01). */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

interface Cell {
  type: string;
  style: number;
  value: string;
}

/** A cell as the text of a CSV cell (see XlsxLimits). */
function cellText(c: Cell, book: Workbook): string {
  switch (c.type) {
    case 's':
      return book.sharedStrings[Number.parseInt(c.value, 10)] ?? '';
    case 'str':
    case 'inlineStr':
    case 'e':
      return c.value;
    case 'b':
      return c.value === '' ? '' : String(Number.parseInt(c.value, 10) !== 0);
    case 'd':
      return c.value.slice(0, 10);
    default: {
      if (c.value === '') return '';
      const n = Number.parseFloat(c.value);
      return book.dateStyles[c.style] ? serialDate(n, book.date1904) : String(n);
    }
  }
}

/** The non-empty rows of one sheet part. */
async function* sheetRecords(zip: ZipArchive, part: string, book: Workbook): AsyncGenerator<SourceRecord> {
  let line = 0;
  let header: string[] | null = null;
  let cells: string[] = [];
  let chars = 0;
  let column = 0;
  let cell: Cell | null = null;
  /** Collecting the text of a <v>, or of an inline string's <t> (outside phonetic guides). */
  let collecting = false;
  let phonetic = 0;
  const tooLong = () =>
    new SourceError(
      'cellTooLong',
      line,
      `row ${line} is over ${MAX_RECORD_CHARS} characters`,
      cellName(header, column - 1),
    );
  try {
    for await (const e of eventsOf(zip, part)) {
      if (e.kind === 'open') {
        if (e.name === 'row') {
          line = e.attributes.r ? Number.parseInt(e.attributes.r, 10) : line + 1;
          cells = [];
          chars = 0;
          column = 0;
        } else if (e.name === 'c') {
          column = columnOf(e.attributes.r) || column + 1;
          if (column > MAX_COLUMNS)
            throw new SourceError('xlsxSyntax', line, `a cell beyond column XFD in row ${line}`);
          cell = { type: e.attributes.t ?? 'n', style: Number(e.attributes.s ?? 0), value: '' };
        } else if (cell && (e.name === 'v' || (e.name === 't' && phonetic === 0))) collecting = true;
        else if (e.name === 'rPh') phonetic++;
      } else if (e.kind === 'text') {
        if (!collecting || !cell) continue;
        cell.value += e.text;
        if (chars + cell.value.length > MAX_RECORD_CHARS) throw tooLong();
      } else if (e.name === 'v' || e.name === 't') collecting = false;
      else if (e.name === 'rPh') phonetic--;
      else if (e.name === 'c' && cell) {
        const text = cellText(cell, book);
        chars += text.length;
        if (chars > MAX_RECORD_CHARS) throw tooLong();
        while (cells.length < column - 1) cells.push('');
        cells[column - 1] = text;
        cell = null;
      } else if (e.name === 'row' && cells.some((c) => c !== '')) {
        header ??= cells;
        yield { line, cells };
      }
    }
  } catch (err) {
    // Errors of the XML itself know no row: name the row being read.
    if (err instanceof SourceError && err.line === 0 && line > 0)
      throw new SourceError(
        err.code,
        line,
        err.message,
        err.code === 'cellTooLong' ? cellName(header, column - 1) : null,
      );
    throw err;
  }
}

/**
 * The sheets of the workbook at `path`, in workbook order. A sheet's records are read only when
 * iterated, each from its own part, so a consumer may stop a sheet at any point and go on with the
 * next. Problems with the file are SourceErrors: `notXlsx`, `xlsxTooLarge`, `xlsxSyntax`,
 * `xmlDeclaration`, `cellTooLong`.
 */
export async function* readXlsx(path: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<XlsxSheet> {
  const zip = await Zip.open(path, limits);
  try {
    const book = await openWorkbook(zip, limits);
    for (const sheet of book.sheets) yield { name: sheet.name, records: sheetRecords(zip, sheet.part, book) };
  } finally {
    zip.close();
  }
}
