/**
 * The mid-term evaluation of a funding period (seed 004: a 10-year horizon with an evaluation
 * after 5 years that can withdraw funding, judged against each cluster's own starting point):
 * each key against the cluster's first reported year and its own goals, flags from the configured
 * rules, and the funders' recorded conclusions.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { AccountBasis } from '../performance/account.ts';
import { type BenchmarkRow, leagueBenchmark } from './benchmark.ts';
import type { EvaluationConfig } from './config.ts';
import { FIGURE_KEYS, type FigureKey, type League } from './figures.ts';
import { applyRules, type Flag, reportedSpan } from './rules.ts';

/**
 * The evaluation judges a cluster on its official figures: a decision that can withdraw funding
 * rests on the years its funders have approved or locked, never on a delivery still under review.
 */
export const EVALUATION_BASIS: AccountBasis = 'official';

export interface FundingPeriod {
  from: number;
  to: number;
}

export type Conclusion = 'continue' | 'adjust' | 'withdraw';

export interface EvaluationRecord {
  id: string;
  conclusion: Conclusion;
  reasoning: string;
  funderName: string | null;
  decidedByLabel: string;
  decidedAt: Date;
}

export interface ClusterInPeriod {
  clusterId: string;
  name: string;
  slug: string;
  league: League;
  /** Funder organisations with a grant to the cluster in a year of the period. */
  fundedBy: string[];
}

/** The programme periods clusters were funded for (e.g. 2021-2024), newest first. */
export async function fundingPeriods(db: Queryable): Promise<FundingPeriod[]> {
  const rows = await queryRows<FundingPeriod>(
    db,
    sql`select distinct national_from::int as "from", national_to::int as "to" from clusters
        where national_from is not null and national_to is not null
        union
        select min(year)::int, max(year)::int from funding_grants
        having count(*) > 0 and not exists (select 1 from clusters where national_from is not null)
        order by 1 desc, 2 desc`,
  );
  return rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }));
}

function clustersInPeriodWhere(db: Queryable, p: FundingPeriod, only: SQL): Promise<ClusterInPeriod[]> {
  return queryRows<ClusterInPeriod>(
    db,
    sql`select o.id as "clusterId", o.name, o.slug, c.league::text as league,
          array_agg(distinct g.funder_id::text) as "fundedBy"
        from funding_grants g
        join organisations o on o.id = g.cluster_id
        join clusters c on c.organisation_id = o.id
        where g.year between ${p.from} and ${p.to} and ${only}
        group by o.id, o.name, o.slug, c.league
        order by o.name`,
  );
}

/** Clusters with a grant in the period, with their funders (for the policy to judge). */
export function clustersInPeriod(db: Queryable, p: FundingPeriod): Promise<ClusterInPeriod[]> {
  return clustersInPeriodWhere(db, p, sql`true`);
}

/** One cluster, by slug or organisation id, with its funders in the period; null without a grant in it. */
export async function clusterInPeriod(
  db: Queryable,
  p: FundingPeriod,
  key: { slug: string } | { clusterId: string },
): Promise<ClusterInPeriod | null> {
  const only = 'slug' in key ? sql`o.slug = ${key.slug}` : sql`o.id::text = ${key.clusterId}`;
  const [cluster] = await clustersInPeriodWhere(db, p, only);
  return cluster ?? null;
}

async function goalsOf(db: Queryable, clusterIds: readonly string[], p: FundingPeriod) {
  if (clusterIds.length === 0) return new Map<string, Map<string, number>>();
  const rows = await queryRows<{ clusterId: string; year: number; key: string; value: number }>(
    db,
    sql`select cluster_id as "clusterId", year::int as year, key, value from cluster_goals
        where year between ${p.from} and ${p.to}
          and cluster_id in (${sql.join(
            clusterIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const own = out.get(r.clusterId) ?? new Map<string, number>();
    own.set(`${r.year}|${r.key}`, Number(r.value));
    out.set(r.clusterId, own);
  }
  return out;
}

export async function evaluationHistory(
  db: Queryable,
  clusterId: string,
  p: FundingPeriod,
): Promise<EvaluationRecord[]> {
  const rows = await queryRows<Omit<EvaluationRecord, 'decidedAt'> & { decidedAt: string | Date }>(
    db,
    sql`select e.id, e.conclusion::text as conclusion, e.reasoning, f.name as "funderName",
          e.decided_by_label as "decidedByLabel", e.decided_at as "decidedAt"
        from cluster_evaluations e left join organisations f on f.id = e.funder_id
        where e.cluster_id = ${clusterId}::uuid and e.period_from = ${p.from} and e.period_to = ${p.to}
        order by e.decided_at desc, e.id`,
  );
  // Raw rows give timestamps as text on PGlite and as Date on node-postgres.
  return rows.map((r) => ({ ...r, decidedAt: new Date(r.decidedAt) }));
}

export interface OverviewRow extends ClusterInPeriod {
  span: { first: number; last: number } | null;
  flags: Flag[];
  latest: { conclusion: Conclusion; decidedAt: Date } | null;
}

/** Every cluster funded in the period with its flags and standing conclusion. */
export async function evaluationOverview(
  db: Queryable,
  p: FundingPeriod,
  config: EvaluationConfig,
  clusters: readonly ClusterInPeriod[],
): Promise<OverviewRow[]> {
  if (clusters.length === 0) return [];
  const ids = clusters.map((c) => c.clusterId);
  const [bench, goals, latest] = await Promise.all([
    leagueBenchmark(db, { from: p.from, to: p.to, only: ids, basis: EVALUATION_BASIS }),
    goalsOf(db, ids, p),
    queryRows<{ clusterId: string; conclusion: Conclusion; decidedAt: string | Date }>(
      db,
      sql`select distinct on (cluster_id) cluster_id as "clusterId", conclusion::text as conclusion,
            decided_at as "decidedAt"
          from cluster_evaluations where period_from = ${p.from} and period_to = ${p.to}
          order by cluster_id, decided_at desc, id`,
    ),
  ]);
  const byCluster = groupBy(bench, (r) => r.clusterId);
  const latestBy = new Map(latest.map((l) => [l.clusterId, l]));
  return clusters.map((c) => {
    const rows = byCluster.get(c.clusterId) ?? [];
    const l = latestBy.get(c.clusterId);
    return {
      ...c,
      span: reportedSpan(rows),
      flags: applyRules(config.rules, rows, goals.get(c.clusterId) ?? new Map()),
      latest: l ? { conclusion: l.conclusion, decidedAt: new Date(l.decidedAt) } : null,
    };
  });
}

export interface KeyComparison {
  key: FigureKey;
  first: number | null;
  last: number | null;
  change: number | null;
  /** Change in % of the first year; null when the first year is 0 or missing. */
  changePercent: number | null;
  goal: number | null;
  /** Quartile in the league in the last reported year. */
  lastQuartile: number | null;
}

export interface ClusterEvaluation {
  cluster: ClusterInPeriod;
  span: { first: number; last: number } | null;
  keys: KeyComparison[];
  flags: Flag[];
  history: EvaluationRecord[];
  /** Whether the cluster has set any goal in the period (action plans are optional). */
  hasGoals: boolean;
}

/** One cluster's evaluation for a period: its keys against its starting point and goals, flags, history. */
export async function clusterEvaluation(
  db: Queryable,
  p: FundingPeriod,
  config: EvaluationConfig,
  cluster: ClusterInPeriod,
): Promise<ClusterEvaluation> {
  const [rows, goalsBy, history] = await Promise.all([
    leagueBenchmark(db, {
      league: cluster.league,
      from: p.from,
      to: p.to,
      only: [cluster.clusterId],
      basis: EVALUATION_BASIS,
    }),
    goalsOf(db, [cluster.clusterId], p),
    evaluationHistory(db, cluster.clusterId, p),
  ]);
  const goals = goalsBy.get(cluster.clusterId) ?? new Map<string, number>();
  const span = reportedSpan(rows);
  const at = (key: FigureKey, year: number | undefined) =>
    year === undefined ? undefined : rows.find((r) => r.key === key && r.year === year);
  const keys = FIGURE_KEYS.map((key): KeyComparison => {
    const first = at(key, span?.first)?.value ?? null;
    const lastRow = at(key, span?.last);
    const last = lastRow?.value ?? null;
    const change = first !== null && last !== null ? last - first : null;
    return {
      key,
      first,
      last,
      change,
      changePercent: change !== null && first ? (change / first) * 100 : null,
      goal: span ? (goals.get(`${span.last}|${key}`) ?? null) : null,
      lastQuartile: lastRow?.quartile ?? null,
    };
  });
  return {
    cluster,
    span,
    keys,
    flags: applyRules(config.rules, rows, goals),
    history,
    hasGoals: goals.size > 0,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export type { BenchmarkRow };
