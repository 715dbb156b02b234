/**
 * The landing page of a business hub's staff: the referrals waiting for their hub, the clusters'
 * upcoming activities in the hub's region, this year's referral figures by region and the joint
 * events the hub proposed.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { copenhagenDate } from '../reference/time.ts';
import { type ReferralFigures, referralFigures } from '../referrals/figures.ts';
import { type ReferralSummary, referralOverview } from '../referrals/queries.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { type ClusterActivity, clusterActivityFeed } from './activities.ts';
import { type JointEventProposal, jointEventProposalsOf } from './joint-events.ts';
import { hubsOf } from './policy.ts';

/** How many of the region's upcoming activities the landing page lists. */
export const LANDING_ACTIVITIES = 5;

export interface HubLanding {
  hubName: string;
  /** The region of the hub's seat; null when the hub has none on record. */
  regionCode: number | null;
  waiting: ReferralSummary[];
  activities: ClusterActivity[];
  figures: ReferralFigures;
  /** The joint events the hub proposed, newest first, with the clusters' answers. */
  proposals: JointEventProposal[];
}

/** The landing page of the caller's (first) business hub; refused to anyone not working for one. */
export async function hubLanding(db: Queryable, caller: Caller, now: Date): Promise<HubLanding> {
  const hubs = hubsOf(caller.principal);
  if (hubs.length === 0) throw forbidden('Not allowed: the business hub landing page');
  const [hub] = await queryRows<{ name: string; regionCode: number | null }>(
    db,
    sql`select o.name, m.region_code as "regionCode" from organisations o
        left join municipalities m on m.code = o.municipality_code
        where o.id = any(${uuidArray(hubs)}) order by o.name limit 1`,
  );
  const regionCode = hub?.regionCode === null || hub === undefined ? null : Number(hub.regionCode);
  const year = Number(copenhagenDate(now).slice(0, 4));
  const [overview, activities, figures, proposals] = await Promise.all([
    referralOverview(db, caller),
    regionCode === null
      ? Promise.resolve([])
      : clusterActivityFeed(db, caller, { region: regionCode }, now, LANDING_ACTIVITIES),
    referralFigures(db, caller, year, 'region'),
    jointEventProposalsOf(db, caller),
  ]);
  return { hubName: hub?.name ?? '', regionCode, waiting: overview.waiting, activities, figures, proposals };
}
