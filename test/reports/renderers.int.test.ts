import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { organisations } from '../../src/db/schema/index.ts';
import { type PerformanceAccount, performanceAccount } from '../../src/domain/performance/account.ts';
import { type ReportSelection, reportAccounts } from '../../src/domain/performance/report.ts';
import { accountCsv } from '../../src/reports/csv.ts';
import { KEY_LABELS, type ReportOptions } from '../../src/reports/labels.ts';
import { writeAccountPdf } from '../../src/reports/pdf.ts';
import { reportOptions, reportSections } from '../../src/reports/sections.ts';
import { writeAccountXlsx } from '../../src/reports/xlsx.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import {
  barPixels,
  collect,
  da,
  expectSheetHolds,
  flatAccount,
  pdfText,
  readXlsx,
  skipPdf,
} from './helpers.ts';

const YEAR = 2023;
const g = generateDelivery(41, { clusters: 3, companies: 150, activities: 120 });
const NORDIC = 'Søfart & Ærø Klyngen';
let database: Database;
let national: PerformanceAccount;
let opts: ReportOptions;

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
  // A cluster name with æøå and an ampersand, as real names have.
  await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .update(organisations)
      .set({ name: NORDIC })
      .where(eq(organisations.cvr, g.clusterCvrs[1] as string)),
  );
  national = await performanceAccount(database.db, YEAR);
  opts = reportOptions(await reportAccounts(database.db, YEAR, { kind: 'national' }), 'da', new Date());
}, 60_000);
afterAll(() => database?.close());

const sectionsOf = async (selection: ReportSelection) =>
  reportSections(await reportAccounts(database.db, YEAR, selection), 'da');

describe('the fixture', () => {
  it('has the account the spec oracle computes, with innovating companies in several regions', () => {
    expect(national).toEqual(g.expected(YEAR));
    expect(national.innovating_companies).toBeGreaterThan(0);
    expect(Object.keys(national.innovating_companies_by_region).length).toBeGreaterThan(2);
  });
});

describe('CSV', () => {
  it('has a key,value header and every key of the account with its value', () => {
    const lines = accountCsv(national).trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,value');
    const parsed = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
    for (const [key, value] of flatAccount(national))
      expect(parsed.get(key), key).toBe(value === null ? '' : String(value));
    expect(parsed.size).toBe(flatAccount(national).size);
  });
});

describe('XLSX', () => {
  it('has the national sheet and one per cluster, each holding every key of its account', async () => {
    const sections = await sectionsOf({ kind: 'all' });
    const bytes = await collect((out) => writeAccountXlsx(sections, opts, out));
    const sheets = await readXlsx(bytes);
    const names = [...sheets.keys()];
    expect(names[0]).toBe('Hele landet');
    expect(names).toContain(NORDIC);
    expect(names.at(-1)).toBe('Om rapporten');
    expect(names).toHaveLength(2 + g.clusterCvrs.length);

    const nationalSheet = sheets.get('Hele landet');
    if (!nationalSheet) throw new Error('no national sheet');
    expect(nationalSheet.header).toEqual(['Nøgletal', 'Nøgle (JSON)', 'Værdi']);
    expectSheetHolds(nationalSheet, national);
    for (const cvr of g.clusterCvrs) {
      const account = await performanceAccount(database.db, YEAR, { kind: 'cluster', cvr });
      const section = sections.find((s) => s.scopeLabel.includes(cvr));
      const content = sheets.get(section?.shortName.slice(0, 31) ?? '');
      if (!content) throw new Error(`no sheet for ${cvr}`);
      expectSheetHolds(content, account);
      expect(account).toEqual(g.expected(YEAR, cvr));
    }
  });

  it('is formatted: bold frozen header, Danish labels, thousands separators, widths', async () => {
    const sections = await sectionsOf({ kind: 'national' });
    const sheets = await readXlsx(await collect((out) => writeAccountXlsx(sections, opts, out)));
    const { sheet } = sheets.get('Hele landet') ?? {};
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(40);
    const rowOf = (key: string) => {
      let found: import('exceljs').Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === key) found = row;
      });
      if (!found) throw new Error(`no row ${key}`);
      return found;
    };
    const small = rowOf('small_participating_companies');
    expect(small.getCell(1).value).toBe('Deltagende små virksomheder (under 50 ansatte)');
    expect(small.getCell(3).numFmt).toBe('#,##0');
    expect(rowOf('grant_dkk').getCell(3).numFmt).toBe('#,##0 "kr."');
    expect(rowOf('share_outside_strongholds').getCell(3).numFmt).toBe('0.0%');
    expect(rowOf('innovating_companies_by_region.1085').getCell(1).value).toBe(
      'Innovative virksomheder – Region Sjælland',
    );
  });
});

describe.skipIf(skipPdf)('PDF, read by poppler', () => {
  it('is a printable account: title, year, scope, time, every label and number, regions and a chart', async () => {
    const sections = await sectionsOf({ kind: 'national' });
    const bytes = await collect((out) => writeAccountPdf(sections, opts, out));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(`Performanceregnskab ${YEAR}`);
    expect(text).toMatch(/Omfang: Hele landet/);
    expect(text).toMatch(/Dannet: \d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2} \(dansk tid\)/u);
    const line = (label: string) => text.split('\n').find((l) => l.trimStart().startsWith(label)) ?? '';
    expect(line('Deltagende små virksomheder')).toContain(da(national.small_participating_companies));
    expect(line('Deltagende virksomheder')).toContain(da(national.participating_companies));
    expect(line('Aktiviteter ')).toContain(da(national.activities));
    expect(line('Klyngetilskud anvendt')).toContain(`${da(national.grant_dkk)} kr.`);
    for (const { key } of KEY_LABELS) expect(text, key).toContain(key);
    expect(text).toContain('Innovative virksomheder fordelt på region');
    expect(text).toContain('Region Sjælland');
    const sjaelland = national.innovating_companies_by_region['1085'] ?? 0;
    expect(line('Region Sjælland')).toContain(`innovating_companies_by_region.1085`);
    expect(line('Region Sjælland')).toContain(da(sjaelland));
    expect(text).toContain('Figur 1. Antal innovative virksomheder');
    // The bars are drawn in the chart colour: poppler renders them as filled areas.
    expect(await barPixels(bytes)).toBeGreaterThan(200);
  });

  it('prints a cluster name with æøå, and embeds a font for names beyond WinAnsi', async () => {
    const [section] = await sectionsOf({ kind: 'cluster', cvr: g.clusterCvrs[1] as string });
    if (!section) throw new Error('no section');
    const text = await pdfText(await collect((out) => writeAccountPdf([section], opts, out)));
    expect(text).toContain(`Omfang: Klynge: ${NORDIC} (CVR ${g.clusterCvrs[1]})`);
    const greek = { ...section, scopeLabel: 'Klynge: Θάλασσα Łódź' };
    const greekText = await pdfText(await collect((out) => writeAccountPdf([greek], opts, out)));
    expect(greekText).toContain('Klynge: Θάλασσα Łódź');
  });
});
