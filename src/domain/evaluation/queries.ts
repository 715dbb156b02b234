/**
 * What each page of the area shows, for one caller: every function checks the policy and narrows
 * the clusters to those the caller may see, then asks the computations (midterm.ts, benchmark.ts,
 * quality.ts) for exactly those.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { forbidden, notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import {
  BENCHMARK_BASIS,
  type BenchmarkRow,
  comparableYears,
  leagueBenchmark,
  reportedYears,
} from './benchmark.ts';
import type { DataQualityThresholds, EvaluationConfig, FlagRule } from './config.ts';
import type { League } from './figures.ts';
import {
  type ClusterEvaluation,
  type ClusterInPeriod,
  clusterEvaluation,
  clusterInPeriod,
  clustersInPeriod,
  evaluationOverview,
  type FundingPeriod,
  fundingPeriods,
  type OverviewRow,
} from './midterm.ts';
import {
  hasDataQualityPage,
  hasFundingArea,
  mayCheckDataQuality,
  mayConfigureEvaluations,
  mayDecideEvaluation,
  mayViewEvaluation,
  ownBenchmarkOrganisations,
} from './policy.ts';
import { clustersOfYear, dataQuality, type QualityRow } from './quality.ts';
import { currentEvaluationConfig, type RuleVersion, ruleVersions } from './rules-store.ts';

/** A period as a query parameter: '2021-2024'. */
export const periodKey = (p: FundingPeriod) => `${p.from}-${p.to}`;

/** The wanted period when it exists, else the newest. */
async function choosePeriod(db: Queryable, wanted: string | undefined) {
  const periods = await fundingPeriods(db);
  return { period: periods.find((p) => periodKey(p) === wanted) ?? periods[0] ?? null, periods };
}

export interface EvaluationOverviewView {
  periods: FundingPeriod[];
  period: FundingPeriod | null;
  /** The clusters of the period the caller may see, with flags and standing conclusion. */
  rows: OverviewRow[];
  rules: FlagRule[];
  mayConfigure: boolean;
}

/** The mid-term evaluation overview of the funding area: only funders and admins, each its clusters. */
export async function evaluationOverviewFor(
  db: Queryable,
  caller: Caller,
  q: { period?: string | undefined },
): Promise<EvaluationOverviewView> {
  const p = authorize(caller.principal, 'funding.view');
  const { period, periods } = await choosePeriod(db, q.period);
  const config = await currentEvaluationConfig(db);
  const visible = period ? (await clustersInPeriod(db, period)).filter((cl) => mayViewEvaluation(p, cl)) : [];
  const rows = period ? await evaluationOverview(db, period, config, visible) : [];
  return { periods, period, rows, rules: config.rules, mayConfigure: mayConfigureEvaluations(p) };
}

/** The cluster of a mid-term evaluation in the wanted period, for its funders, its own staff and admins. */
export async function evaluatedCluster(
  db: Queryable,
  caller: Caller,
  q: { slug: string; period?: string | undefined },
): Promise<{ period: FundingPeriod; cluster: ClusterInPeriod }> {
  const { period } = await choosePeriod(db, q.period);
  if (!period) throw notFound('funding period');
  const cluster = await clusterInPeriod(db, period, { slug: q.slug });
  if (!cluster) throw notFound('cluster in period');
  if (!mayViewEvaluation(caller.principal, cluster))
    throw forbidden('Neither a funder nor staff of this cluster');
  return { period, cluster };
}

export interface ClusterEvaluationView {
  period: FundingPeriod;
  cluster: ClusterInPeriod;
  evaluation: ClusterEvaluation;
  may: {
    /** Record a conclusion: a funder of the cluster in the period, or an admin. */
    decide: boolean;
    /** Go back to the funding area's overview (cluster staff go back to their workspace). */
    overview: boolean;
  };
}

/** One cluster's mid-term evaluation, and what the caller may do with it. */
export async function clusterEvaluationFor(
  db: Queryable,
  caller: Caller,
  q: { slug: string; period?: string | undefined },
): Promise<ClusterEvaluationView> {
  const { period, cluster } = await evaluatedCluster(db, caller, q);
  const evaluation = await clusterEvaluation(db, period, await currentEvaluationConfig(db), cluster);
  const p = caller.principal;
  return {
    period,
    cluster,
    evaluation,
    may: { decide: mayDecideEvaluation(p, cluster), overview: hasFundingArea(p) },
  };
}

/** The rules in force and their versions: read by the funding area, edited by those who configure. */
export async function evaluationRulesFor(
  db: Queryable,
  caller: Caller,
  purpose: 'read' | 'edit',
): Promise<{ config: EvaluationConfig; versions: RuleVersion[]; mayEdit: boolean }> {
  authorize(caller.principal, purpose === 'edit' ? 'evaluations.configure' : 'funding.view');
  const [config, versions] = await Promise.all([currentEvaluationConfig(db), ruleVersions(db)]);
  return { config, versions, mayEdit: mayConfigureEvaluations(caller.principal) };
}

export interface BenchmarkView {
  year: number;
  /** Years with reported activities, newest first. */
  years: number[];
  league: League;
  rows: BenchmarkRow[];
  /** The highlighted cluster: for cluster staff their own, the only one named. */
  highlight: { id: string; name: string; slug: string } | null;
  /** Clusters to choose between (slug, name). */
  choices: { slug: string; name: string }[];
}

/**
 * The asked year when there are figures for it; otherwise the newest year the league can be
 * compared in (comparableYears), or the newest reported year when there is none yet.
 */
async function chooseYear(
  db: Queryable,
  years: number[],
  league: League,
  wanted: number | undefined,
): Promise<number | undefined> {
  if (wanted !== undefined && years.includes(wanted)) return wanted;
  const [comparable] = await comparableYears(db, league);
  return comparable ?? years[0];
}

/**
 * Cluster staff: their own cluster (the chosen one of theirs) against the anonymous peers of its
 * league; null when there is nothing to compare yet.
 */
export async function ownBenchmark(
  db: Queryable,
  caller: Caller,
  q: { year?: number | undefined; clusterSlug?: string | undefined },
): Promise<BenchmarkView | null> {
  const ids = ownBenchmarkOrganisations(caller.principal);
  const found =
    ids.length === 0
      ? []
      : await queryRows<{ id: string; name: string; slug: string; league: League | null }>(
          db,
          sql`select o.id, o.name, o.slug, c.league::text as league
              from organisations o left join clusters c on c.organisation_id = o.id
              where o.kind = 'cluster_organisation'
                and o.id in (${sql.join(
                  ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`,
        );
  // In membership order, as the user knows them.
  const own = ids.flatMap((id) => found.filter((f) => f.id === id));
  if (own.length === 0) throw forbidden('Not cluster staff');
  const chosen = own.find((o) => o.slug === q.clusterSlug) ?? own[0];
  if (!chosen?.league) return null;
  const years = await reportedYears(db);
  const year = await chooseYear(db, years, chosen.league, q.year);
  if (year === undefined) return null;
  return {
    year,
    years,
    league: chosen.league,
    rows: await leagueBenchmark(db, { league: chosen.league, from: year, to: year, basis: BENCHMARK_BASIS }),
    highlight: { id: chosen.id, name: chosen.name, slug: chosen.slug },
    choices: own.map((o) => ({ slug: o.slug, name: o.name })),
  };
}

/** The support function and admins: any league, every cluster named; null before any report. */
export async function supportBenchmark(
  db: Queryable,
  caller: Caller,
  q: { year?: number | undefined; league?: League | undefined; clusterSlug?: string | undefined },
): Promise<BenchmarkView | null> {
  authorize(caller.principal, 'benchmarking.viewAll');
  const league = q.league ?? 'world_class';
  const years = await reportedYears(db);
  const year = await chooseYear(db, years, league, q.year);
  if (year === undefined) return null;
  const rows = await leagueBenchmark(db, { league, from: year, to: year, basis: BENCHMARK_BASIS });
  const choices = new Map<string, { id: string; slug: string; name: string }>();
  for (const r of rows) choices.set(r.slug, { id: r.clusterId, slug: r.slug, name: r.name });
  return {
    year,
    years,
    league,
    rows,
    highlight: q.clusterSlug ? (choices.get(q.clusterSlug) ?? null) : null,
    choices: [...choices.values()].map(({ slug, name }) => ({ slug, name })),
  };
}

export interface DataQualityView {
  /** The year checked; undefined before any report. */
  year: number | undefined;
  /** The years to choose between: the next year (being reported) and every reported year. */
  yearChoices: number[];
  rows: QualityRow[];
  thresholds: DataQualityThresholds;
}

/**
 * Data quality of a year for the clusters the caller may check: cluster staff their own, funders
 * those they fund in the year, admins all. Others have no such page.
 */
export async function dataQualityFor(
  db: Queryable,
  caller: Caller,
  q: { year?: number | undefined },
): Promise<DataQualityView> {
  const p = caller.principal;
  if (!hasDataQualityPage(p)) throw forbidden('No clusters to check');
  const years = await reportedYears(db);
  const year =
    q.year !== undefined && (years.includes(q.year) || years.includes(q.year - 1)) ? q.year : years[0];
  const thresholds = (await currentEvaluationConfig(db)).dataQuality;
  const ids =
    year === undefined
      ? []
      : (await clustersOfYear(db, year)).filter((cl) => mayCheckDataQuality(p, cl)).map((cl) => cl.clusterId);
  return {
    year,
    yearChoices: years.length > 0 ? [(years[0] ?? 0) + 1, ...years] : [],
    rows: year === undefined ? [] : await dataQuality(db, { year, clusterIds: ids }, thresholds),
    thresholds,
  };
}
