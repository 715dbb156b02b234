import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { CLOSED_STATUSES } from '../reporting/periods/transitions.ts';
import type { AccountBasis } from './account.ts';

export interface AccountCluster {
  id: string;
  cvr: string;
  name: string;
  slug: string;
}

/** A cluster organisation by CVR, for a cluster's account; null when there is none. */
export async function clusterByCvr(db: Queryable, cvr: string): Promise<AccountCluster | null> {
  const [row] = await queryRows<AccountCluster>(
    db,
    sql`select id, cvr, name, slug from organisations where cvr = ${cvr} and kind = 'cluster_organisation'`,
  );
  return row ?? null;
}

/** On the official basis, only activities of (cluster, year) periods that are approved or locked. */
function countedActivities(basis: AccountBasis): SQL {
  if (basis === 'preliminary') return sql`true`;
  const closed = sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}::period_status`),
    sql`, `,
  );
  return sql`exists (select 1 from reporting_periods rp
    where rp.cluster_id = a.cluster_id and rp.year = a.year and rp.status in (${closed}))`;
}

/** Clusters with activities counted in a year on a basis, by name: the drill-down list of a year's account. */
export async function clustersWithActivities(
  db: Queryable,
  year: number,
  basis: AccountBasis = 'official',
): Promise<(AccountCluster & { activities: number })[]> {
  return queryRows(
    db,
    sql`select o.id, o.cvr, o.name, o.slug, count(*)::int as activities
        from activities a join organisations o on o.id = a.cluster_id
        where a.year = ${year} and o.cvr is not null and ${countedActivities(basis)}
        group by o.id order by o.name`,
  );
}

/** The years with activities counted on a basis, oldest first: the years an account is shown for. */
export async function accountYears(db: Queryable, basis: AccountBasis = 'official'): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct a.year::int as year from activities a where ${countedActivities(basis)} order by 1`,
  );
  return rows.map((r) => r.year);
}

/** Every cluster organisation with a CVR, by name: the clusters of a report of all clusters. */
export async function clusterOrganisations(db: Queryable): Promise<Pick<AccountCluster, 'cvr' | 'name'>[]> {
  return queryRows(
    db,
    sql`select cvr, name from organisations where kind = 'cluster_organisation' and cvr is not null
        order by name, cvr`,
  );
}
