/**
 * What the period pages show: a cluster's years with their status and reported counts, and the
 * funders' matrix of clusters × years. The database does the counting.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { PeriodStatus } from './transitions.ts';

export interface PeriodCell {
  clusterId: string;
  year: number;
  status: PeriodStatus;
  comment: string | null;
  updatedAt: Date | null;
  activities: number;
  participants: number;
  /** Funders that fund the cluster in this year. */
  fundedBy: string[];
  /** Whether the cluster is expected to report this year: it has a grant, activities or a period row. */
  expected: boolean;
}

const uuidArray = (ids: readonly string[]): SQL =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`
    : sql`'{}'::uuid[]`;

interface RawCell extends Omit<PeriodCell, 'updatedAt'> {
  updatedAt: string | Date | null;
  name: string;
  slug: string;
}

/**
 * Cells of clusters × years for the clusters in `clusterScope` (SQL selecting organisation ids).
 * Years: every year with activities or a period row among those clusters, plus the current one.
 */
async function cells(
  db: Queryable,
  clusterScope: SQL,
  opts: { currentYear: number; year?: number | undefined },
): Promise<RawCell[]> {
  const rows = await queryRows<RawCell>(
    db,
    sql`with scope as (
          select o.id, o.name, o.slug from organisations o
          where o.kind = 'cluster_organisation' and o.id in (${clusterScope})
        ), years as (
          select distinct year from activities where cluster_id in (select id from scope)
          union select distinct year from reporting_periods where cluster_id in (select id from scope)
          union select ${opts.currentYear}::smallint
        ), acts as (
          select cluster_id, year, count(*)::int as n from activities
          where cluster_id in (select id from scope) group by cluster_id, year
        ), parts as (
          select cluster_id, year, count(*)::int as n from participations
          where cluster_id in (select id from scope) group by cluster_id, year
        ), grants as (
          select cluster_id, year, json_agg(distinct funder_id) as funders from funding_grants
          where cluster_id in (select id from scope) group by cluster_id, year
        )
        select s.id as "clusterId", s.name, s.slug, y.year::int as year,
               coalesce(p.status::text, 'open') as status, p.comment, p.updated_at as "updatedAt",
               coalesce(a.n, 0) as activities, coalesce(pp.n, 0) as participants,
               coalesce(g.funders, '[]'::json) as "fundedBy",
               (g.cluster_id is not null or a.n is not null or p.cluster_id is not null) as expected
        from scope s cross join years y
        left join reporting_periods p on p.cluster_id = s.id and p.year = y.year
        left join acts a on a.cluster_id = s.id and a.year = y.year
        left join parts pp on pp.cluster_id = s.id and pp.year = y.year
        left join grants g on g.cluster_id = s.id and g.year = y.year
        where ${opts.year ?? null}::int is null or y.year = ${opts.year ?? null}::int
        order by s.name, s.id, y.year`,
  );
  return rows;
}

const toCell = (r: RawCell): PeriodCell => ({
  clusterId: r.clusterId,
  year: r.year,
  status: r.status,
  comment: r.comment,
  updatedAt: r.updatedAt ? new Date(r.updatedAt) : null,
  activities: r.activities,
  participants: r.participants,
  fundedBy: r.fundedBy,
  expected: r.expected,
});

/** One cluster's years, newest first: the years with activities or a period row, and the current year. */
export async function clusterPeriods(
  db: Queryable,
  clusterId: string,
  currentYear: number,
): Promise<PeriodCell[]> {
  const rows = await cells(db, sql`${clusterId}::uuid`, { currentYear });
  return rows.map(toCell).sort((a, b) => b.year - a.year);
}

export interface MatrixRow {
  clusterId: string;
  name: string;
  slug: string;
  cells: PeriodCell[];
}

export interface YearSummary {
  year: number;
  /** Clusters expected to report the year. */
  expected: number;
  /** Of those, how many have submitted (submitted, approved or locked). */
  submitted: number;
  byStatus: Record<PeriodStatus, number>;
}

export interface PeriodMatrix {
  years: number[];
  rows: MatrixRow[];
  summary: YearSummary[];
}

/**
 * The funders' completeness matrix: the clusters the given funders fund in any year (all clusters
 * when `fundedBy` is null), × the years, optionally one year only.
 */
export async function periodMatrix(
  db: Queryable,
  opts: { fundedBy: readonly string[] | null; currentYear: number; year?: number | undefined },
): Promise<PeriodMatrix> {
  const scope =
    opts.fundedBy === null
      ? sql`select organisation_id from clusters`
      : sql`select cluster_id from funding_grants where funder_id = any(${uuidArray(opts.fundedBy)})`;
  const raw = await cells(db, scope, opts);
  const rows: MatrixRow[] = [];
  for (const r of raw) {
    let row = rows.at(-1);
    if (row?.clusterId !== r.clusterId) {
      row = { clusterId: r.clusterId, name: r.name, slug: r.slug, cells: [] };
      rows.push(row);
    }
    row.cells.push(toCell(r));
  }
  const years = [...new Set(raw.map((r) => r.year))].sort((a, b) => a - b);
  const summary = years.map((year) => {
    const byStatus: Record<PeriodStatus, number> = {
      open: 0,
      submitted: 0,
      approved: 0,
      returned: 0,
      locked: 0,
    };
    let expected = 0;
    for (const row of rows) {
      const cell = row.cells.find((c) => c.year === year);
      if (!cell?.expected) continue;
      expected++;
      byStatus[cell.status]++;
    }
    return { year, expected, submitted: byStatus.submitted + byStatus.approved + byStatus.locked, byStatus };
  });
  return { years, rows, summary };
}
