import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { jsonDeliveryFiles } from '../../src/domain/reporting/delivery/json.ts';
import type { DeliveryError } from '../../src/domain/reporting/format/errors.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { bytesFile, dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

/**
 * Cells the database cannot hold or no valid row has: a NUL byte is a row error, a record over
 * 64 KiB stops the file with an error at its line and cell, and an error keeps and echoes at most
 * 100 characters of a bad value. Participants go through COPY on PostgreSQL, activities through
 * the JS reader: both ways are covered.
 */
let database: Database;
let baseline: string;
const C = '29403473';
const CLUSTERS = `cvr,name,league,municipality_code\n${C},Celleklyngen,regional,461\n`;
const ACT_HEAD = 'cluster_cvr,activity_ref,title,category,start_date';
const act = (ref: string, title = 'Workshop') => `${C},${ref},${title},networking,2023-03-01`;
const PART_HEAD = 'cluster_cvr,activity_ref,participant_type,cvr,name';
const part = (name: string) => `${C},A1,company,10000009,${name}`;

beforeAll(async () => {
  database = await createTestDatabase();
  baseline = await dataFingerprint(database);
});
afterAll(() => database?.close());

const brief = (errors: DeliveryError[]) =>
  errors.map(({ file, line, column, code }) => ({ file, line, column, code }));

/** The errors the delivery log keeps of a delivery. */
async function loggedErrors(id: string): Promise<DeliveryError[]> {
  const [row] = await queryRows<{ errors: DeliveryError[] }>(
    database.db,
    sql`select errors from deliveries where id = ${id}`,
  );
  return row?.errors ?? [];
}

async function rejected(files: Parameters<typeof deliver>[1]) {
  const outcome = await deliver(database, files);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('loaded');
  expect(await dataFingerprint(database)).toBe(baseline);
  return { ...outcome, logged: await loggedErrors(outcome.deliveryId) };
}

describe(`NUL bytes in a delivery (${testDriver()})`, () => {
  it('are a row error with file, line and column, and the delivery is logged as rejected', async () => {
    const outcome = await rejected([
      textFile('clusters.csv', CLUSTERS),
      textFile('activities.csv', `${ACT_HEAD}\n${act('A1')}\n${act('A2', 'Work\0shop')}\n`),
      textFile('participants.csv', `${PART_HEAD}\n${part('Firma ApS')}\n${part('Fir\0ma')}\n`),
    ]);
    expect(brief(outcome.errors)).toEqual([
      { file: 'activities.csv', line: 3, column: 'title', code: 'nulCharacter' },
      { file: 'participants.csv', line: 3, column: 'name', code: 'nulCharacter' },
    ]);
    // The log holds the value with the NUL shown as ␀ (jsonb cannot hold NUL).
    expect(outcome.logged.map((e) => e.value)).toEqual(['Work\u2400shop', 'Fir\u2400ma']);
  });

  it('in a file name is kept as ␀ in the log', async () => {
    const outcome = await rejected([textFile('activi\0ties.csv', `${ACT_HEAD}\n${act('A1', '')}\n`)]);
    expect(brief(outcome.logged)).toEqual([
      { file: 'activi\u2400ties.csv', line: 2, column: 'title', code: 'required' },
    ]);
    expect(outcome.files.map((f) => f.name)).toEqual(['activi\u2400ties.csv']);
  });

  it('in a column name is an unknown column, named with ␀', async () => {
    const outcome = await rejected([textFile('activities.csv', `${ACT_HEAD},no\0te\n${act('A1')},x\n`)]);
    expect(brief(outcome.logged)).toEqual([
      { file: 'activities.csv', line: 1, column: 'no\u2400te', code: 'unknownColumn' },
    ]);
  });

  it('in JSON rows is a row error pointing at the value', async () => {
    const json = jsonDeliveryFiles({
      activities: [
        {
          cluster_cvr: C,
          activity_ref: 'J1',
          title: 'A\0B',
          category: 'networking',
          start_date: '2023-03-01',
        },
      ],
    });
    const outcome = await rejected(json.files);
    expect(outcome.errors.map((e) => json.locate(e))).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'title',
        code: 'nulCharacter',
        pointer: '/activities/0/title',
      }),
    ]);
  });
});

describe(`a record over 64 KiB (${testDriver()})`, () => {
  const huge = 'x'.repeat(1024 * 1024);

  it('stops a CSV file read in JS at its line and cell, and echoes nothing of it', async () => {
    const outcome = await rejected([
      textFile('activities.csv', `${ACT_HEAD}\n${act('A1')}\n${act('A2', huge)}\n${act('A3')}\n`),
    ]);
    expect(brief(outcome.errors)).toEqual([
      { file: 'activities.csv', line: 3, column: 'title', code: 'cellTooLong' },
    ]);
    expect(outcome.logged[0]?.value).toBeNull();
  });

  it('stops a participants file (COPY on PostgreSQL) the same way', async () => {
    const outcome = await rejected([
      textFile('clusters.csv', CLUSTERS),
      textFile('activities.csv', `${ACT_HEAD}\n${act('A1')}\n`),
      textFile('participants.csv', `${PART_HEAD}\n${part('Firma ApS')}\n${part(`"${huge}"`)}\n`),
    ]);
    expect(brief(outcome.errors)).toEqual([
      { file: 'participants.csv', line: 3, column: 'name', code: 'cellTooLong' },
    ]);
  });

  it('stops at an unterminated quote that runs on', async () => {
    const outcome = await rejected([
      textFile('activities.csv', `${ACT_HEAD}\n${act('A1', `"never closed ${huge}`)}\n`),
    ]);
    expect(brief(outcome.errors)).toEqual([
      { file: 'activities.csv', line: 2, column: 'title', code: 'cellTooLong' },
    ]);
  });

  it('is read no further than the limit: a file of 10,000 columns', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `column_${i}`).join(',');
    const outcome = await rejected([bytesFile('wide.csv', Buffer.from(`${header}\n`))]);
    // Names column_0..9 have 8 characters, ..99 9, ..999 10, then 11: 9,890 characters after
    // 1,000 cells, and cell 1,000 + 5,058 (the 6,059th) passes 65,536. No header yet, so by place.
    expect(brief(outcome.errors)).toEqual([
      { file: 'wide.csv', line: 1, column: '#6059', code: 'cellTooLong' },
    ]);
  });
});

describe(`a bad value (${testDriver()})`, () => {
  it('is kept and echoed as its first 100 characters and an ellipsis', async () => {
    const category = `=${'y'.repeat(299)}`;
    const outcome = await rejected([
      textFile('activities.csv', `${ACT_HEAD}\n${C},A1,Workshop,${category},2023-03-01\n`),
    ]);
    const expected = `${category.slice(0, 100)}…`;
    expect(outcome.errors.map((e) => e.value)).toEqual([expected]);
    expect(outcome.logged.map((e) => e.value)).toEqual([expected]);
  });
});

describe(`a file with an unknown column (${testDriver()})`, () => {
  it('also has its rows judged on the known columns, in the same answer', async () => {
    const outcome = await rejected([
      textFile(
        'activities.csv',
        `${ACT_HEAD},colour\n${C},A1,,networking,2023-03-01,red\n${C},A2,Ok,partying,2023-02-30,blue\n`,
      ),
    ]);
    expect(outcome.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      '1:colour:unknownColumn',
      '2:title:required',
      '3:category:category',
      '3:start_date:date',
    ]);
  });
});
