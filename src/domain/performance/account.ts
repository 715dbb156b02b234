import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type AccountBasis, type AccountScope, accountQuery } from './account-query.ts';

export type { AccountBasis, AccountScope } from './account-query.ts';

/**
 * The performance account of the reporting specification (docs/reporting-format.md): one function
 * for the CLI, the API, the pages and the exports. Everything is counted in SQL over one year's
 * rows; company figures are distinct CVRs of company participants, never sums over clusters.
 */
export interface PerformanceAccount {
  year: number;
  /** Whether the account counts every delivery (preliminary) or only approved and locked years (official). */
  preliminary: boolean;
  activities: number;
  participating_companies: number;
  small_participating_companies: number;
  new_competence_companies: number;
  new_idea_companies: number;
  innovating_companies: number;
  small_innovating_companies: number;
  collaborating_companies: number;
  international_companies: number;
  knowledge_institution_participations: number;
  activities_with_knowledge_institution: number;
  innovating_companies_by_region: Record<string, number>;
  gold_clusters: number;
  silver_clusters: number;
  bronze_clusters: number;
  grant_dkk: number;
  external_funding_dkk: number;
  private_cofinancing_dkk: number;
  eu_applications: number;
  private_cofinancing_by_source_dkk: CofinancingBySource;
  knowledge_institution_participations_by_kind: Record<string, number>;
  share_outside_strongholds: number | null;
}

/** Private co-financing in DKK by source (format 1.1); `hours` equals `private_cofinancing_dkk`. */
export interface CofinancingBySource {
  hours: number;
  fees: number;
  sponsorship: number;
  foundations: number;
}

/** The sources of private co-financing in the order of `private_cofinancing_by_source_dkk`. */
export const COFINANCING_SOURCES = ['hours', 'fees', 'sponsorship', 'foundations'] as const;

/** The keys counted per year, in the spec's order: activities, distinct companies, knowledge institutions. */
export const COUNT_KEYS = [
  'activities',
  'participating_companies',
  'small_participating_companies',
  'new_competence_companies',
  'new_idea_companies',
  'innovating_companies',
  'small_innovating_companies',
  'collaborating_companies',
  'international_companies',
  'knowledge_institution_participations',
  'activities_with_knowledge_institution',
] as const satisfies readonly (keyof PerformanceAccount)[];
/** Clusters holding a valid label on 31 December, per level. */
export const LABEL_KEYS = [
  'gold_clusters',
  'silver_clusters',
  'bronze_clusters',
] as const satisfies readonly (keyof PerformanceAccount)[];
/** Money in DKK. */
export const MONEY_KEYS = [
  'grant_dkk',
  'external_funding_dkk',
  'private_cofinancing_dkk',
] as const satisfies readonly (keyof PerformanceAccount)[];

export { HOURLY_RATE_DKK, SMALL_COMPANY_LIMIT } from './account-query.ts';

/**
 * The account of a year and scope on a basis: official (the default, what the public sees) or
 * preliminary (who may see it is the performance area's policy, asked by the callers).
 */
export async function performanceAccount(
  db: Queryable,
  year: number,
  scope: AccountScope = { kind: 'national' },
  basis: AccountBasis = 'official',
): Promise<PerformanceAccount> {
  const [row] = await db.transaction(async (tx) => {
    // The planner guesses 10 words per company for unnest(), prices the query over the JIT limit,
    // and compiling then took 60-90 ms of a ~600 ms national account on 10M participations.
    await tx.execute(sql`set local jit = off`);
    return queryRows<Omit<PerformanceAccount, 'year' | 'preliminary'>>(tx, accountQuery(year, scope, basis));
  });
  if (!row) throw new Error('performance account query returned no row');
  return { year, preliminary: basis === 'preliminary', ...row };
}

/**
 * The accounts of one scope in several years, in the order of `years` (a trend). One statement per
 * year, one after another (on PGlite statements run one at a time anyway): each reads only its
 * year's rows through the year indexes. One statement grouping the years by a year column was
 * measured slower (10 years on 3M participations: 14.6 s against 9 s), as the planner misjudges
 * every grouped step.
 */
export async function performanceAccounts(
  db: Queryable,
  years: readonly number[],
  scope: AccountScope = { kind: 'national' },
  basis: AccountBasis = 'official',
): Promise<PerformanceAccount[]> {
  const accounts: PerformanceAccount[] = [];
  for (const year of years) accounts.push(await performanceAccount(db, year, scope, basis));
  return accounts;
}
