import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, notFound } from '../../errors.ts';
import { authorize, can } from '../../policy/policy.ts';
import { ACTIVITY_CATEGORIES, type ActivityRowValue, type ParticipantRowValue } from '../format/rows.ts';
import { isYearLocked } from '../periods/years.ts';
import { readableClusters, writableClusters } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';
import { locked } from './issues.ts';
import { activityRuleBroken } from './rule.ts';

/**
 * Activities and participants entered by hand in the cluster workspace. Every value goes through
 * the reporting format's rules (format/rows.ts), so a form field and a file cell with the same bad
 * value get the same message; the rules that need the portal's data (duplicates, locked years)
 * follow the import's checks in delivery/checks.ts.
 */

export interface ActivityFilters {
  year?: number | undefined;
  category?: string | undefined;
  q?: string | undefined;
  /** One cluster organisation's id; only narrows what the caller may read anyway. */
  clusterId?: string | undefined;
  /** Only the activities that break the activity rule (rule.ts). */
  breaksActivityRule?: boolean | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ActivityListItem {
  id: number;
  clusterId: string;
  clusterName: string;
  activityRef: string;
  title: string;
  category: ActivityRowValue['category'];
  startDate: string;
  endDate: string | null;
  participants: number;
  companies: number;
  breaksActivityRule: boolean;
}

export const PAGE_SIZE = 25;

/** An activity's participants and company participants, counted in SQL. */
const participantCount = sql`(select count(*) from participations p where p.activity_id = a.id)`;
const companyCount = sql`(select count(*) from participations p where p.activity_id = a.id and p.participant_type = 'company')`;

const inClusters = (ids: string[] | null): SQL =>
  ids === null ? sql`true` : sql`a.cluster_id = any(${uuidArray(ids)})`;

/**
 * One page of the activities the caller may read, newest first, with participant counts; and
 * whether the caller may create activities.
 */
export async function listActivities(
  db: Queryable,
  caller: Caller,
  filters: ActivityFilters,
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<{
  items: ActivityListItem[];
  total: number;
  years: number[];
  mayCreate: boolean;
  /** The clusters the principal may read that have activities, for a filter when there is more than one. */
  clusters: { id: string; name: string }[];
}> {
  const scope = readableClusters(caller.principal);
  const where = [inClusters(scope)];
  if (filters.clusterId && UUID.test(filters.clusterId))
    where.push(sql`a.cluster_id = ${filters.clusterId}::uuid`);
  if (filters.year !== undefined) where.push(sql`a.year = ${filters.year}`);
  if (filters.category && (ACTIVITY_CATEGORIES as readonly string[]).includes(filters.category))
    where.push(sql`a.category = ${filters.category}::activity_category`);
  if (filters.q?.trim()) {
    const pattern = `%${filters.q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    where.push(sql`(a.title ilike ${pattern} or a.activity_ref ilike ${pattern})`);
  }
  if (filters.breaksActivityRule) where.push(activityRuleBroken(participantCount, companyCount));
  const condition = sql.join(where, sql` and `);
  const offset = (Math.max(1, page) - 1) * pageSize;
  const [items, [count], years, clusters] = await Promise.all([
    queryRows<ActivityListItem>(
      db,
      sql`select a.id, a.cluster_id as "clusterId", o.name as "clusterName", a.activity_ref as "activityRef",
                 a.title, a.category, a.start_date::text as "startDate", a.end_date::text as "endDate",
                 ${participantCount}::int as participants, ${companyCount}::int as companies,
                 ${activityRuleBroken(participantCount, companyCount)} as "breaksActivityRule"
          from activities a join organisations o on o.id = a.cluster_id
          where ${condition}
          order by a.start_date desc, a.id desc limit ${pageSize} offset ${offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from activities a where ${condition}`),
    queryRows<{ year: number }>(
      db,
      sql`select distinct a.year from activities a where ${inClusters(scope)} order by a.year desc`,
    ),
    queryRows<{ id: string; name: string }>(
      db,
      sql`select o.id, o.name from organisations o
          where o.id in (select distinct a.cluster_id from activities a where ${inClusters(scope)})
          order by o.name`,
    ),
  ]);
  return {
    items: items.map((i) => ({ ...i, id: Number(i.id) })),
    total: count?.n ?? 0,
    years: years.map((y) => Number(y.year)),
    clusters,
    mayCreate: writableClusters(caller.principal).length > 0,
  };
}

export interface ActivityDetail {
  id: number;
  clusterId: string;
  clusterCvr: string | null;
  clusterName: string;
  activityRef: string;
  title: string;
  category: ActivityRowValue['category'];
  startDate: string;
  endDate: string | null;
  year: number;
  municipalityCode: number | null;
  grantDkk: number | null;
  externalFundingDkk: number | null;
  privateCofinancingHours: number | null;
  cofinancingFeesDkk: number | null;
  cofinancingSponsorshipDkk: number | null;
  cofinancingFoundationsDkk: number | null;
  euApplication: boolean;
  locked: boolean;
  mayWrite: boolean;
  participants: ParticipantView[];
}

export interface ParticipantView {
  id: number;
  participantType: ParticipantRowValue['participant_type'];
  cvr: string | null;
  name: string;
  country: string | null;
  employees: number | null;
  municipalityCode: number | null;
  industryCode: string | null;
  institutionKind: ParticipantRowValue['institution_kind'];
  newCompetence: boolean;
  newIdea: boolean;
  newProduct: boolean;
}

async function activityRow(db: Queryable, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await queryRows<Omit<ActivityDetail, 'locked' | 'mayWrite' | 'participants'>>(
    db,
    sql`select a.id, a.cluster_id as "clusterId", o.cvr as "clusterCvr", o.name as "clusterName",
               a.activity_ref as "activityRef", a.title, a.category, a.start_date::text as "startDate",
               a.end_date::text as "endDate", a.year, a.municipality_code as "municipalityCode",
               a.grant_dkk as "grantDkk", a.external_funding_dkk as "externalFundingDkk",
               a.private_cofinancing_hours::float8 as "privateCofinancingHours",
               a.cofinancing_fees_dkk as "cofinancingFeesDkk",
               a.cofinancing_sponsorship_dkk as "cofinancingSponsorshipDkk",
               a.cofinancing_foundations_dkk as "cofinancingFoundationsDkk", a.eu_application as "euApplication"
        from activities a join organisations o on o.id = a.cluster_id where a.id = ${id}`,
  );
  if (!row) return null;
  const dkk = (v: number | null) => (v === null ? null : Number(v));
  return {
    ...row,
    id: Number(row.id),
    year: Number(row.year),
    grantDkk: dkk(row.grantDkk),
    externalFundingDkk: dkk(row.externalFundingDkk),
    cofinancingFeesDkk: dkk(row.cofinancingFeesDkk),
    cofinancingSponsorshipDkk: dkk(row.cofinancingSponsorshipDkk),
    cofinancingFoundationsDkk: dkk(row.cofinancingFoundationsDkk),
  };
}

async function participantsOf(db: Queryable, activityId: number): Promise<ParticipantView[]> {
  const rows = await queryRows<ParticipantView>(
    db,
    sql`select p.id, p.participant_type as "participantType", p.cvr, p.name, p.country, p.employees,
               p.municipality_code as "municipalityCode", p.industry_code as "industryCode",
               p.institution_kind as "institutionKind", p.new_competence as "newCompetence", p.new_idea as "newIdea",
               p.new_product as "newProduct"
        from participations p
        where p.activity_id = ${activityId}
        order by lower(p.name), p.id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** An activity with its participants: 404 when it does not exist, 403 when it is another cluster's. */
export async function getActivity(db: Queryable, caller: Caller, id: number): Promise<ActivityDetail> {
  const row = await activityRow(db, id);
  if (!row) throw notFound('activity');
  authorize(caller.principal, 'activities.read', { organisationId: row.clusterId });
  return {
    ...row,
    locked: await isYearLocked(db, row.clusterId, row.year),
    mayWrite: can(caller.principal, 'activities.write', { organisationId: row.clusterId }),
    participants: await participantsOf(db, row.id),
  };
}

/** An activity for its edit and delete pages: 403 unless the caller reports for its cluster. */
export async function activityForEditing(db: Queryable, caller: Caller, id: number): Promise<ActivityDetail> {
  const activity = await getActivity(db, caller, id);
  if (!activity.mayWrite) throw new AppError('forbidden', 'Not allowed: activities.write');
  return activity;
}

/** A participant for its edit and remove pages, with its activity: as activityForEditing, 404 when not in it. */
export async function participantForEditing(
  db: Queryable,
  caller: Caller,
  activityId: number,
  participantId: number,
): Promise<{ activity: ActivityDetail; participant: ParticipantView }> {
  const activity = await activityForEditing(db, caller, activityId);
  const participant = activity.participants.find((p) => p.id === participantId);
  if (!participant) throw notFound('participant');
  return { activity, participant };
}

/**
 * The activity a command changes, in its transaction: 404 when there is none, 403 unless the
 * caller reports for its cluster, a conflict when its reporting year is closed.
 */
export async function changeableActivity(tx: Queryable, caller: Caller, id: number) {
  const row = await activityRow(tx, id);
  if (!row) throw notFound('activity');
  authorize(caller.principal, 'activities.write', { organisationId: row.clusterId });
  if (await isYearLocked(tx, row.clusterId, row.year)) throw locked();
  return row;
}

/** The cluster organisations the caller reports activities for, by name: 403 when none. */
export async function reportableClusters(
  db: Queryable,
  caller: Caller,
): Promise<{ id: string; name: string }[]> {
  const ids = writableClusters(caller.principal);
  const rows = ids.length
    ? await queryRows<{ id: string; name: string }>(
        db,
        sql`select id, name from organisations where kind = 'cluster_organisation'
            and id = any(${uuidArray(ids)}) order by name`,
      )
    : [];
  if (rows.length === 0) throw new AppError('forbidden', 'Not allowed: activities.write');
  return rows;
}
