/**
 * The grant a follow-up is about (docs/grants.md): its cluster, funder and year, and the funders
 * of the cluster in that year, who all read the follow-up. Change requests and financial reports
 * load their grant here, so the same rules hold for both: the cluster's own staff report
 * (`grantFollowUp.report`), the grant's funder decides (`grants.manage`), every co-funder reads.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { activityCategory } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

export const ACTIVITY_CATEGORIES = activityCategory.enumValues;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export interface FollowedGrant {
  id: string;
  funderId: string;
  funderName: string;
  clusterId: string;
  clusterName: string;
  clusterSlug: string;
  year: number;
  amountDkk: number;
  /** Every funder of the cluster in the grant's year. */
  fundedBy: string[];
}

const followUpTarget = (g: FollowedGrant) => ({ organisationId: g.clusterId, fundedBy: g.fundedBy });

/** What the caller may do with the grant's follow-up. */
export const followUpRights = (p: Principal, g: FollowedGrant) => ({
  report: can(p, 'grantFollowUp.report', followUpTarget(g)),
  decide: can(p, 'grants.manage', { organisationId: g.funderId }),
});

/** The site path (Danish, canonical) of the grant's follow-up page: stored in notifications. */
export const grantFollowUpPath = (grantId: string, page: 'opfoelgning' | 'regnskab' = 'opfoelgning') =>
  `/arbejdsrum/bevillinger/${grantId}/${page}`;

/**
 * The grant, for a caller who may read its follow-up; not_found for no such grant. In a
 * transaction `lock` holds the grant's row, so its follow-up changes one at a time.
 */
export async function followedGrant(
  db: Queryable | Tx,
  caller: Caller,
  grantId: string,
  lock = false,
): Promise<FollowedGrant> {
  if (!isUuid(grantId)) throw notFound('grant');
  const [grant] = await queryRows<FollowedGrant>(
    db,
    sql`select g.id, g.funder_id as "funderId", f.name as "funderName", g.cluster_id as "clusterId",
               c.name as "clusterName", c.slug as "clusterSlug", g.year, g.amount_dkk::float8 as "amountDkk",
               array(select distinct o.funder_id from funding_grants o
                     where o.cluster_id = g.cluster_id and o.year = g.year) as "fundedBy"
        from funding_grants g
        join organisations f on f.id = g.funder_id
        join organisations c on c.id = g.cluster_id
        where g.id = ${grantId}
        ${lock ? sql`for update of g` : sql``}`,
  );
  if (!grant) throw notFound('grant');
  authorize(caller.principal, 'grantFollowUp.view', followUpTarget(grant));
  return grant;
}

/** Refuses a caller who is not the staff of the grant's cluster. */
export const authorizeReport = (caller: Caller, g: FollowedGrant) =>
  authorize(caller.principal, 'grantFollowUp.report', followUpTarget(g));

/** Refuses a caller who does not keep the grant's funder's grants. */
export const authorizeDecision = (caller: Caller, g: FollowedGrant) =>
  authorize(caller.principal, 'grants.manage', { organisationId: g.funderId });
