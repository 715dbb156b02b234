import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PerformanceAccount } from '../domain/performance/account.ts';
import { xlsxTemplate } from './templates.ts';
import { writeAccountXlsx } from './xlsx.ts';

/** Names a spreadsheet would run as formulas if they were stored as formulas. */
const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '@SUM(1+1)', '+1', '-1'];

async function cellsOf(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: { type: ExcelJS.ValueType; value: unknown }[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ type: cell.type, value: cell.value })));
  return cells;
}

describe('the XLSX writers store text as text', () => {
  it('writes a scope named like a formula as a text cell, never a formula', async () => {
    const account = {
      year: 2023,
      activities: 7,
      innovating_companies_by_region: {},
      private_cofinancing_by_source_dkk: { hours: 0, fees: 0, sponsorship: 0, foundations: 0 },
      knowledge_institution_participations_by_kind: {},
    } as unknown as PerformanceAccount;
    const sections = HOSTILE.map((name) => ({ scopeLabel: name, shortName: name, account }));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeAccountXlsx(
      sections,
      { year: 2023, lang: 'da', generatedAt: new Date(), regionNames: {}, preliminary: false },
      out,
    );
    const cells = await cellsOf(Buffer.concat(chunks));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const scope = cells.find((c) => typeof c.value === 'string' && c.value.startsWith('=HYPERLINK'));
    expect(scope).toEqual({ type: ExcelJS.ValueType.String, value: HOSTILE.join('; ') });
  });

  it('writes the template without formulas', async () => {
    const cells = await cellsOf(await xlsxTemplate());
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((c) => c.type !== ExcelJS.ValueType.String)).toEqual([]);
  });
});
