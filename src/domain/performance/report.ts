import type { Queryable } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { REGIONS, type Region } from '../reference/geography.ts';
import { type AccountScope, type PerformanceAccount, performanceAccount } from './account.ts';
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

/** The account of a scope; for one cluster, UnknownClusterError when no cluster organisation has the CVR. */
export async function scopeAccount(
  db: Queryable,
  year: number,
  scope: AccountScope,
): Promise<PerformanceAccount> {
  if (scope.kind === 'cluster') await knownCluster(db, scope.cvr);
  return performanceAccount(db, year, scope);
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
  accounts: ScopedAccount[];
  regions: readonly Region[];
}

/** The accounts of a report selection, with the names of their scopes. */
export async function reportAccounts(
  db: Queryable,
  year: number,
  selection: ReportSelection,
): Promise<AccountReport> {
  const report = (accounts: ScopedAccount[]): AccountReport => ({ year, accounts, regions: REGIONS });
  switch (selection.kind) {
    case 'national':
      return report([{ scope: selection, account: await performanceAccount(db, year) }]);
    case 'league':
      return report([{ scope: selection, account: await performanceAccount(db, year, selection) }]);
    case 'region': {
      const region = REGIONS.find((r) => r.code === selection.regionCode);
      if (!region) throw new AppError('validation', `${selection.regionCode} is not a region code`);
      return report([
        { scope: { kind: 'region', region }, account: await performanceAccount(db, year, selection) },
      ]);
    }
    case 'cluster': {
      const cluster = await knownCluster(db, selection.cvr);
      const account = await performanceAccount(db, year, selection);
      return report([{ scope: { kind: 'cluster', cvr: cluster.cvr, name: cluster.name }, account }]);
    }
    case 'all':
      return report([
        { scope: { kind: 'national' }, account: await performanceAccount(db, year) },
        ...(await everyClusterAccount(db, year)),
      ]);
  }
}

/**
 * Every cluster organisation's own account, by name. One statement per cluster: each reads only
 * its cluster's rows of the year through the (cluster, year) indexes. One statement grouping the
 * accounts by cluster was measured no faster (50 clusters on 3M participations), and needs a
 * second, grouped form of the account's SQL.
 */
async function everyClusterAccount(db: Queryable, year: number): Promise<ScopedAccount[]> {
  const accounts: ScopedAccount[] = [];
  for (const { cvr, name } of await clusterOrganisations(db))
    accounts.push({
      scope: { kind: 'cluster', cvr, name },
      account: await performanceAccount(db, year, { kind: 'cluster', cvr }),
    });
  return accounts;
}
