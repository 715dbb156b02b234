import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { DeliveryError } from '../../src/domain/reporting/format/errors.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { bytesFile, dataFingerprint, deliver } from './delivery-helpers.ts';

/**
 * A workbook is read sheet by sheet: a sheet the import stops reading early (a header it cannot
 * use, a sheet it does not know, an empty sheet) ends with its error, and the next sheet is read.
 * Each case has a time limit: reading the same sheet again and again once hung the server.
 */
let database: Database;
let baseline: string;
const C = '29403473';

const CLUSTERS = [
  ['cvr', 'name', 'league', 'municipality_code'],
  [C, 'Arkklyngen', 'regional', '461'],
];
const ACT_HEAD = ['cluster_cvr', 'activity_ref', 'title', 'category', 'start_date'];
const ACT = [C, 'A1', 'Workshop', 'networking', '2023-03-01'];
const PARTICIPANTS = [
  ['cluster_cvr', 'activity_ref', 'participant_type', 'cvr', 'name'],
  [C, 'A1', 'company', '10000009', 'Firma ApS'],
];

type Sheet = [name: string, rows: string[][]];

async function workbook(sheets: Sheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  database = await createTestDatabase();
  baseline = await dataFingerprint(database);
});
afterAll(() => database?.close());

type Expect = Pick<DeliveryError, 'file' | 'line' | 'column' | 'code'>;

/** Each case breaks one sheet and is followed by a sheet with a row error, which must be found too. */
const BROKEN_PARTICIPANTS: Sheet = [
  'participants',
  [PARTICIPANTS[0] as string[], [C, 'A1', 'company', '10000008', 'X']],
];
const PARTICIPANT_ERROR: Expect = { file: 'book.xlsx#participants', line: 2, column: 'cvr', code: 'cvr' };

const cases: [string, Sheet[], Expect[]][] = [
  [
    'an unknown column',
    [
      ['clusters', CLUSTERS],
      [
        'activities',
        [
          [...ACT_HEAD, 'bogus_column'],
          [...ACT, 'x'],
        ],
      ],
      BROKEN_PARTICIPANTS,
    ],
    [
      { file: 'book.xlsx#activities', line: 1, column: 'bogus_column', code: 'unknownColumn' },
      PARTICIPANT_ERROR,
    ],
  ],
  [
    'a missing column',
    [['clusters', CLUSTERS], ['activities', [ACT_HEAD.slice(0, 4), ACT.slice(0, 4)]], BROKEN_PARTICIPANTS],
    [
      { file: 'book.xlsx#activities', line: 1, column: 'start_date', code: 'missingColumn' },
      PARTICIPANT_ERROR,
    ],
  ],
  [
    'a duplicate column',
    [
      ['clusters', CLUSTERS],
      [
        'activities',
        [
          [...ACT_HEAD, 'title'],
          [...ACT, 'Igen'],
        ],
      ],
      BROKEN_PARTICIPANTS,
    ],
    [{ file: 'book.xlsx#activities', line: 1, column: 'title', code: 'duplicateColumn' }, PARTICIPANT_ERROR],
  ],
  [
    'an unknown sheet',
    [
      ['clusters', CLUSTERS],
      ['Noter', [['husk'], ['kaffe']]],
      ['activities', [ACT_HEAD, ACT]],
      BROKEN_PARTICIPANTS,
    ],
    [{ file: 'book.xlsx#Noter', line: 0, column: null, code: 'sheetUnknown' }, PARTICIPANT_ERROR],
  ],
  [
    'an empty sheet',
    [['clusters', CLUSTERS], ['activities', []], BROKEN_PARTICIPANTS],
    [{ file: 'book.xlsx#activities', line: 0, column: null, code: 'emptyFile' }, PARTICIPANT_ERROR],
  ],
];

describe(`a sheet error ends that sheet and the next sheet is read (${testDriver()})`, () => {
  for (const [name, sheets, expected] of cases) {
    it(name, { timeout: 10_000 }, async () => {
      const outcome = await deliver(database, [bytesFile('book.xlsx', await workbook(sheets))]);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.errors.map(({ file, line, column, code }) => ({ file, line, column, code }))).toEqual(
        expected,
      );
      expect(await dataFingerprint(database)).toBe(baseline);
    });
  }

  it('reports the row errors of a sheet with an unknown column in the same answer', {
    timeout: 10_000,
  }, async () => {
    const rows = [
      [...ACT_HEAD, 'bogus_column'],
      [C, 'A1', 'Workshop', 'partying', '2023-03-01', 'x'],
      [C, 'A2', '', 'networking', '2023-02-30', 'y'],
    ];
    const outcome = await deliver(database, [bytesFile('book.xlsx', await workbook([['activities', rows]]))]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      '1:bogus_column:unknownColumn',
      '2:category:category',
      '3:title:required',
      '3:start_date:date',
    ]);
  });

  it('loads the workbook once the sheets are right', { timeout: 10_000 }, async () => {
    const sheets: Sheet[] = [
      ['clusters', CLUSTERS],
      ['activities', [ACT_HEAD, ACT]],
      ['participants', PARTICIPANTS],
    ];
    const outcome = await deliver(database, [bytesFile('book.xlsx', await workbook(sheets))]);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(outcome.counts).toEqual({ clusters: 1, activities: 1, participants: 1 });
  });
});
