import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

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

/** Clusters that reported activities in a year, by name: the drill-down list of a year's account. */
export async function clustersWithActivities(
  db: Queryable,
  year: number,
): Promise<(AccountCluster & { activities: number })[]> {
  return queryRows(
    db,
    sql`select o.id, o.cvr, o.name, o.slug, count(*)::int as activities
        from activities a join organisations o on o.id = a.cluster_id
        where a.year = ${year} and o.cvr is not null
        group by o.id order by o.name`,
  );
}

/** The years that have activities, oldest first. */
export async function accountYears(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct year::int as year from activities order by 1`,
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
