import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  formatGeneratedAt,
  KEY_LABELS,
  REGION_KEY,
  type ReportOptions,
  type ReportSection,
  regionRows,
  splitRows,
  TEXT,
  type ValueKind,
} from './labels.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMAT: Record<ValueKind | 'year', string> = {
  year: '0',
  count: '#,##0',
  dkk: '#,##0 "kr."',
  share: '0.0%',
};

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Ark';
    let name = base.slice(0, 31);
    for (let i = 2; used.has(name.toLowerCase()); i++)
      name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes the account of each section as one sheet (Danish or English labels beside each JSON key,
 * bold frozen header, number formats with thousands separators), then a sheet about the report.
 * Streams to `out` and ends it.
 */
export async function writeAccountXlsx(
  sections: readonly ReportSection[],
  opts: ReportOptions,
  out: Writable,
): Promise<void> {
  const t = TEXT[opts.lang];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Klyngeportalen';
  workbook.created = opts.generatedAt;
  const names = sheetNames([...sections.map((s) => s.shortName), t.about]);
  sections.forEach((section, i) => {
    const sheet = workbook.addWorksheet(names[i], {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      headerFooter: { oddHeader: `&L${t.title} ${opts.year}&R${section.scopeLabel.replaceAll('&', '&&')}` },
    });
    sheet.columns = [{ width: 62 }, { width: 44 }, { width: 18 }];
    const header = sheet.addRow([t.label, t.key, t.value]);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.getCell(3).alignment = { horizontal: 'right' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    header.commit();
    const add = (label: string, key: string, value: number | null, format: string) => {
      const row = sheet.addRow([label, key, value]);
      row.getCell(2).font = { name: 'Courier New', size: 10 };
      row.getCell(3).numFmt = format;
      row.commit();
    };
    add(t.year, 'year', section.account.year, NUMBER_FORMAT.year);
    // The basis as a line a reader sees: the label says it in words, the value is the JSON key's.
    const basis = sheet.addRow([
      opts.preliminary ? t.preliminary : t.official,
      'preliminary',
      opts.preliminary,
    ]);
    basis.getCell(2).font = { name: 'Courier New', size: 10 };
    if (opts.preliminary) basis.getCell(1).font = { bold: true };
    basis.commit();
    for (const { key, kind, ...labels } of KEY_LABELS)
      add(labels[opts.lang], key, section.account[key], NUMBER_FORMAT[kind]);
    for (const r of splitRows(section.account, opts.lang))
      add(r.label, r.key, r.value, NUMBER_FORMAT[r.kind]);
    for (const r of regionRows(section.account, opts))
      add(t.regionLabel(r.name), `${REGION_KEY}.${r.code}`, r.value, NUMBER_FORMAT.count);
    sheet.commit();
  });
  const about = workbook.addWorksheet(names[sections.length]);
  about.columns = [{ width: 22 }, { width: 90 }];
  const line = (label: string, value: string) => {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  };
  const title = about.addRow([`${t.title} ${opts.year}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  line(t.year, String(opts.year));
  line(t.basis, opts.preliminary ? t.preliminary : t.official);
  line(t.scope, sections.map((s) => s.scopeLabel).join('; '));
  line(t.generatedAt, `${formatGeneratedAt(opts.generatedAt, opts.lang)} (${t.danishTime})`);
  line('', t.source);
  about.commit();
  await workbook.commit();
}
