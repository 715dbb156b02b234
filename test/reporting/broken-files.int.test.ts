import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { DeliveryError } from '../../src/domain/reporting/format/errors.ts';
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

describe('property: a broken cell never crashes, never writes, and is named by its line', () => {
  it('holds for random damage to a generated delivery', async () => {
    const own = await createTestDatabase();
    try {
      const g = generateDelivery(3, { clusters: 2, companies: 20, activities: 12 });
      let before = await dataFingerprint(own);
      const lines = g.participantsCsv.trim().split('\n');
      const garbage = fc.oneof(
        fc.constantFrom('', 'x', '-1', '2023-02-30', '99999999', '"', 'DK', '１２', '\t', 'null'),
        fc.string({ maxLength: 12 }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: lines.length - 1 }),
          fc.integer({ min: 0, max: 11 }),
          garbage,
          async (row, col, value) => {
            const cells = (lines[row] as string).split(',');
            if (cells[col] === value) return;
            cells[col] = /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
            const broken = [...lines];
            broken[row] = cells.join(',');
            const outcome = await deliver(own, [
              textFile('clusters.csv', g.clustersCsv),
              textFile('activities.csv', g.activitiesCsv),
              textFile('participants.csv', `${broken.join('\n')}\n`),
            ]);
            if (outcome.ok) {
              // Some damage is still valid data (e.g. an empty optional cell); then it loaded whole.
              before = await dataFingerprint(own);
              return;
            }
            expect(outcome.errors.length).toBeGreaterThan(0);
            expect(
              outcome.errors.some(
                (e) =>
                  e.file === 'participants.csv' &&
                  (e.line === row + 1 || e.code === 'csvSyntax' || e.code.startsWith('duplicate')),
              ),
            ).toBe(true);
            expect(await dataFingerprint(own)).toBe(before);
          },
        ),
        { numRuns: 40, seed: 20261126 },
      );
    } finally {
      await own.close();
    }
  }, 120_000);
});
