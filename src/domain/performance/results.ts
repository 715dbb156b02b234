import type { Queryable } from '../../db/client.ts';
import { notFound } from '../errors.ts';
import { can, type Principal } from '../policy/policy.ts';
import { type TargetSet, targetSetForYear } from '../targets/queries.ts';
import { type AccountScope, type PerformanceAccount, performanceAccounts } from './account.ts';
import { type AccountView, authorizeView, mayViewPreliminary, OFFICIAL } from './policy.ts';
import { type AccountCluster, accountYears, clusterByCvr, clustersWithActivities } from './queries.ts';

/*
 * What the results pages show: the official accounts, public figures; and for whoever may see
 * them (performance/policy.ts) the preliminary ones, which the pages always mark as such.
 */

/** A year's account with the accounts of every year, for the trend charts. */
export interface AccountYears {
  /** The years with activities counted on the page's basis, oldest first. */
  years: number[];
  /** The account of each of those years, in the same order. */
  accounts: PerformanceAccount[];
  /** The account of the year asked for. */
  account: PerformanceAccount;
  /** Whether the caller may switch to the preliminary figures of this account (a link is offered). */
  mayViewPreliminary: boolean;
}

export interface YearResults extends AccountYears {
  /** The targets the year is followed up against, if any. */
  targetSet: TargetSet | null;
  /** The clusters that reported activities in the year: the drill-down list. */
  clusters: (AccountCluster & { activities: number })[];
  /** Whether the caller may edit the targets shown (a link to them is offered). */
  mayManageTargets: boolean;
}

export interface ClusterResults extends AccountYears {
  cluster: AccountCluster;
}

/**
 * Whether the principal (null: a visitor) may edit the targets of a set: the set's funder's own
 * people and admins; without a set, whoever may keep targets of any funder (admins).
 */
export function mayManageTargets(
  principal: Principal | null,
  set: Pick<TargetSet, 'funderId'> | null,
): boolean {
  return can(principal, 'targets.manage', set ? { organisationId: set.funderId } : {});
}

/**
 * A scope's account of a year and of every year for the trends, on the basis asked for: official,
 * or preliminary for a caller who may see it (refused otherwise), whose trend then holds the years
 * the caller may see. not_found for a year without counted activities.
 */
async function accountYearsOf(
  db: Queryable,
  principal: Principal | null,
  year: number,
  scope: AccountScope,
  preliminary: boolean,
): Promise<AccountYears> {
  const view: AccountView = preliminary ? { basis: 'preliminary', principal } : OFFICIAL;
  await authorizeView(db, view, year, scope);
  const counted = await accountYears(db, view.basis);
  const years = [];
  for (const y of counted)
    if (!preliminary || y === year || (await mayViewPreliminary(db, principal, y, scope))) years.push(y);
  if (!years.includes(year)) throw notFound('performance account year');
  const accounts = await performanceAccounts(db, years, scope, view.basis);
  return {
    years,
    accounts,
    account: accounts[years.indexOf(year)] as PerformanceAccount,
    mayViewPreliminary: await mayViewPreliminary(db, principal, year, scope),
  };
}

/** The national account of a year with activities (else not_found), its targets and clusters. */
export async function yearResults(
  db: Queryable,
  principal: Principal | null,
  year: number,
  opts: { preliminary: boolean } = { preliminary: false },
): Promise<YearResults> {
  const national = await accountYearsOf(db, principal, year, { kind: 'national' }, opts.preliminary);
  const [targetSet, clusters] = await Promise.all([
    targetSetForYear(db, year),
    clustersWithActivities(db, year, national.account.preliminary ? 'preliminary' : 'official'),
  ]);
  return { ...national, targetSet, clusters, mayManageTargets: mayManageTargets(principal, targetSet) };
}

/** One cluster organisation's account of a year with activities; not_found for either. */
export async function clusterResults(
  db: Queryable,
  principal: Principal | null,
  cvr: string,
  year: number,
  opts: { preliminary: boolean } = { preliminary: false },
): Promise<ClusterResults> {
  const cluster = await clusterByCvr(db, cvr);
  if (!cluster) throw notFound('cluster');
  return {
    cluster,
    ...(await accountYearsOf(db, principal, year, { kind: 'cluster', cvr }, opts.preliminary)),
  };
}

export interface YearComparison {
  /** The years with activities, oldest first: the choices. */
  years: number[];
  from: number | undefined;
  to: number | undefined;
  /** The national accounts of `from` and `to`; null unless both years have activities. */
  accounts: [PerformanceAccount, PerformanceAccount] | null;
}

/**
 * Two years' national accounts side by side. A year not asked for is the second newest (from) or
 * the newest (to) with activities.
 */
export async function yearComparison(
  db: Queryable,
  asked: { from: number | undefined; to: number | undefined },
): Promise<YearComparison> {
  const years = await accountYears(db);
  const from = asked.from ?? years.at(-2);
  const to = asked.to ?? years.at(-1);
  if (from === undefined || to === undefined || !years.includes(from) || !years.includes(to))
    return { years, from, to, accounts: null };
  const [a, b] = (await performanceAccounts(db, [from, to])) as [PerformanceAccount, PerformanceAccount];
  return { years, from, to, accounts: [a, b] };
}
