/** The grants import's files: the template to fill in, and planned rows written back as CSV. */
import ExcelJS from 'exceljs';
import type { PlannedGrant } from '../domain/grants/import.ts';
import { GRANT_FILE_COLUMNS } from '../domain/grants/import-file.ts';
import { toCsv } from './csv-writer.ts';

/** A valid row for the demo's ministry (Odense Robotics is a world-class cluster). */
const EXAMPLE = ['odense-robotics', '2026', '1500000', 'finance_act', 'yes', '', ''];

export function grantTemplateCsv(): string {
  return toCsv(GRANT_FILE_COLUMNS, [EXAMPLE]);
}

export async function grantTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('grants');
  sheet.addRow([...GRANT_FILE_COLUMNS]).font = { bold: true };
  sheet.addRow(EXAMPLE);
  sheet.columns.forEach((column) => {
    column.width = 20;
    // Text cells: Excel would otherwise read a CVR number as a number and drop leading digits' format.
    column.numFmt = '@';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Planned grants in the file's own columns: what the preview sends back to be imported. */
export function plannedGrantsCsv(grants: readonly PlannedGrant[]): string {
  return toCsv(
    GRANT_FILE_COLUMNS,
    grants.map((g) => [
      g.clusterSlug,
      g.year,
      g.amountDkk,
      g.source,
      g.responsible ? 'yes' : 'no',
      g.overrideReason ?? '',
      '',
    ]),
  );
}
