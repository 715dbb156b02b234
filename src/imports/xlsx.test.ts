import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  externalEntity,
  hugeXlsxCell,
  notAZip,
  recursiveEntity,
  sharedStringBomb,
  workbookWith,
  zipBomb,
} from '../../test/support/hostile-files.ts';
import { zipArchive } from '../../test/support/zip-writer.ts';
import { SourceError } from './source-error.ts';
import { readXlsx } from './xlsx.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let n = 0;
async function onDisk(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${++n}.xlsx`);
  await writeFile(path, bytes);
  return path;
}

/** Every sheet of a workbook with its records, read whole. */
async function read(bytes: Uint8Array) {
  const sheets: { name: string; rows: [number, string[]][] }[] = [];
  for await (const sheet of readXlsx(await onDisk(bytes))) {
    const rows: [number, string[]][] = [];
    for await (const r of sheet.records) rows.push([r.line, r.cells]);
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

/** The SourceError reading a workbook ends with. */
async function refusal(bytes: Uint8Array): Promise<SourceError> {
  const error = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

async function excelBook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readXlsx: cells read as the CSV would hold them', () => {
  it('reads text, numbers, dates, rich text, formulas by their cached result, booleans and errors', async () => {
    const bytes = await excelBook((book) => {
      const sheet = book.addWorksheet('activities');
      sheet.addRow(['title', 'n', 'date', 'rich', 'formula', 'text formula', 'flag', 'error']);
      sheet.addRow([
        'Æblegrød & "søde" <sager>',
        1250.5,
        new Date(Date.UTC(2024, 2, 1)),
        { richText: [{ text: 'Fed ', font: { bold: true } }, { text: 'tekst' }] },
        { formula: 'B2*2', result: 2501 },
        { formula: 'A2&"!"', result: 'Hej!' },
        true,
        { error: '#N/A' },
      ]);
      sheet.addRow(['29403473', 29403473, '2024-03-01']);
    });
    expect(await read(bytes)).toEqual([
      {
        name: 'activities',
        rows: [
          [1, ['title', 'n', 'date', 'rich', 'formula', 'text formula', 'flag', 'error']],
          [
            2,
            [
              'Æblegrød & "søde" <sager>',
              '1250.5',
              '2024-03-01',
              'Fed tekst',
              '2501',
              'Hej!',
              'true',
              '#N/A',
            ],
          ],
          [3, ['29403473', '29403473', '2024-03-01']],
        ],
      },
    ]);
  });

  it('keeps sheet names and their order, skips empty rows but keeps row numbers and gaps between cells', async () => {
    const bytes = await excelBook((book) => {
      const first = book.addWorksheet('participants');
      first.getCell('A1').value = 'a';
      first.getCell('C1').value = 'c';
      first.getCell('B4').value = 'b';
      book.addWorksheet('Tomt ark');
      book.addWorksheet('activities').addRow(['x']);
    });
    expect(await read(bytes)).toEqual([
      {
        name: 'participants',
        rows: [
          [1, ['a', '', 'c']],
          [4, ['', 'b']],
        ],
      },
      { name: 'Tomt ark', rows: [] },
      { name: 'activities', rows: [[1, ['x']]] },
    ]);
  });

  it('reads dates of a custom date format and of the 1904 date system', async () => {
    const bytes = await excelBook((book) => {
      book.properties.date1904 = true;
      const sheet = book.addWorksheet('s');
      sheet.addRow([new Date(Date.UTC(2023, 11, 31)), 45000]);
      sheet.getCell('A1').numFmt = 'dd"."mm"."yyyy';
      sheet.getCell('B1').numFmt = '0.00';
    });
    expect((await read(bytes))[0]?.rows).toEqual([[1, ['2023-12-31', '45000']]]);
  });

  it('lets a consumer stop a sheet early and read the next', async () => {
    const bytes = await excelBook((book) => {
      for (const name of ['one', 'two']) {
        const sheet = book.addWorksheet(name);
        for (let i = 1; i <= 50; i++) sheet.addRow([`${name}${i}`]);
      }
    });
    const firsts: string[] = [];
    for await (const sheet of readXlsx(await onDisk(bytes)))
      for await (const r of sheet.records) {
        firsts.push(r.cells[0] as string);
        break;
      }
    expect(firsts).toEqual(['one1', 'two1']);
  });
});

describe('readXlsx: hostile workbooks are refused with bounded work', () => {
  it('refuses a file that is not a zip, and a zip without a workbook', async () => {
    expect((await refusal(notAZip('29403473').bytes)).code).toBe('notXlsx');
    expect((await refusal(zipArchive([{ name: 'notes.txt', chunks: ['hello'] }]))).code).toBe('notXlsx');
  });

  // Making the bomb deflates 256 MiB: seconds on a busy machine, hence the longer time limit.
  it('stops inflating a part at 200 times its packed size (a zip bomb)', { timeout: 30_000 }, async () => {
    const bomb = zipBomb(256);
    expect(bomb.bytes.length).toBeLessThan(512 * 1024);
    expect((await refusal(bomb.bytes)).code).toBe('xlsxTooLarge');
  });

  it('refuses a part whose directory claims more than the limit, before inflating it', async () => {
    const claimed = workbookWith('activities', ['<worksheet/>']);
    // The same workbook with the sheet claiming 2 GiB: refused on the claim.
    const lying = zipArchive([
      { name: '[Content_Types].xml', chunks: ['<Types/>'] },
      {
        name: 'xl/workbook.xml',
        chunks: ['<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>'],
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        chunks: [
          '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ],
      },
      { name: 'xl/worksheets/sheet1.xml', chunks: ['<worksheet/>'], claimedSize: 2 ** 31 },
    ]);
    expect(await read(claimed)).toEqual([{ name: 'activities', rows: [] }]);
    expect((await refusal(lying)).code).toBe('xlsxTooLarge');
  });

  it('refuses a shared-string bomb on its claimed size', async () => {
    expect((await refusal(sharedStringBomb(8).bytes)).code).toBe('xlsxTooLarge');
  });

  it('stops a shared string, or a cell, at 64 KiB', async () => {
    // Random text packs badly: within the ratio, so the cell limit is what stops it.
    const text = randomBytes(40 * 1024).toString('hex');
    const strings = workbookWith('s', ['<worksheet/>'], {
      name: 'xl/sharedStrings.xml',
      chunks: ['<sst><si><t>ok</t></si><si><r><t>', text, '</t></r><r><t>', text, '</t></r></si></sst>'],
    });
    expect((await refusal(strings)).code).toBe('cellTooLong');
    const cell = await refusal(hugeXlsxCell(1).bytes);
    expect([cell.code, cell.line, cell.column]).toEqual(['cellTooLong', 2, 'title']);
  });

  it('refuses a DOCTYPE: external and recursive entities are never resolved', async () => {
    expect((await refusal(externalEntity().bytes)).code).toBe('xmlDeclaration');
    expect((await refusal(recursiveEntity().bytes)).code).toBe('xmlDeclaration');
  });

  it('refuses broken XML and a cell beyond column XFD', async () => {
    expect((await refusal(workbookWith('s', ['<worksheet><sheetData><row>']))).code).toBe('xlsxSyntax');
    const wide = workbookWith('s', [
      '<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>',
    ]);
    expect((await refusal(wide)).code).toBe('xlsxSyntax');
  });
});
