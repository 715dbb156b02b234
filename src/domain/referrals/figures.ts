/**
 * Referral figures (counted in SQL, no personal data): per region of the referring organisation,
 * per business hub, per cluster and per theme, for the referrals sent in a year (Danish time):
 * how many were sent, accepted and declined, the median days from sending to the first contact,
 * the outcomes, and the share that crossed a regional border. An outcome "joined an activity" with
 * a cluster is confirmed when that cluster's reporting holds the company (by CVR) as a participant
 * in the year of the outcome; the performance account shows that as a supporting measure.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { authorize } from '../policy/policy.ts';

export const FIGURE_DIMENSIONS = ['region', 'hub', 'cluster', 'theme'] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];

export interface FigureRow {
  /** Region code, organisation id or theme key; null for the region of an organisation without one. */
  key: string | null;
  /** The organisation's name (hub, cluster); null for regions and themes, which the page names. */
  name: string | null;
  sent: number;
  accepted: number;
  declined: number;
  /** Median whole days from sending to the first contact, of those contacted; null when none. */
  medianDaysToContact: number | null;
  joinedActivity: number;
  /** Of those joined an activity with a cluster: confirmed by the cluster's reporting. */
  joinedConfirmed: number;
  projectStarted: number;
  noMatch: number;
  /** Share (0-1) of referrals between organisations in different regions; null when unknown. */
  crossRegionShare: number | null;
}

export interface ReferralFigures {
  year: number;
  by: FigureDimension;
  rows: FigureRow[];
  total: FigureRow;
}

/** The grouping key of each dimension, over `r` (referral), `f` (sender) and `t` (recipient). */
const KEYS: Record<FigureDimension, SQL> = {
  region: sql`r.from_region_code::text`,
  hub: sql`(case when f.kind = 'business_service' then f.id when t.kind = 'business_service' then t.id end)::text`,
  cluster: sql`(case when t.kind = 'cluster_organisation' then t.id when f.kind = 'cluster_organisation' then f.id end)::text`,
  theme: sql`r.theme`,
};

/** The year of a moment in Danish time. */
const danishYear = (column: SQL) => sql`extract(year from (${column} at time zone 'Europe/Copenhagen'))::int`;

/** A participation of the recipient cluster, by the company's CVR, in the year of the outcome. */
const confirmedJoin = sql`(r.outcome = 'joined_activity' and t.kind = 'cluster_organisation' and exists(
  select 1 from participations p
  where p.cluster_id = r.to_organisation_id and p.cvr = r.cvr and p.participant_type = 'company'
    and p.year = extract(year from r.outcome_on)::smallint))`;

function toRow(r: Record<string, unknown>): FigureRow {
  const num = (v: unknown) => Number(v ?? 0);
  return {
    key: r.key === null ? null : String(r.key),
    name: (r.name as string | null) ?? null,
    sent: num(r.sent),
    accepted: num(r.accepted),
    declined: num(r.declined),
    medianDaysToContact: r.median === null ? null : Math.round(Number(r.median)),
    joinedActivity: num(r.joined),
    joinedConfirmed: num(r.confirmed),
    projectStarted: num(r.project),
    noMatch: num(r.no_match),
    crossRegionShare: r.cross_share === null ? null : Number(r.cross_share),
  };
}

/** The figures of the referrals sent in `year`, grouped by one dimension, with the total. */
export async function referralFigures(
  db: Queryable,
  caller: Caller,
  year: number,
  by: FigureDimension,
): Promise<ReferralFigures> {
  authorize(caller.principal, 'referrals.viewFigures');
  const key = KEYS[by];
  // Hubs and clusters count the referrals they took part in; a referral without one is left out.
  const keep = by === 'hub' || by === 'cluster' ? sql`and ${key} is not null` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with base as (
          select ${key} as key, r.status, r.accepted_at, r.outcome, ${confirmedJoin} as confirmed,
                 r.contacted_on - (r.sent_at at time zone 'Europe/Copenhagen')::date as days,
                 case when r.from_region_code is not null and r.to_region_code is not null
                      then (r.from_region_code <> r.to_region_code)::int end as crossed
          from referrals r join organisations f on f.id = r.from_organisation_id
          left join organisations t on t.id = r.to_organisation_id
          where ${danishYear(sql`r.sent_at`)} = ${year} ${keep})
        select b.key, (select o.name from organisations o where o.id::text = b.key) as name,
               b.sent, b.accepted, b.declined, b.median, b.joined, b.confirmed, b.project, b.no_match,
               b.cross_share, b.is_total
        from (select key, grouping(key) as is_total, count(*) as sent, count(accepted_at) as accepted,
                     count(*) filter (where status = 'declined') as declined,
                     percentile_cont(0.5) within group (order by days) as median,
                     count(*) filter (where outcome = 'joined_activity') as joined,
                     count(*) filter (where confirmed) as confirmed,
                     count(*) filter (where outcome = 'project_started') as project,
                     count(*) filter (where outcome = 'no_match') as no_match,
                     avg(crossed) as cross_share
              from base group by grouping sets ((key), ())) b
        order by b.is_total, b.sent desc, b.key`,
  );
  const empty = toRow({ key: null, sent: 0, median: null, cross_share: null });
  return {
    year,
    by,
    rows: rows.filter((r) => Number(r.is_total) === 0).map(toRow),
    total: rows.filter((r) => Number(r.is_total) === 1).map(toRow)[0] ?? empty,
  };
}

export interface ReferralSupport {
  /** Companies referred to the cluster(s) whose outcome in the year was "joined an activity". */
  joined: number;
  /** Of those, the companies the cluster's own reporting holds as participants in that year. */
  confirmed: number;
}

/**
 * The supporting measure of the performance account: companies referred by business hubs that
 * joined a cluster's activity in the year, nationally or for one cluster; each company counted
 * once per cluster. Public, like the account: it holds counts only.
 */
export async function referralSupport(
  db: Queryable,
  year: number,
  clusterId?: string,
): Promise<ReferralSupport> {
  const [row] = await queryRows<{ joined: number; confirmed: number }>(
    db,
    sql`select count(distinct (r.to_organisation_id, r.cvr))::int as joined,
               count(distinct (r.to_organisation_id, r.cvr)) filter (where ${confirmedJoin})::int as confirmed
        from referrals r join organisations f on f.id = r.from_organisation_id
        join organisations t on t.id = r.to_organisation_id
        where r.outcome = 'joined_activity' and f.kind = 'business_service' and t.kind = 'cluster_organisation'
          and extract(year from r.outcome_on)::int = ${year}
          ${clusterId ? sql`and r.to_organisation_id = ${clusterId}` : sql``}`,
  );
  return { joined: Number(row?.joined ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

/** The years with referrals, newest first, for the figures page's year choice. */
export async function referralYears(db: Queryable): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct ${danishYear(sql`sent_at`)} as year from referrals order by year desc`,
  );
  return rows.map((r) => Number(r.year));
}
