/**
 * What the period pages show: the years of the clusters a caller reports for, with their status
 * and reported counts, and the funders' matrix of clusters × years; with each cell the changes the
 * caller may make. The database does the counting; the reporting policy says who sees what.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError } from '../../errors.ts';
import { can } from '../../policy/policy.ts';
import { type Completeness, reportingCompleteness } from '../calendar/completeness.ts';
import { FUNDED_YEAR_DEADLINES } from '../calendar/deadlines.ts';
import { TIMELINESS_SQL } from '../calendar/timeliness.ts';
import { followedFunders, submittingClusters } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';
import { type PeriodEvent, periodHistories } from './history.ts';
import { availableActions, type PeriodAction, type PeriodStatus } from './transitions.ts';

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
  /** The year's reporting deadline (YYYY-MM-DD) when the cluster is funded that year (calendar/deadlines.ts). */
  deadline: string | null;
  /** When the year was last submitted. */
  submittedAt: Date | null;
  /** Measured against the deadline on the given day: see Timeliness. */
  timeliness: Timeliness;
  /** Why the cluster submitted the year without activities. */
  noActivitiesReason: string | null;
}

/**
 * A funded year against its deadline: submitted by it (onTime), after it (late), not submitted and
 * past it (overdue), or neither yet (null; also a year without a deadline).
 */
export type Timeliness = 'onTime' | 'late' | 'overdue' | null;

interface RawCell extends Omit<PeriodCell, 'updatedAt' | 'submittedAt'> {
  updatedAt: string | Date | null;
  submittedAt: string | Date | null;
  name: string;
  slug: string;
}

/**
 * Cells of clusters × years for the clusters in `clusterScope` (SQL selecting organisation ids).
 * A cluster's years: those with its activities or a period row, and the current one; with
 * `sharedYears` every cluster gets every year any of them has (the rows of a matrix).
 */
async function cells(
  db: Queryable,
  clusterScope: SQL,
  opts: { currentYear: number; today: string; year?: number | undefined; sharedYears: boolean },
): Promise<RawCell[]> {
  const rows = await queryRows<RawCell>(
    db,
    sql`with scope as (
          select o.id, o.name, o.slug from organisations o
          where o.kind = 'cluster_organisation' and o.id in (${clusterScope})
        ), own_years as (
          select cluster_id, year from activities where cluster_id in (select id from scope)
          union select cluster_id, year from reporting_periods where cluster_id in (select id from scope)
          union select cluster_id, year from funding_grants where cluster_id in (select id from scope)
          union select id, ${opts.currentYear}::smallint from scope
        ), deadlines as (
          select * from (${FUNDED_YEAR_DEADLINES}) d where d.cluster_id in (select id from scope)
        ), years as (
          ${
            opts.sharedYears
              ? sql`select s.id as cluster_id, y.year from scope s cross join (select distinct year from own_years) y`
              : sql`select cluster_id, year from own_years`
          }
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
               (g.cluster_id is not null or a.n is not null or p.cluster_id is not null) as expected,
               to_char(dl.deadline, 'YYYY-MM-DD') as deadline, p.submitted_at as "submittedAt",
               p.no_activities_reason as "noActivitiesReason",
               ${TIMELINESS_SQL(sql`dl.deadline`, sql`p`, opts.today)} as timeliness
        from scope s join years y on y.cluster_id = s.id
        left join deadlines dl on dl.cluster_id = s.id and dl.year = y.year
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
  deadline: r.deadline,
  submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
  timeliness: r.timeliness,
  noActivitiesReason: r.noActivitiesReason,
});

/** A cell with the changes the caller may make to it, in the order of the transition table. */
export interface ActionableCell extends PeriodCell {
  actions: PeriodAction[];
}

/** A row of the matrix with the changes the caller may make to each cell. */
export interface ActionableRow extends Omit<MatrixRow, 'cells'> {
  cells: ActionableCell[];
}

const withActions = (caller: Caller, cell: PeriodCell): ActionableCell => ({
  ...cell,
  actions: availableActions(caller.principal, cell.status, cell),
});

/**
 * The cluster workspace's periods: each cluster the caller submits for (in membership order) with
 * its years, newest first, and their histories. Refused to a caller who submits for none.
 */
export async function periodWorkspace(db: Queryable, caller: Caller, currentYear: number, today: string) {
  const ids = submittingClusters(caller.principal);
  const raw = await cells(db, sql`select unnest(${uuidArray(ids)})`, {
    currentYear,
    today,
    sharedYears: false,
  });
  if (raw.length === 0) throw new AppError('forbidden', 'Not cluster staff');
  const clusters = ids.flatMap((clusterId) => {
    const own = raw.filter((r) => r.clusterId === clusterId);
    if (own.length === 0) return [];
    const cells = own.map((r) => withActions(caller, toCell(r))).sort((a, b) => b.year - a.year);
    return [{ clusterId, name: own[0]?.name ?? '', cells }];
  });
  const histories = await periodHistories(
    db,
    clusters.flatMap((x) => x.cells),
  );
  return { clusters, histories };
}

/** One cluster's year with the changes the caller may make (the funder's review page). */
export async function periodCell(
  db: Queryable,
  caller: Caller,
  opts: { clusterId: string; year: number; currentYear: number; today: string },
): Promise<ActionableCell | null> {
  const [raw] = await cells(db, sql`select ${opts.clusterId}::uuid`, { ...opts, sharedYears: false });
  return raw ? withActions(caller, toCell(raw)) : null;
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
  opts: { fundedBy: readonly string[] | null; currentYear: number; today: string; year?: number | undefined },
): Promise<PeriodMatrix> {
  const scope =
    opts.fundedBy === null
      ? sql`select organisation_id from clusters`
      : sql`select cluster_id from funding_grants where funder_id = any(${uuidArray(opts.fundedBy)})`;
  const raw = await cells(db, scope, { ...opts, sharedYears: true });
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

/**
 * The funders' status page: the matrix of the clusters the caller follows (reporting policy:
 * followedFunders), each cell with the changes the caller may make, the histories of `year`'s
 * cells when one is chosen, and what else the caller may do here.
 */
export async function periodStatusOverview(
  db: Queryable,
  caller: Caller,
  opts: { currentYear: number; today: string; year?: number | undefined },
): Promise<{
  matrix: Omit<PeriodMatrix, 'rows'> & { rows: ActionableRow[] };
  histories: Map<string, PeriodEvent[]>;
  /** Whether the caller decides periods of any cluster (else the page is read-only). */
  mayDecide: boolean;
  /** Whether the caller follows the clusters' action plans too. */
  followsActionPlans: boolean;
  /** Timeliness per year, nationally and for the funders the caller follows. */
  completeness: Completeness[];
  /** Whether the caller sets the funders' deadline rules. */
  managesDeadlines: boolean;
}> {
  const p = caller.principal;
  const funders = followedFunders(p);
  const matrix = await periodMatrix(db, {
    fundedBy: funders,
    currentYear: opts.currentYear,
    today: opts.today,
  });
  const rows = matrix.rows.map((r) => ({ ...r, cells: r.cells.map((c) => withActions(caller, c)) }));
  const chosen =
    opts.year === undefined ? [] : rows.flatMap((r) => r.cells.filter((c) => c.year === opts.year));
  return {
    matrix: { ...matrix, rows },
    histories: await periodHistories(db, chosen),
    mayDecide: can(p, 'reportingPeriods.decide', { fundedBy: p.memberships.map((m) => m.organisationId) }),
    followsActionPlans: can(p, 'actionPlans.overview'),
    completeness: await reportingCompleteness(db, { funders, today: opts.today }),
    managesDeadlines: can(p, 'reportingDeadlines.manage'),
  };
}
