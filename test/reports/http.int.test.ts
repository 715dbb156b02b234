import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { performanceExportHref } from '../../src/http/web/performance/exports.tsx';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { da, expectSheetHolds, flatAccount, pdfText, readXlsx, skipPdf } from './helpers.ts';

const YEAR = 2023;
const g = generateDelivery(52, { clusters: 2, companies: 100, activities: 80 });
let database: Database;
let t: TestApp;
let client: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await deliver(database, [
    textFile('clusters.csv', g.clustersCsv),
    textFile('activities.csv', g.activitiesCsv),
    textFile('participants.csv', g.participantsCsv),
  ]);
  expect(outcome.ok).toBe(true);
  // The funders approved every year: the official account, which the public downloads, has it all.
  await approveReportedYears(database);
  t = createTestApp(database);
  client = new Client(t.app);
}, 60_000);
afterAll(() => database?.close());

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('performance-account downloads', () => {
  it('builds Danish and English links with an optional cluster', () => {
    expect(performanceExportHref('da', 2023, 'xlsx')).toBe('/resultater/2023/eksport.xlsx');
    expect(performanceExportHref('en', 2023, 'pdf', '29403473')).toBe(
      '/en/results/2023/export.pdf?cluster=29403473',
    );
    expect(performanceExportHref('da', 2023, 'csv', 'all')).toBe('/resultater/2023/eksport.csv?cluster=all');
  });

  it('serves the national account as CSV, an attachment with the key,value lines', async () => {
    const res = await client.request('/resultater/2023/eksport.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="performanceregnskab-2023.csv"',
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,value');
    const parsed = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
    const account = await performanceAccount(database.db, YEAR);
    expect(account).toEqual(g.expected(YEAR));
    for (const [key, value] of flatAccount(account))
      expect(parsed.get(key), key).toBe(value === null ? '' : String(value));
  });

  it("serves one cluster's account as a workbook named after the cluster", async () => {
    const cvr = g.clusterCvrs[1] as string;
    const res = await client.request(`/resultater/2023/eksport.xlsx?cluster=${cvr}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="performanceregnskab-2023-${cvr}.xlsx"`,
    );
    const sheets = await readXlsx(await bytes(res));
    const [first] = sheets.values();
    if (!first) throw new Error('no sheet');
    expect([...sheets.keys()][0]).toMatch(/^Testklynge 52-1/);
    expectSheetHolds(first, g.expected(YEAR, cvr));
  });

  it('serves every cluster as its own sheet with ?cluster=all, English labels on the English path', async () => {
    const res = await client.request('/en/results/2023/export.xlsx?cluster=all');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="performance-account-2023-all-clusters.xlsx"',
    );
    const sheets = await readXlsx(await bytes(res));
    expect([...sheets.keys()]).toHaveLength(1 + g.clusterCvrs.length + 1);
    const national = sheets.get('All of Denmark');
    if (!national) throw new Error('no national sheet');
    expect(national.header).toEqual(['Indicator', 'Key (JSON)', 'Value']);
    expectSheetHolds(national, g.expected(YEAR));
  });

  it.skipIf(skipPdf)('serves a PDF that poppler reads, with the figures in it', async () => {
    const res = await client.request('/resultater/2023/eksport.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="performanceregnskab-2023.pdf"',
    );
    const pdf = await bytes(res);
    const text = await pdfText(pdf);
    const account = g.expected(YEAR) as { participating_companies: number; innovating_companies: number };
    expect(text).toContain('Performanceregnskab 2023');
    expect(text).toMatch(
      new RegExp(
        `Deltagende virksomheder +participating_companies +${da(account.participating_companies)}\\b`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`Innovative virksomheder .*innovating_companies +${da(account.innovating_companies)}\\b`),
    );
    const en = await pdfText(await bytes(await client.request('/en/results/2023/export.pdf')));
    expect(en).toContain('Performance account 2023');
    expect(en).toContain('Generated:');
  });

  it('answers a wrong year or cluster with a clear page: 400, or 404 for an unknown cluster', async () => {
    const badYear = await client.get('/resultater/20x3/eksport.pdf');
    expect(badYear.res.status).toBe(400);
    expect(badYear.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(badYear.html).toContain('»20x3« er ikke et år');
    expect((await client.get('/resultater/1999/eksport.xlsx')).res.status).toBe(400);
    const badCvr = await client.get('/en/results/2023/export.csv?cluster=12345678');
    expect(badCvr.res.status).toBe(400);
    expect(badCvr.html).toContain('is not a valid CVR number');
    const allCsv = await client.get('/resultater/2023/eksport.csv?cluster=all');
    expect(allCsv.res.status).toBe(400);
    expect(allCsv.html).toContain('kun hentes som Excel');
    const unknown = completeCvr('9876543') ?? (completeCvr('9876542') as string);
    const missing = await client.get(`/resultater/2023/eksport.pdf?cluster=${unknown}`);
    expect(missing.res.status).toBe(404);
    expect(missing.html).toContain(`ingen klyngeorganisation med CVR-nummer ${unknown}`);
  });
});
