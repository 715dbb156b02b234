import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { createTestDatabase } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { bytesFile, dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

let database: Database;
const gen = generateDelivery(7, { clusters: 3, companies: 80, activities: 60 });
const files = () => [
  textFile('participants.csv', gen.participantsCsv),
  textFile('activities.csv', gen.activitiesCsv),
  textFile('clusters.csv', gen.clustersCsv),
];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('a valid delivery', () => {
  it('loads, and the account equals the spec definitions computed independently, nationally and per cluster', async () => {
    const outcome = await deliver(database, files());
    expect(outcome.ok, JSON.stringify(outcome.ok ? '' : outcome.errors.slice(0, 3))).toBe(true);
    expect(outcome.counts.activities).toBe(60);
    for (const year of [2022, 2023]) {
      expect(await performanceAccount(database.db, year, { kind: 'national' }, 'preliminary')).toEqual(
        gen.expected(year, undefined, 'preliminary'),
      );
      // Nothing approved: nothing official.
      expect(await performanceAccount(database.db, year)).toEqual(gen.expected(year, []));
      for (const cvr of gen.clusterCvrs) {
        expect(
          await performanceAccount(database.db, year, { kind: 'cluster', cvr }, 'preliminary'),
          `${year} ${cvr}`,
        ).toEqual(gen.expected(year, cvr, 'preliminary'));
      }
    }
  });

  it('is idempotent: loading it again changes no data and writes no audit rows', async () => {
    const before = await dataFingerprint(database);
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log`,
    );
    const again = await deliver(database, files());
    expect(again.ok).toBe(true);
    expect(await dataFingerprint(database)).toBe(before);
    const [after] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log`,
    );
    expect(after?.n).toBe(audit?.n);
  });

  it('records every delivery in the log with file checksums and row counts', async () => {
    const rows = await queryRows<{ status: string; files: { name: string; sha256: string; rows: number }[] }>(
      database.db,
      sql`select status, files from deliveries order by started_at`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const last = rows.at(-1);
    expect(last?.status).toBe('loaded');
    expect(last?.files.map((f) => f.name)).toEqual(['participants.csv', 'activities.csv', 'clusters.csv']);
    expect(last?.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(last?.files[1]?.rows).toBe(60);
  });

  it('replaces an activity and its whole participant list when delivered again', async () => {
    const cluster = gen.clusterCvrs[0] as string;
    const acts = `cluster_cvr,activity_ref,title,category,start_date\n${cluster},A-0,Ny titel,networking,2023-03-01\n`;
    const parts = `cluster_cvr,activity_ref,participant_type,cvr,name\n${cluster},A-0,company,29403473,Ny Deltager ApS\n`;
    const outcome = await deliver(database, [
      textFile('activities.csv', acts),
      textFile('participants.csv', parts),
    ]);
    expect(outcome.ok).toBe(true);
    const rows = await queryRows<{ title: string; n: number; cvr: string }>(
      database.db,
      sql`select a.title, count(*) over ()::int as n, p.cvr from activities a join participations p on p.activity_id = a.id
          join organisations o on o.id = a.cluster_id where o.cvr = ${cluster} and a.activity_ref = 'A-0'`,
    );
    expect(rows).toEqual([{ title: 'Ny titel', n: 1, cvr: '29403473' }]);
  });
});

describe('an .xlsx workbook with the three sheets', () => {
  it('loads like the CSV files', async () => {
    const own = await createTestDatabase();
    try {
      const g = generateDelivery(11, { clusters: 2, companies: 30, activities: 20 });
      const workbook = new ExcelJS.Workbook();
      for (const [name, text] of [
        ['clusters', g.clustersCsv],
        ['activities', g.activitiesCsv],
        ['participants', g.participantsCsv],
      ] as const) {
        const sheet = workbook.addWorksheet(name);
        for (const line of text.trim().split('\n')) sheet.addRow(parseSimpleCsvLine(line));
      }
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const outcome = await deliver(own, [bytesFile('delivery.xlsx', bytes)]);
      expect(outcome.ok, JSON.stringify(outcome.ok ? '' : outcome.errors.slice(0, 3))).toBe(true);
      expect(await performanceAccount(own.db, 2023, { kind: 'national' }, 'preliminary')).toEqual(
        g.expected(2023, undefined, 'preliminary'),
      );
    } finally {
      await own.close();
    }
  });
});

/** The generator quotes names with commas; a tiny reader is enough for building a test workbook. */
function parseSimpleCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
