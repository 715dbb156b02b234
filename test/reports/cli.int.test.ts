import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { approveReportedYears } from '../reporting/delivery-helpers.ts';
import { databaseUrlOf } from '../support/cli.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import {
  da,
  expectSheetHolds,
  flatAccount,
  pdfText,
  readXlsx,
  type SheetContent,
  skipPdf,
} from './helpers.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
const g = generateDelivery(63, { clusters: 2, companies: 90, activities: 70 });
let dir: string;
let database: Database | undefined;
let env: Record<string, string>;

function run(args: string[]) {
  return new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

/**
 * `klynge report` on its own database, loaded with `klynge import` like a user would. On
 * PostgreSQL only: every run of the CLI on PGlite loads the database engine afresh, which made this
 * file 100 s of test time there. The report formats are the same code on both drivers (tested
 * in-process on both in renderers.int.test.ts), and the CLI on a PGlite data directory is tested by
 * test/reporting/cli.int.test.ts (import and JSON report).
 */
const onPostgres = testDriver() === 'postgres';
beforeAll(async () => {
  if (!onPostgres) return;
  dir = await mkdtemp(join(tmpdir(), 'klynge-cli-report-'));
  database = await createTestDatabase();
  env = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrlOf(database) } as Record<
    string,
    string
  >;
  const files = ['clusters', 'activities', 'participants'].map((name) => join(dir, `${name}.csv`));
  await writeFile(files[0] as string, g.clustersCsv);
  await writeFile(files[1] as string, g.activitiesCsv);
  await writeFile(files[2] as string, g.participantsCsv);
  const loaded = await run(['import', ...files]);
  expect(loaded.code, loaded.stderr).toBe(0);
  // Approved by the funders: the report without --preliminary counts official figures only.
  await approveReportedYears(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(onPostgres)('klynge report --format xlsx|pdf|csv', () => {
  it('writes a workbook to --out, national and one sheet per cluster, every value the JSON report’s', async () => {
    const json = await run(['report', '--year', '2023', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const account = JSON.parse(json.stdout.toString());
    expect(account).toEqual(g.expected(2023));
    const out = join(dir, 'alle.xlsx');
    const r = await run(['report', '--year', '2023', '--cluster', 'all', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBe(0);
    const sheets = await readXlsx(await readFile(out));
    const names = g.clusterCvrs.map((_, i) => `Testklynge 63-${i}, "gen"`);
    expect([...sheets.keys()]).toEqual(['Hele landet', ...names, 'Om rapporten']);
    expectSheetHolds(sheets.get('Hele landet') as SheetContent, account);
    g.clusterCvrs.forEach((cvr, i) => {
      expectSheetHolds(sheets.get(names[i] as string) as SheetContent, g.expected(2023, cvr));
    });
  }, 90_000);

  it.skipIf(skipPdf)(
    'writes a PDF to --out, and to stdout when that is a pipe',
    async () => {
      const cvr = g.clusterCvrs[0] as string;
      const expected = g.expected(2023, cvr) as { participating_companies: number; activities: number };
      const out = join(dir, 'konto.pdf');
      const r = await run(['report', '--year', '2023', '--cluster', cvr, '--format', 'pdf', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const text = await pdfText(await readFile(out));
      expect(text).toContain('Performanceregnskab 2023');
      expect(text).toContain(`(CVR ${cvr})`);
      expect(text).toContain('Deltagende små virksomheder');
      expect(text).toMatch(new RegExp(`Aktiviteter +activities +${da(expected.activities)}\\b`));
      const piped = await run(['report', '--year', '2023', '--cluster', cvr, '--format', 'pdf']);
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stdout.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await pdfText(piped.stdout)).toMatch(
        new RegExp(`participating_companies +${da(expected.participating_companies)}\\b`),
      );
    },
    60_000,
  );

  it('reports one league or one region with --league and --region', async () => {
    const json = async (args: string[]) => {
      const r = await run(['report', '--year', '2023', '--format', 'json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout.toString()) as Record<string, unknown>;
    };
    const national = g.expected(2023);
    // Every generated cluster is in the regional league: its account is the national one.
    expect(await json(['--league', 'regional'])).toEqual(national);
    const worldClass = await json(['--league', 'world_class']);
    expect(worldClass.activities).toBe(0);
    expect(worldClass.participating_companies).toBe(0);
    // Syddanmark: only its own companies, so its innovating companies are the national region figure.
    const region = await json(['--region', '1083']);
    const byRegion = national.innovating_companies_by_region as Record<string, number>;
    expect(region.innovating_companies_by_region).toEqual(
      byRegion['1083'] ? { '1083': byRegion['1083'] } : {},
    );
    expect(region.innovating_companies).toBe(byRegion['1083'] ?? 0);
    expect(region.participating_companies as number).toBeGreaterThan(0);
    expect(region.participating_companies as number).toBeLessThan(national.participating_companies as number);

    const out = join(dir, 'region.xlsx');
    const r = await run(['report', '--year', '2023', '--region', '1083', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const sheets = await readXlsx(await readFile(out));
    expect([...sheets.keys()]).toEqual(['Region Syddanmark', 'Om rapporten']);
    expect(sheets.get('Region Syddanmark')?.values.get('innovating_companies')).toBe(
      region.innovating_companies,
    );
  }, 60_000);

  it('prints CSV with every key', async () => {
    const r = await run(['report', '--year', '2023', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.toString().trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,value');
    expect(lines).toHaveLength(1 + flatAccount(g.expected(2023)).size);
  }, 60_000);

  it('refuses what it cannot do with exit 2 and a clear message', async () => {
    // The first three are refused before any database is opened.
    const cases: [string[], string][] = [
      [['--format', 'docx'], '--format docx is not available; use json, csv, xlsx, pdf'],
      [['--format', 'csv', '--cluster', 'all'], 'use it with --format xlsx or pdf'],
      [['--format', 'pdf', '--cluster', '123'], '--cluster must be a valid CVR number'],
      [
        ['--format', 'xlsx', '--cluster', completeCvr('9876543') ?? '', '--out', join(dir, 'x.xlsx')],
        'no cluster organisation has CVR',
      ],
      [['--format', 'json', '--cluster', completeCvr('9876543') ?? ''], 'no cluster organisation has CVR'],
      [['--format', 'pdf', '--out', join(dir, 'missing', 'x.pdf')], 'cannot write'],
      [['--region', '1090'], '--region must be a region code 1081-1085, not 1090'],
      [['--league', 'premier'], '--league must be world_class, regional or emerging, not premier'],
      [['--region', '1083', '--league', 'regional'], 'give at most one of --cluster, --region and --league'],
    ];
    for (const [args, message] of cases) {
      const r = await run(['report', '--year', '2023', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  }, 120_000);
});
