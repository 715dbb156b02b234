/** What the referral pages show: the caller's referrals, one referral with its history, the form's choices. */
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { organisations, referralTargets } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import {
  mayViewReferral,
  type ReferralPermissions,
  type ReferralStatus,
  referralPermissions,
  referringOrganisations,
} from './policy.ts';

export type ReferralOutcome = 'joined_activity' | 'project_started' | 'no_match';

export interface ReferralSummary {
  id: string;
  fromOrganisationId: string;
  fromName: string;
  toOrganisationId: string | null;
  /** The recipient organisation's or outside actor's name. */
  toName: string;
  cvr: string;
  companyName: string;
  theme: string;
  status: ReferralStatus;
  outcome: ReferralOutcome | null;
  sentAt: Date;
  crossRegion: boolean;
}

const summaryColumns = sql`r.id, r.from_organisation_id as "fromOrganisationId", f.name as "fromName",
  r.to_organisation_id as "toOrganisationId", coalesce(t.name, x.name) as "toName", r.cvr,
  r.company_name as "companyName", r.theme, r.status, r.outcome, r.sent_at as "sentAt",
  coalesce(r.from_region_code <> r.to_region_code, false) as "crossRegion"`;
const summaryFrom = sql`referrals r join organisations f on f.id = r.from_organisation_id
  left join organisations t on t.id = r.to_organisation_id left join referral_targets x on x.id = r.to_target_id`;

const toSummary = <T extends ReferralSummary>(r: T): T => ({ ...r, sentAt: new Date(r.sentAt) });

/** How many of each list the overview shows, newest first. */
export const OVERVIEW_LIMIT = 100;

async function summaries(db: Queryable, where: SQL): Promise<ReferralSummary[]> {
  const rows = await queryRows<ReferralSummary>(
    db,
    sql`select ${summaryColumns} from ${summaryFrom} where ${where} order by r.sent_at desc, r.id limit ${OVERVIEW_LIMIT}`,
  );
  return rows.map(toSummary);
}

export interface ReferralOverview {
  /** Received referrals waiting for the caller's organisations to act: to answer, contact, conclude. */
  waiting: ReferralSummary[];
  received: ReferralSummary[];
  sent: ReferralSummary[];
}

/** The referrals of the caller's organisations, sent and received; refused when it has none to manage. */
export async function referralOverview(db: Queryable, caller: Caller): Promise<ReferralOverview> {
  const own = referringOrganisations(caller.principal);
  if (own.length === 0) authorize(caller.principal, 'referrals.manage', {});
  const ids = uuidArray(own);
  const [waiting, received, sent] = await Promise.all([
    summaries(db, sql`r.to_organisation_id = any(${ids}) and r.status in ('sent', 'accepted', 'contacted')`),
    summaries(db, sql`r.to_organisation_id = any(${ids})`),
    summaries(db, sql`r.from_organisation_id = any(${ids})`),
  ]);
  return { waiting, received, sent };
}

export interface ReferralEventView {
  kind: 'sent' | 'accepted' | 'declined' | 'contacted' | 'completed' | 'reminded' | 'personal_data_deleted';
  at: Date;
  organisationName: string | null;
  actorName: string;
  note: string | null;
}

export interface ReferralView extends ReferralSummary {
  toTargetUrl: string | null;
  need: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  consentRecordedAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  contactedOn: string | null;
  outcomeOn: string | null;
  personalDataDeletedAt: Date | null;
  /**
   * For an outcome "joined an activity" with a cluster: whether the cluster's reporting holds the
   * company (by CVR) in one of its activities in the year of the outcome.
   */
  confirmedByReporting: boolean | null;
}

export interface ReferralDetail {
  referral: ReferralView;
  history: ReferralEventView[];
  may: ReferralPermissions;
}

async function findReferral(db: Queryable, id: string): Promise<ReferralView | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<ReferralView>(
    db,
    sql`select ${summaryColumns}, x.url as "toTargetUrl", r.need, r.contact_name as "contactName",
          r.contact_email as "contactEmail", r.contact_phone as "contactPhone",
          r.consent_recorded_at as "consentRecordedAt", r.accepted_at as "acceptedAt",
          r.declined_at as "declinedAt", r.contacted_on::text as "contactedOn", r.outcome_on::text as "outcomeOn",
          r.personal_data_deleted_at as "personalDataDeletedAt",
          case when r.outcome = 'joined_activity' and t.kind = 'cluster_organisation' then exists(
            select 1 from participations p
            where p.cluster_id = r.to_organisation_id and p.cvr = r.cvr
              and p.year = extract(year from r.outcome_on)::smallint and p.participant_type = 'company')
          end as "confirmedByReporting"
        from ${summaryFrom} where r.id = ${id}`,
  );
  if (!row) return null;
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    ...toSummary(row),
    consentRecordedAt: new Date(row.consentRecordedAt),
    acceptedAt: date(row.acceptedAt),
    declinedAt: date(row.declinedAt),
    personalDataDeletedAt: date(row.personalDataDeletedAt),
  };
}

async function historyOf(db: Queryable, id: string): Promise<ReferralEventView[]> {
  const rows = await queryRows<ReferralEventView>(
    db,
    sql`select e.kind, e.at, o.name as "organisationName", e.actor_name as "actorName", e.note
        from referral_events e left join organisations o on o.id = e.organisation_id
        where e.referral_id = ${id} order by e.at, e.id`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

/** One referral with its history, for its two sides only; what the caller may do with it now. */
export async function referralDetail(db: Queryable, caller: Caller, id: string): Promise<ReferralDetail> {
  const referral = await findReferral(db, id);
  if (!referral) throw notFound('referral');
  if (!mayViewReferral(caller.principal, referral))
    throw new AppError('forbidden', 'Not a side of this referral');
  return {
    referral,
    history: await historyOf(db, referral.id),
    may: referralPermissions(caller.principal, referral),
  };
}

export interface Choice {
  value: string;
  label: string;
}

export interface ReferralFormChoices {
  /** The organisations the caller refers for. */
  senders: (Choice & { kind: string })[];
  /** Clusters (for a hub) with their region, or business hubs (for a cluster). */
  organisations: (Choice & { regionCode: number | null })[];
  /** Outside actors, for a cluster. */
  targets: (Choice & { url: string })[];
}

/**
 * What the form for a new referral offers the caller's (first or chosen) referring organisation:
 * a hub refers to clusters in every region, a cluster to business hubs and outside actors.
 */
export async function referralFormChoices(
  db: Queryable,
  caller: Caller,
  senderId?: string,
): Promise<ReferralFormChoices> {
  const own = referringOrganisations(caller.principal);
  const chosen = senderId && own.includes(senderId) ? senderId : own[0];
  authorize(caller.principal, 'referrals.manage', chosen ? { organisationId: chosen } : {});
  const senders = await db
    .select({ value: organisations.id, label: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, own))
    .orderBy(asc(organisations.name));
  const sender = senders.find((s) => s.value === chosen);
  const recipientKind = sender?.kind === 'business_service' ? 'cluster_organisation' : 'business_service';
  const recipients = await queryRows<Choice & { regionCode: number | null }>(
    db,
    sql`select o.id as value, o.name as label, coalesce(o.region_code, m.region_code)::int as "regionCode"
        from organisations o left join municipalities m on m.code = o.municipality_code
        left join clusters c on c.organisation_id = o.id
        where o.kind = ${recipientKind} and c.ended_on is null
        order by o.name`,
  );
  const targets =
    sender?.kind === 'cluster_organisation'
      ? await db
          .select({ value: referralTargets.id, label: referralTargets.name, url: referralTargets.url })
          .from(referralTargets)
          .where(eq(referralTargets.active, true))
          .orderBy(asc(referralTargets.name))
      : [];
  return {
    senders: senders.filter((s) => s.kind === 'business_service' || s.kind === 'cluster_organisation'),
    organisations: recipients.map((r) => ({
      ...r,
      regionCode: r.regionCode === null ? null : Number(r.regionCode),
    })),
    targets,
  };
}
