import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/database.ts';
import { dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

/**
 * On PostgreSQL activities and participants files are parsed by COPY and checked in SQL; anything
 * unusual goes the JS way. These files are the unusual ones: on both drivers they must load, or be
 * rejected with exactly the line a person sees in an editor.
 */
let database: Database;
const C = '29403473';
const CLUSTERS = `cvr,name,league,municipality_code\n${C},Testklyngen,regional,461\n`;
const ACTS = `cluster_cvr,activity_ref,title,category,start_date\n${C},A1,Workshop,networking,2023-03-01\n`;
const HEAD = 'cluster_cvr,activity_ref,participant_type,cvr,name,country,employees,new_product';
const ok = (cvr: string, name: string) => `${C},A1,company,${cvr},${name},,12,1`;
const BAD_CVR = `${C},A1,company,10000008,Firma,,12,1`;

const load = (participants: string) =>
  deliver(database, [
    textFile('clusters.csv', CLUSTERS),
    textFile('activities.csv', ACTS),
    textFile('participants.csv', participants),
  ]);

/** The companies' names as their participations describe them. */
const names = () =>
  queryRows<{ cvr: string; name: string }>(
    database.db,
    sql`select distinct cvr, name from participations where cvr is not null order by cvr`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('CSV files that COPY would read differently keep their exact line numbers', () => {
  const cases: [string, string, number][] = [
    ['a quoted line break', `${HEAD}\n${ok('10000009', '"Firma\nApS"')}\n${BAD_CVR}\n`, 4],
    ['a blank line', `${HEAD}\n${ok('10000009', 'Firma')}\n\n${BAD_CVR}\n`, 4],
    ['CRLF line ends and a BOM', `\uFEFF${HEAD}\r\n${ok('10000009', 'Firma')}\r\n${BAD_CVR}\r\n`, 3],
    ['a quoted comma', `${HEAD}\n${ok('10000009', '"Firma, ApS"')}\n${BAD_CVR}\n`, 3],
  ];
  for (const [what, text, line] of cases) {
    it(what, async () => {
      const before = await dataFingerprint(database);
      const outcome = await load(text);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.errors.map((e) => [e.file, e.line, e.column, e.value, e.code])).toEqual([
        ['participants.csv', line, 'cvr', '10000008', 'cvr'],
      ]);
      expect(await dataFingerprint(database)).toBe(before);
    });
  }

  it('a line holding only \\. (the end of COPY data) is a row like any other', async () => {
    const outcome = await load(`${HEAD}\n${ok('10000009', 'Firma')}\n\\.\n${ok('10000017', 'Anden')}\n`);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.line, e.code])).toEqual([[3, 'cellCount']]);
  });

  it('broken quoting is a CSV syntax error on its line, not a value COPY made up', async () => {
    const outcome = await load(`${HEAD}\n${ok('10000009', 'Firma')}\n${ok('10000017', '"An"den')}\n`);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.line, e.code])).toEqual([[3, 'csvSyntax']]);
  });
});

describe('values the SQL rules leave to the JS rules load as the JS rules read them', () => {
  it('trims cells, keeps quoted commas and line breaks, upper-cases a country', async () => {
    const outcome = await load(
      [
        HEAD,
        ok(' 10000009 ', '  Firma ApS\u00a0'),
        ok('10000017', '"Anden, ApS"'),
        ok('10000025', '"Tredje\nlinje"'),
        `${C},A1,foreign,,Abroad Ltd,se,,0`,
        '',
      ].join('\n'),
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.counts.participants).toBe(4);
    expect(await names()).toEqual([
      { cvr: '10000009', name: 'Firma ApS' },
      { cvr: '10000017', name: 'Anden, ApS' },
      { cvr: '10000025', name: 'Tredje\nlinje' },
    ]);
    const [foreign] = await queryRows<{ country: string }>(
      database.db,
      sql`select country from participations where cvr is null`,
    );
    expect(foreign?.country).toBe('SE');
  });
});

describe('activities: the SQL rules and the JS rules stage the same values', () => {
  const AHEAD =
    'cluster_cvr,activity_ref,title,category,start_date,end_date,municipality_code,grant_dkk,external_funding_dkk,private_cofinancing_hours';
  const PARTS = `${HEAD}\n${ok('10000009', 'Firma')}\n`;
  const loadActivities = (activities: string) =>
    deliver(database, [
      textFile('clusters.csv', CLUSTERS),
      textFile('activities.csv', activities),
      textFile('participants.csv', PARTS),
    ]);

  it('loads month ends, leap days, decimals and trimmed cells as the JS rules read them', async () => {
    const outcome = await loadActivities(
      [
        AHEAD,
        `${C},A1,Workshop,networking,2023-03-01,,,,,`,
        `${C},M31,Månedsslut,internationalisation,2023-01-31,2023-12-31,101,1000,0,12.50`,
        `${C},LEAP,Skuddag,innovation_collaboration,2024-02-29,2024-02-29,461,,250000,7`,
        `${C}, SPACE ,"  Mellemrum ",networking, 2023-06-30 ,,,  42 ,,0.5`,
        '',
      ].join('\n'),
    );
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    const rows = await queryRows<Record<string, string | null>>(
      database.db,
      sql`select activity_ref, title, category, start_date::text, end_date::text, municipality_code::text,
                 grant_dkk::text, external_funding_dkk::text, private_cofinancing_hours::text
          from activities where activity_ref in ('M31', 'LEAP', 'SPACE') order by activity_ref`,
    );
    expect(rows).toEqual([
      {
        activity_ref: 'LEAP',
        title: 'Skuddag',
        category: 'innovation_collaboration',
        start_date: '2024-02-29',
        end_date: '2024-02-29',
        municipality_code: '461',
        grant_dkk: null,
        external_funding_dkk: '250000',
        private_cofinancing_hours: '7.00',
      },
      {
        activity_ref: 'M31',
        title: 'Månedsslut',
        category: 'internationalisation',
        start_date: '2023-01-31',
        end_date: '2023-12-31',
        municipality_code: '101',
        grant_dkk: '1000',
        external_funding_dkk: '0',
        private_cofinancing_hours: '12.50',
      },
      {
        activity_ref: 'SPACE',
        title: 'Mellemrum',
        category: 'networking',
        start_date: '2023-06-30',
        end_date: null,
        municipality_code: null,
        grant_dkk: '42',
        external_funding_dkk: null,
        private_cofinancing_hours: '0.50',
      },
    ]);
  });

  it('refuses days a month does not have, years before 100 and an end before the start, on their lines', async () => {
    const before = await dataFingerprint(database);
    const outcome = await loadActivities(
      [
        AHEAD,
        `${C},A1,Workshop,networking,2023-03-01,,,,,`,
        `${C},B1,Ikke skuddag,networking,2023-02-29,,,,,`,
        `${C},B2,April,networking,2023-04-31,,,,,`,
        `${C},B3,Oldtid,networking,0099-01-01,,,,,`,
        `${C},B4,Baglæns,networking,2023-05-02,2023-05-01,,,,`,
        `${C},B5,Timer,networking,2023-05-02,,,,,1.234`,
        '',
      ].join('\n'),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.file, e.line, e.column, e.value, e.code])).toEqual([
      ['activities.csv', 3, 'start_date', '2023-02-29', 'date'],
      ['activities.csv', 4, 'start_date', '2023-04-31', 'date'],
      ['activities.csv', 5, 'start_date', '0099-01-01', 'date'],
      ['activities.csv', 6, 'end_date', '2023-05-01', 'endBeforeStart'],
      ['activities.csv', 7, 'private_cofinancing_hours', '1.234', 'nonNegativeNumber'],
    ]);
    expect(await dataFingerprint(database)).toBe(before);
  });
});
