import { type BulkSession, copyValue } from '../../../imports/bulk.ts';
import type { TableName } from '../format/rows.ts';
import type { DeliveryCounts } from './load.ts';
import { STAGE_COLUMNS } from './staging.ts';

/**
 * Staged rows are sent to COPY in chunks of about this many characters. A bound in bytes, not rows,
 * keeps memory flat whatever the size of a file: a file of 50 000 activities otherwise held
 * 20 000 rows' strings (and their garbage) at a time where a small delivery held a few hundred.
 */
const CHUNK_CHARS = 256 * 1024;

/** COPY lines of a valid row, in STAGE_COLUMNS order after (file, line). */
function stageLine(table: TableName, file: number, line: number, r: Record<string, unknown>): string {
  const v = (x: unknown) => copyValue(x as string | number | boolean | null);
  switch (table) {
    case 'clusters':
      return [
        file,
        line,
        r.cvr,
        r.name,
        r.league,
        r.municipality_code,
        r.website,
        `{${(r.stronghold_industries as string[]).join(',')}}`,
      ]
        .map(v)
        .join('\t');
    case 'activities':
      return [
        file,
        line,
        r.cluster_cvr,
        r.activity_ref,
        r.title,
        r.category,
        r.start_date,
        r.end_date,
        r.municipality_code,
        r.grant_dkk,
        r.external_funding_dkk,
        r.private_cofinancing_hours,
        r.cofinancing_fees_dkk,
        r.cofinancing_sponsorship_dkk,
        r.cofinancing_foundations_dkk,
        r.eu_application,
      ]
        .map(v)
        .join('\t');
    case 'participants':
      return [
        file,
        line,
        r.cluster_cvr,
        r.activity_ref,
        r.participant_type,
        r.cvr,
        r.name,
        r.country,
        r.employees,
        r.municipality_code,
        r.industry_code,
        r.new_competence,
        r.new_idea,
        r.new_product,
        r.institution_kind,
      ]
        .map(v)
        .join('\t');
  }
}

/** Collects valid rows per staging table and sends them to COPY a chunk at a time. */
export class Stager {
  private buffers: Record<TableName, string[]> = { clusters: [], activities: [], participants: [] };
  private chars: Record<TableName, number> = { clusters: 0, activities: 0, participants: 0 };
  readonly counts: DeliveryCounts = { clusters: 0, activities: 0, participants: 0 };
  constructor(readonly session: BulkSession) {}

  async add(table: TableName, fileIndex: number, line: number, row: Record<string, unknown>) {
    const text = stageLine(table, fileIndex, line, row);
    this.buffers[table].push(text);
    this.chars[table] += text.length + 1;
    this.counts[table]++;
    if (this.chars[table] >= CHUNK_CHARS) await this.flush(table);
  }

  async flush(table?: TableName) {
    for (const t of table ? [table] : (Object.keys(this.buffers) as TableName[])) {
      const lines = this.buffers[t];
      if (lines.length === 0) continue;
      this.buffers[t] = [];
      this.chars[t] = 0;
      await this.session.copyIn(`stage_${t}`, STAGE_COLUMNS[t], `${lines.join('\n')}\n`);
    }
  }
}
