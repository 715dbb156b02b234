import type { Queryable } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { REGIONS, type Region } from '../reference/geography.ts';
import {
  type AccountBasis,
  type AccountScope,
  type PerformanceAccount,
  performanceAccount,
} from './account.ts';
import { type AccountView, authorizeView, OFFICIAL } from './policy.ts';
import { type AccountCluster, clusterByCvr, clusterOrganisations } from './queries.ts';

/** An account asked for a cluster organisation that does not exist: the caller named it wrong. */
export class UnknownClusterError extends AppError {
  constructor(readonly cvr: string) {
    super('not_found', `no cluster organisation has CVR ${cvr}`);
  }
}

async function knownCluster(db: Queryable, cvr: string): Promise<AccountCluster> {
  const cluster = await clusterByCvr(db, cvr);
  if (!cluster) throw new UnknownClusterError(cvr);
  return cluster;
}

/**
 * The account of a scope, official or (for whoever may see it: performance/policy.ts) preliminary;
 * for one cluster, UnknownClusterError when no cluster organisation has the CVR.
 */
export async function scopeAccount(
  db: Queryable,
  year: number,
  scope: AccountScope,
  view: AccountView = OFFICIAL,
): Promise<PerformanceAccount> {
  if (scope.kind === 'cluster') await knownCluster(db, scope.cvr);
  await authorizeView(db, view, year, scope);
  return performanceAccount(db, year, scope, view.basis);
}

/**
 * Which accounts a report holds: the national one, one cluster's, one region's or league's, or the
 * national one and every cluster's.
 */
export type ReportSelection =
  | { kind: 'national' }
  | { kind: 'cluster'; cvr: string }
  | Extract<AccountScope, { kind: 'region' | 'league' }>
  | { kind: 'all' };

/** What an account of a report covers, with the names a reader knows it by. */
export type NamedScope =
  | { kind: 'national' }
  | { kind: 'cluster'; cvr: string; name: string }
  | { kind: 'region'; region: Region }
  | Extract<AccountScope, { kind: 'league' }>;

export interface ScopedAccount {
  scope: NamedScope;
  account: PerformanceAccount;
}

/** Everything a rendering of the report needs: its accounts, and the regions of their regional split. */
export interface AccountReport {
  year: number;
  /** Every account counts all deliveries (preliminary), not only approved and locked years. */
  preliminary: boolean;
  accounts: ScopedAccount[];
  regions: readonly Region[];
}

/** The scope whose rights cover a report selection: every cluster's account needs the national rights. */
const guardScope = (selection: ReportSelection): AccountScope =>
  selection.kind === 'all' ? { kind: 'national' } : selection;

/**
 * The accounts of a report selection on one basis, with the names of their scopes; preliminary
 * only for whoever may see it (performance/policy.ts).
 */
export async function reportAccounts(
  db: Queryable,
  year: number,
  selection: ReportSelection,
  view: AccountView = OFFICIAL,
): Promise<AccountReport> {
  if (selection.kind === 'cluster') await knownCluster(db, selection.cvr);
  await authorizeView(db, view, year, guardScope(selection));
  const basis = view.basis;
  const report = (accounts: ScopedAccount[]): AccountReport => ({
    year,
    preliminary: basis === 'preliminary',
    accounts,
    regions: REGIONS,
  });
  const account = (scope: AccountScope) => performanceAccount(db, year, scope, basis);
  switch (selection.kind) {
    case 'national':
      return report([{ scope: selection, account: await account(selection) }]);
    case 'league':
      return report([{ scope: selection, account: await account(selection) }]);
    case 'region': {
      const region = REGIONS.find((r) => r.code === selection.regionCode);
      if (!region) throw new AppError('validation', `${selection.regionCode} is not a region code`);
      return report([{ scope: { kind: 'region', region }, account: await account(selection) }]);
    }
    case 'cluster': {
      const cluster = await knownCluster(db, selection.cvr);
      return report([
        {
          scope: { kind: 'cluster', cvr: cluster.cvr, name: cluster.name },
          account: await account(selection),
        },
      ]);
    }
    case 'all':
      return report([
        { scope: { kind: 'national' }, account: await account({ kind: 'national' }) },
        ...(await everyClusterAccount(db, year, basis)),
      ]);
  }
}

/**
 * Every cluster organisation's own account, by name. One statement per cluster: each reads only
 * its cluster's rows of the year through the (cluster, year) indexes. One statement grouping the
 * accounts by cluster was measured no faster (50 clusters on 3M participations), and needs a
 * second, grouped form of the account's SQL.
 */
async function everyClusterAccount(
  db: Queryable,
  year: number,
  basis: AccountBasis,
): Promise<ScopedAccount[]> {
  const accounts: ScopedAccount[] = [];
  for (const { cvr, name } of await clusterOrganisations(db))
    accounts.push({
      scope: { kind: 'cluster', cvr, name },
      account: await performanceAccount(db, year, { kind: 'cluster', cvr }, basis),
    });
  return accounts;
}
