import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { stageCopiedRows } from '../../src/domain/reporting/delivery/copy-csv.ts';
import { rawTableDdl } from '../../src/domain/reporting/delivery/sql-rules.ts';
import { Stager } from '../../src/domain/reporting/delivery/stager.ts';
import { STAGE_DDL } from '../../src/domain/reporting/delivery/staging.ts';
import { type DeliveryError, ErrorList } from '../../src/domain/reporting/format/errors.ts';
import {
  type HeaderMap,
  recogniseHeader,
  validateRecord,
} from '../../src/domain/reporting/format/records.ts';
import { type BulkSession, copyValue, Rollback, withBulkSession } from '../../src/imports/bulk.ts';
import { createTestDatabase } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { bytesFile, dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

let database: Database;
let baseline: string;
const C = '29403473'; // a valid CVR used as the cluster
const OTHER = '12345674'; // valid CVR, not a cluster

const CLUSTERS = `cvr,name,league,municipality_code\n${C},Testklyngen,regional,461\n`;
const ACT_HEAD =
  'cluster_cvr,activity_ref,title,category,start_date,end_date,municipality_code,grant_dkk,external_funding_dkk,private_cofinancing_hours';
const ACT = `${C},A1,Workshop,networking,2023-03-01,2023-03-02,461,1000,0,10.5`;
const PART_HEAD =
  'cluster_cvr,activity_ref,participant_type,cvr,name,country,employees,municipality_code,industry_code,new_competence,new_idea,new_product';
const PART = `${C},A1,company,10000009,Firma ApS,,12,461,282900,1,0,1`;

const delivery = (activities: string, participants: string) => [
  textFile('clusters.csv', CLUSTERS),
  textFile('activities.csv', activities),
  textFile('participants.csv', participants),
];

beforeAll(async () => {
  database = await createTestDatabase();
  baseline = await dataFingerprint(database);
});
afterAll(() => database?.close());

type Expect = Pick<DeliveryError, 'file' | 'line' | 'column' | 'code'>;

const cases: [string, () => ReturnType<typeof delivery>, Expect[]][] = [
  [
    'an unknown column',
    () => delivery(`${ACT_HEAD},colour\n${ACT},red\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 1, column: 'colour', code: 'unknownColumn' }],
  ],
  [
    'a missing required column',
    () => delivery('cluster_cvr,activity_ref,title,category\nx,y,z,networking\n', `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 1, column: 'start_date', code: 'missingColumn' }],
  ],
  [
    'a file that is no reporting file',
    () => [textFile('notes.csv', 'colour,size\nred,big\n')],
    [{ file: 'notes.csv', line: 1, column: null, code: 'unknownFile' }],
  ],
  [
    'an empty file',
    () => [textFile('activities.csv', '')],
    [{ file: 'activities.csv', line: 0, column: null, code: 'emptyFile' }],
  ],
  [
    'a bad CVR (mod 11)',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART.replace('10000009', '10000008')}\n`),
    [{ file: 'participants.csv', line: 2, column: 'cvr', code: 'cvr' }],
  ],
  [
    'an impossible date',
    () =>
      delivery(
        `${ACT_HEAD}\n${ACT.replace('2023-03-01,2023-03-02', '2023-02-30,')}\n`,
        `${PART_HEAD}\n${PART}\n`,
      ),
    [{ file: 'activities.csv', line: 2, column: 'start_date', code: 'date' }],
  ],
  [
    'an end date before the start',
    () => delivery(`${ACT_HEAD}\n${ACT.replace('2023-03-02', '2023-02-28')}\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 2, column: 'end_date', code: 'endBeforeStart' }],
  ],
  [
    'an unknown category',
    () => delivery(`${ACT_HEAD}\n${ACT.replace('networking', 'partying')}\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 2, column: 'category', code: 'category' }],
  ],
  [
    'an unknown municipality',
    () => delivery(`${ACT_HEAD}\n${ACT.replace(',461,1000', ',999,1000')}\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 2, column: 'municipality_code', code: 'municipality' }],
  ],
  [
    'a negative amount',
    () => delivery(`${ACT_HEAD}\n${ACT.replace(',1000,', ',-5,')}\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 2, column: 'grant_dkk', code: 'nonNegativeInteger' }],
  ],
  [
    'a 5-digit industry code',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART.replace('282900', '28290')}\n`),
    [{ file: 'participants.csv', line: 2, column: 'industry_code', code: 'db07' }],
  ],
  [
    'a flag that is not 0/1',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART.replace(',1,0,1', ',yes,0,1')}\n`),
    [{ file: 'participants.csv', line: 2, column: 'new_competence', code: 'flag' }],
  ],
  [
    'a foreign participant with a CVR and country DK',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${C},A1,foreign,10000009,Abroad Ltd,DK,,,,,,\n`),
    [
      { file: 'participants.csv', line: 2, column: 'cvr', code: 'cvrForForeign' },
      { file: 'participants.csv', line: 2, column: 'country', code: 'country' },
    ],
  ],
  [
    'a company with a country',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART.replace('Firma ApS,', 'Firma ApS,SE')}\n`),
    [{ file: 'participants.csv', line: 2, column: 'country', code: 'countryOnlyForeign' }],
  ],
  [
    'a duplicate activity',
    () => delivery(`${ACT_HEAD}\n${ACT}\n${ACT}\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 3, column: 'activity_ref', code: 'duplicateActivity' }],
  ],
  [
    'a duplicate participant',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART}\n${PART}\n`),
    [{ file: 'participants.csv', line: 3, column: 'cvr', code: 'duplicateParticipant' }],
  ],
  [
    'a participant of an unknown activity',
    () => delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART.replace(',A1,', ',A9,')}\n`),
    [{ file: 'participants.csv', line: 2, column: 'activity_ref', code: 'unknownActivity' }],
  ],
  [
    'an activity of an unknown cluster',
    () => [textFile('activities.csv', `${ACT_HEAD}\n${ACT.replaceAll(C, OTHER)}\n`)],
    [{ file: 'activities.csv', line: 2, column: 'cluster_cvr', code: 'unknownCluster' }],
  ],
  [
    'a row with too many cells',
    () => delivery(`${ACT_HEAD}\n${ACT},extra\n`, `${PART_HEAD}\n${PART}\n`),
    [{ file: 'activities.csv', line: 2, column: null, code: 'cellCount' }],
  ],
  [
    'broken quoting',
    () =>
      delivery(
        `${ACT_HEAD}\n${ACT}\n${C},A2,"Work"shop,networking,2023-03-01,,,,,\n`,
        `${PART_HEAD}\n${PART}\n`,
      ),
    [{ file: 'activities.csv', line: 3, column: null, code: 'csvSyntax' }],
  ],
  [
    'bytes that are not UTF-8',
    () => [
      textFile('clusters.csv', CLUSTERS),
      bytesFile(
        'activities.csv',
        Buffer.concat([
          Buffer.from(`${ACT_HEAD}\n${C},A1,Caf`),
          Buffer.from([0xe9]),
          Buffer.from(',networking,2023-03-01,,,,,\n'),
        ]),
      ),
    ],
    [{ file: 'activities.csv', line: 2, column: null, code: 'encoding' }],
  ],
];

describe('each kind of broken file is rejected with its line and column, and nothing is written', () => {
  for (const [name, files, expected] of cases) {
    it(name, async () => {
      const outcome = await deliver(database, files());
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      const got = outcome.errors.map(({ file, line, column, code }) => ({ file, line, column, code }));
      expect(got).toEqual(expected);
      expect(await dataFingerprint(database)).toBe(baseline);
    });
  }

  it('reports every error of a file, not just the first', async () => {
    const bad = [
      `${C},A1,Ok,networking,2023-03-01,,,,,`,
      `${C},A2,,networking,2023-13-01,,,,,`,
      `${C},A3,Ok,nope,2023-03-01,,,x,,`,
    ];
    const outcome = await deliver(
      database,
      delivery(`${ACT_HEAD}\n${bad.join('\n')}\n`, `${PART_HEAD}\n${PART}\n`),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => `${e.line}:${e.column}`)).toEqual([
      '3:title',
      '3:start_date',
      '4:category',
      '4:grant_dkk',
    ]);
  });

  it('loads a valid delivery after all of that', async () => {
    const outcome = await deliver(database, delivery(`${ACT_HEAD}\n${ACT}\n`, `${PART_HEAD}\n${PART}\n`));
    expect(outcome.ok).toBe(true);
    expect(await dataFingerprint(database)).not.toBe(baseline);
  });
});

/** A CSV cell as the format writes it: quoted when it holds a quote, a comma or a line break. */
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Random damage to one cell: values near the rules' edges and arbitrary short text. NUL is left
 * out: PostgreSQL's text cannot hold it, so COPY refuses such a file and the JS reader judges it.
 */
const garbage = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    '-1',
    '2023-02-30',
    '99999999',
    '"',
    'DK',
    'dk',
    ' 461',
    '１２',
    '\t',
    'null',
    '0',
    '1 ',
  ),
  fc.string({ maxLength: 12 }).map((v) => v.replaceAll('\0', '')),
);

/** Codes of the checks that need the whole delivery: a valid row may still fail one of them. */
const DELIVERY_CHECKS = new Set([
  'duplicateCluster',
  'duplicateActivity',
  'duplicateParticipant',
  'unknownCluster',
  'unknownActivity',
  'notYourCluster',
  'periodLocked',
]);

describe('property: a broken cell never crashes, never writes, and is named by its line', () => {
  it('holds for random damage to a generated delivery', async () => {
    const own = await createTestDatabase();
    try {
      const g = generateDelivery(3, { clusters: 2, companies: 20, activities: 12 });
      let before = await dataFingerprint(own);
      const [header, ...records] = parse(g.participantsCsv) as string[][];
      const map = recogniseHeader('participants.csv', header as string[]).map as HeaderMap;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: records.length - 1 }),
          fc.integer({ min: 0, max: (header as string[]).length - 1 }),
          garbage,
          async (row, col, value) => {
            const damaged = records.map((r) => [...r]);
            (damaged[row] as string[])[col] = value;
            const text = [header as string[], ...damaged].map((r) => r.map(csvCell).join(',')).join('\n');
            const outcome = await deliver(own, [
              textFile('clusters.csv', g.clustersCsv),
              textFile('activities.csv', g.activitiesCsv),
              textFile('participants.csv', `${text}\n`),
            ]);
            // The row rules judge the damaged row on their own: an invalid row rejects the delivery
            // with exactly its errors; a valid one loads, unless it clashes with the rest of it.
            const verdict = validateRecord('participants.csv', map, row + 2, damaged[row] as string[], true);
            if ('errors' in verdict) {
              expect(outcome.ok).toBe(false);
              if (!outcome.ok) expect(outcome.errors).toEqual(expect.arrayContaining(verdict.errors));
            } else if (!outcome.ok) {
              expect(outcome.errors.map((e) => e.code).filter((code) => !DELIVERY_CHECKS.has(code))).toEqual(
                [],
              );
            }
            if (outcome.ok) before = await dataFingerprint(own);
            else expect(await dataFingerprint(own)).toBe(before);
          },
        ),
        { numRuns: 40, seed: 20261126 },
      );
    } finally {
      await own.close();
    }
  }, 120_000);
});

/** What the row rules made of a file's rows: the staged rows (with their values) and the errors. */
interface Judged {
  staged: Record<string, unknown>[];
  errors: DeliveryError[];
}

/** The rows of a table, staged by the JS rules alone and by the SQL rules with the JS rules after them. */
async function stagedBothWays(database: Database, table: 'activities' | 'participants', rows: string[][]) {
  const [header, ...body] = rows as [string[], ...string[][]];
  const file = { name: `${table}.csv` };
  const map = recogniseHeader(file.name, header).map as HeaderMap;
  // Hours compare by value: COPY keeps '60.50' as written, JS stages 60.5; the merge stores both
  // as numeric(14,2), the same.
  const staged = async (session: BulkSession) =>
    (await session.query<Record<string, unknown>>(`select * from stage_${table} order by line`)).map((r) =>
      'hours' in r && r.hours !== null ? { ...r, hours: Number(r.hours) } : r,
    );
  return withBulkSession<{ byJs: Judged; bySql: Judged }>(database, systemActor('test'), async (session) => {
    await session.exec(STAGE_DDL);
    // The JS row validator on each row, staging every row it passes.
    const js = { stager: new Stager(session), errors: new ErrorList() };
    for (const [i, cells] of body.entries()) {
      const result = validateRecord(file.name, map, i + 2, cells, true);
      if ('errors' in result) for (const e of result.errors) js.errors.add(e);
      else await js.stager.add(table, 0, i + 2, result.row);
    }
    await js.stager.flush();
    const byJs = { staged: await staged(session), errors: js.errors.items };
    await session.exec(`truncate stage_${table}`);
    // The same cells as COPY leaves them (an empty cell is null), judged by the SQL rules first.
    await session.exec(rawTableDdl('stage_raw_0', map.width));
    const cellText = (v: string) => (v === '' ? '\\N' : copyValue(v));
    const columns = Array.from({ length: map.width }, (_, i) => `c${i}`);
    await session.copyIn(
      'stage_raw_0',
      columns,
      `${body.map((r) => r.map(cellText).join('\t')).join('\n')}\n`,
    );
    const sql = { stager: new Stager(session), errors: new ErrorList() };
    await stageCopiedRows(session, 'stage_raw_0', body.length, { file, fileIndex: 0, map, ...sql });
    await sql.stager.flush();
    const bySql = { staged: await staged(session), errors: sql.errors.items };
    throw new Rollback({ byJs, bySql });
  });
}

describe('property: the SQL row rules never judge a row differently from the JS row rules', () => {
  it('stages the same rows with the same values and names the same errors, for random damage', async () => {
    const own = await createTestDatabase();
    try {
      const g = generateDelivery(5, { clusters: 2, companies: 20, activities: 12 });
      const tables = {
        activities: parse(g.activitiesCsv) as string[][],
        participants: parse(g.participantsCsv) as string[][],
      };
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('activities' as const, 'participants' as const),
          fc.array(fc.tuple(fc.nat(), fc.nat(), garbage), { minLength: 1, maxLength: 4 }),
          async (table, damage) => {
            const [header, ...records] = tables[table] as [string[], ...string[][]];
            const damaged = records.map((r) => [...r]);
            for (const [row, col, value] of damage)
              (damaged[row % damaged.length] as string[])[col % header.length] = value;
            const { byJs, bySql } = await stagedBothWays(own, table, [header, ...damaged]);
            expect(bySql.errors).toEqual(byJs.errors);
            expect(bySql.staged).toEqual(byJs.staged);
            if (byJs.errors.length > 0) refused++;
          },
        ),
        { numRuns: 150, seed: 20261127 },
      );
      // The damage did reach the rules: many runs had rows the rules refuse.
      expect(refused).toBeGreaterThan(50);
    } finally {
      await own.close();
    }
  }, 120_000);

  it('stages a row the SQL rules leave to JS (spaces around a value) as the JS rules do', async () => {
    const own = await createTestDatabase();
    try {
      // Whitespace around a value: the JS rules trim it; the SQL rules pass no such row themselves.
      const rows = [
        ['cluster_cvr', 'activity_ref', 'title', 'category', 'start_date'],
        [C, ' A1 ', 'Møde', 'networking', '2023-03-01'],
        [C, 'A2', 'Møde', 'networking', '2023-02-30'],
        [C, 'A3', 'Møde', 'networking', '2023-03-01'],
      ];
      const { byJs, bySql } = await stagedBothWays(own, 'activities', rows);
      expect(byJs.staged.map((r) => [r.line, r.activity_ref])).toEqual([
        [2, 'A1'],
        [4, 'A3'],
      ]);
      expect(byJs.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, 'start_date', 'date']]);
      expect(bySql).toEqual(byJs);
    } finally {
      await own.close();
    }
  });
});
