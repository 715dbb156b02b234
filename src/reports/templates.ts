import ExcelJS from 'exceljs';
import { COLUMNS, type TableName } from '../domain/reporting/format/rows.ts';
import { toCsv } from './csv-writer.ts';

/** One example row per file, valid against the rules (the CVR numbers pass the mod-11 check). */
const EXAMPLES: Record<TableName, Record<string, string>> = {
  clusters: {
    cvr: '29403473',
    name: 'Eksempelklyngen',
    league: 'regional',
    municipality_code: '461',
    website: 'https://eksempel.dk',
    stronghold_industries: '28 2829',
  },
  activities: {
    cluster_cvr: '29403473',
    activity_ref: 'EK-2025-001',
    title: 'Workshop om robotter i produktionen',
    category: 'innovation_collaboration',
    start_date: '2025-03-04',
    end_date: '2025-03-05',
    municipality_code: '461',
    grant_dkk: '125000',
    external_funding_dkk: '40000',
    private_cofinancing_hours: '120.5',
    cofinancing_fees_dkk: '15000',
    cofinancing_sponsorship_dkk: '',
    cofinancing_foundations_dkk: '50000',
    eu_application: '0',
  },
  participants: {
    cluster_cvr: '29403473',
    activity_ref: 'EK-2025-001',
    participant_type: 'company',
    cvr: '10000009',
    name: 'Eksempel Maskinfabrik ApS',
    country: '',
    employees: '35',
    municipality_code: '461',
    industry_code: '282900',
    new_competence: '1',
    new_idea: '1',
    new_product: '0',
    institution_kind: '',
  },
};

/** A file's header and one example row. */
export function csvTemplate(table: TableName): string {
  const columns = COLUMNS[table];
  return toCsv(columns, [columns.map((c) => EXAMPLES[table][c] ?? '')]);
}

/** A workbook with the three sheets the import reads, each with its header and an example row. */
export async function xlsxTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const table of ['clusters', 'activities', 'participants'] as const) {
    const sheet = workbook.addWorksheet(table);
    sheet.addRow([...COLUMNS[table]]).font = { bold: true };
    // Text cells: an Excel date or number would change a CVR's or a date's spelling.
    sheet.addRow(COLUMNS[table].map((c) => EXAMPLES[table][c] ?? ''));
    sheet.columns.forEach((column) => {
      column.width = 22;
      column.numFmt = '@';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
