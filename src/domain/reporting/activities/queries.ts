import { type SQL, sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { AppError, type FieldIssue, notFound } from '../../errors.ts';
import { authorize, can, type Principal } from '../../policy/policy.ts';
import { DELIVERY_MESSAGES } from '../format/errors.ts';
import {
  ACTIVITY_CATEGORIES,
  type ActivityRowValue,
  type ParticipantRowValue,
  RULE_MESSAGES,
  type RuleCode,
  validateRow,
} from '../format/rows.ts';
import { isYearLocked } from '../periods/transitions.ts';

/**
 * Activities and participants entered by hand in the cluster workspace. Every value goes through
 * the reporting format's rules (format/rows.ts), so a form field and a file cell with the same bad
 * value get the same message; the rules that need the portal's data (duplicates, locked years)
 * follow the import's checks in delivery/checks.ts.
 */

const OWN_MESSAGES = {
  activityRefTaken: {
    en: 'is already the reference of another activity of this cluster',
    da: 'er allerede referencen for en anden aktivitet i klyngen',
  },
  clusterWithoutCvr: {
    en: 'the cluster organisation has no CVR number and cannot report activities',
    da: 'klyngeorganisationen har intet CVR-nummer og kan ikke indberette aktiviteter',
  },
} as const;

export type IssueCode =
  | RuleCode
  | 'duplicateParticipant'
  | 'periodLocked'
  | 'unknownCluster'
  | keyof typeof OWN_MESSAGES;

/** The text of an issue code: the reporting format's own wording where the import has one. */
export function issueMessage(code: string, lang: 'da' | 'en'): string {
  const table = { ...RULE_MESSAGES, ...DELIVERY_MESSAGES, ...OWN_MESSAGES } as Record<
    string,
    { da: string; en: string }
  >;
  return table[code]?.[lang] ?? code;
}

const invalid = (issues: FieldIssue[]) => new AppError('validation', 'Invalid activity data', issues);
const locked = (field = 'form') =>
  new AppError('conflict', 'The reporting year is locked', [{ field, message: 'periodLocked' }]);

/** The clusters whose activities the principal may read; null = every cluster. */
export function readableClusters(principal: Principal): string[] | null {
  if (can(principal, 'activities.read')) return null;
  const ids = principal.memberships
    .map((m) => m.organisationId)
    .filter((id) => can(principal, 'activities.read', { organisationId: id }));
  if (ids.length === 0) throw new AppError('forbidden', 'Not allowed: activities.read');
  return [...new Set(ids)];
}

/** The clusters the principal may report activities for. */
export function writableClusters(principal: Principal): string[] {
  return [
    ...new Set(
      principal.memberships
        .map((m) => m.organisationId)
        .filter((id) => can(principal, 'activities.write', { organisationId: id })),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface ActivityFilters {
  year?: number | undefined;
  category?: string | undefined;
  q?: string | undefined;
  /** One cluster organisation's id; only narrows what the principal may read anyway. */
  clusterId?: string | undefined;
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
}

export const PAGE_SIZE = 25;

const inClusters = (ids: string[] | null): SQL =>
  ids === null
    ? sql`true`
    : sql`a.cluster_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

/** One page of the activities the principal may read, newest first, with participant counts. */
export async function listActivities(
  db: Queryable,
  principal: Principal,
  filters: ActivityFilters,
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<{
  items: ActivityListItem[];
  total: number;
  years: number[];
  /** The clusters the principal may read that have activities, for a filter when there is more than one. */
  clusters: { id: string; name: string }[];
}> {
  const scope = readableClusters(principal);
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
  const condition = sql.join(where, sql` and `);
  const offset = (Math.max(1, page) - 1) * pageSize;
  const [items, [count], years, clusters] = await Promise.all([
    queryRows<ActivityListItem>(
      db,
      sql`select a.id, a.cluster_id as "clusterId", o.name as "clusterName", a.activity_ref as "activityRef",
                 a.title, a.category, a.start_date::text as "startDate", a.end_date::text as "endDate",
                 (select count(*)::int from participations p where p.activity_id = a.id) as participants
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
               a.private_cofinancing_hours::float8 as "privateCofinancingHours"
        from activities a join organisations o on o.id = a.cluster_id where a.id = ${id}`,
  );
  if (!row) return null;
  return {
    ...row,
    id: Number(row.id),
    year: Number(row.year),
    grantDkk: row.grantDkk === null ? null : Number(row.grantDkk),
    externalFundingDkk: row.externalFundingDkk === null ? null : Number(row.externalFundingDkk),
  };
}

async function participantsOf(db: Queryable, activityId: number): Promise<ParticipantView[]> {
  const rows = await queryRows<ParticipantView>(
    db,
    sql`select p.id, p.participant_type as "participantType", p.cvr, coalesce(c.name, p.foreign_name) as name,
               p.country, c.employees, c.municipality_code as "municipalityCode", c.industry_code as "industryCode",
               p.new_competence as "newCompetence", p.new_idea as "newIdea", p.new_product as "newProduct"
        from participations p left join companies c on c.cvr = p.cvr
        where p.activity_id = ${activityId}
        order by lower(coalesce(c.name, p.foreign_name)), p.id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** An activity with its participants: 404 when it does not exist, 403 when it is another cluster's. */
export async function getActivity(db: Queryable, principal: Principal, id: number): Promise<ActivityDetail> {
  const row = await activityRow(db, id);
  if (!row) throw notFound('activity');
  authorize(principal, 'activities.read', { organisationId: row.clusterId });
  return {
    ...row,
    locked: await isYearLocked(db, row.clusterId, row.year),
    mayWrite: can(principal, 'activities.write', { organisationId: row.clusterId }),
    participants: await participantsOf(db, row.id),
  };
}

export async function getParticipant(
  db: Queryable,
  principal: Principal,
  activityId: number,
  participantId: number,
): Promise<{ activity: ActivityDetail; participant: ParticipantView }> {
  const activity = await getActivity(db, principal, activityId);
  const participant = activity.participants.find((p) => p.id === participantId);
  if (!participant) throw notFound('participant');
  return { activity, participant };
}

// ---------------------------------------------------------------------------------------------
// Commands on activities

/** Form fields of an activity: the columns of activities.csv but the cluster's CVR. */
export type ActivityInput = Partial<Record<Exclude<keyof ActivityRowValue, 'cluster_cvr'>, string>>;
/** Form fields of a participant: the columns of participants.csv but the activity's key. */
export type ParticipantInput = Partial<
  Record<Exclude<keyof ParticipantRowValue, 'cluster_cvr' | 'activity_ref'>, string>
>;

function validateActivity(clusterCvr: string | null, input: ActivityInput): ActivityRowValue {
  if (!clusterCvr)
    throw new AppError('conflict', 'Cluster without CVR', [{ field: 'form', message: 'clusterWithoutCvr' }]);
  const result = validateRow('activities', { ...input, cluster_cvr: clusterCvr });
  if ('issues' in result) throw invalid(result.issues.map((i) => ({ field: i.column, message: i.code })));
  return result.row as unknown as ActivityRowValue;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

async function refTaken(tx: Queryable, clusterId: string, ref: string, except: number | null) {
  const [row] = await queryRows<{ taken: boolean }>(
    tx,
    sql`select exists(select 1 from activities where cluster_id = ${clusterId} and activity_ref = ${ref}
                      and id is distinct from ${except}::bigint) as taken`,
  );
  return Boolean(row?.taken);
}

const activityValues = (v: ActivityRowValue) => sql`${v.activity_ref}, ${v.title},
  ${v.category}::activity_category, ${v.start_date}::date, ${v.end_date}::date, ${v.municipality_code}::smallint,
  ${v.grant_dkk}::bigint, ${v.external_funding_dkk}::bigint, ${v.private_cofinancing_hours}::numeric`;

/** Creates an activity of a cluster the caller reports for; returns its id. */
export async function createActivity(
  db: Db,
  caller: Caller,
  clusterId: string,
  input: ActivityInput,
): Promise<number> {
  authorize(caller.principal, 'activities.write', { organisationId: clusterId });
  const [cluster] = await queryRows<{ cvr: string | null }>(
    db,
    sql`select cvr from organisations where id = ${clusterId} and kind = 'cluster_organisation'`,
  );
  if (!cluster) throw notFound('cluster');
  const v = validateActivity(cluster.cvr, input);
  return withActor(db, caller.actor, async (tx) => {
    if (await isYearLocked(tx, clusterId, yearOf(v.start_date))) throw locked('start_date');
    if (await refTaken(tx, clusterId, v.activity_ref, null))
      throw invalid([{ field: 'activity_ref', message: 'activityRefTaken' }]);
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into activities (cluster_id, activity_ref, title, category, start_date, end_date, municipality_code,
                                  grant_dkk, external_funding_dkk, private_cofinancing_hours)
          values (${clusterId}, ${activityValues(v)}) returning id`,
    );
    return Number(row?.id);
  });
}

/** The activity for a change: 404, 403 or a refusal when its year is locked. */
async function writableActivity(tx: Queryable, caller: Caller, id: number) {
  const row = await activityRow(tx, id);
  if (!row) throw notFound('activity');
  authorize(caller.principal, 'activities.write', { organisationId: row.clusterId });
  if (await isYearLocked(tx, row.clusterId, row.year)) throw locked();
  return row;
}

export async function updateActivity(
  db: Db,
  caller: Caller,
  id: number,
  input: ActivityInput,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const row = await writableActivity(tx, caller, id);
    const v = validateActivity(row.clusterCvr, input);
    const year = yearOf(v.start_date);
    if (year !== row.year && (await isYearLocked(tx, row.clusterId, year))) throw locked('start_date');
    if (await refTaken(tx, row.clusterId, v.activity_ref, id))
      throw invalid([{ field: 'activity_ref', message: 'activityRefTaken' }]);
    await tx.execute(
      sql`update activities set (activity_ref, title, category, start_date, end_date, municipality_code, grant_dkk,
                                 external_funding_dkk, private_cofinancing_hours) = (${activityValues(v)}),
                 is_synthetic = false, updated_at = now()
          where id = ${id}`,
    );
    // Participations carry a copy of the activity's year for the account's index.
    if (year !== row.year)
      await tx.execute(sql`update participations set year = ${year} where activity_id = ${id}`);
  });
}

/** Deletes an activity and its participants; both are recorded in the audit log. */
export async function deleteActivity(db: Db, caller: Caller, id: number): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    await writableActivity(tx, caller, id);
    await auditParticipations(
      tx,
      'delete',
      sql`delete from participations where activity_id = ${id} returning *`,
    );
    await tx.execute(sql`delete from activities where id = ${id}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Commands on participants

/**
 * Participations arrive by the million in deliveries and have no audit trigger (it would double
 * a delivery's writes); changes made by hand are recorded here, in the same statement.
 */
async function auditParticipations(
  tx: Tx,
  action: 'insert' | 'update' | 'delete',
  change: SQL,
  before: SQL | null = null,
): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with ${before ? sql`old as (${before}), ` : sql``}changed as (${change})
        insert into audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
        select nullif(current_setting('klynge.actor_id', true), '')::uuid, current_setting('klynge.actor', true),
               'participations', c.id::text, ${action},
               ${action === 'insert' ? sql`null` : action === 'delete' ? sql`to_jsonb(c)` : sql`(select to_jsonb(o) from old o where o.id = c.id)`},
               ${action === 'delete' ? sql`null` : sql`to_jsonb(c)`},
               nullif(current_setting('klynge.request_id', true), '')
        from changed c returning entity_id as id`,
  );
  return rows.map((r) => Number(r.id));
}

function validateParticipant(
  activity: { clusterCvr: string | null; activityRef: string },
  input: ParticipantInput,
) {
  const result = validateRow('participants', {
    ...input,
    cluster_cvr: activity.clusterCvr ?? '',
    activity_ref: activity.activityRef,
  });
  if ('issues' in result) throw invalid(result.issues.map((i) => ({ field: i.column, message: i.code })));
  return result.row as unknown as ParticipantRowValue;
}

/** One participant per activity: by CVR, or by name and country for foreign ones (spec). */
async function checkDuplicate(
  tx: Queryable,
  activityId: number,
  v: ParticipantRowValue,
  except: number | null,
) {
  const [row] = await queryRows<{ taken: boolean }>(
    tx,
    v.cvr
      ? sql`select exists(select 1 from participations where activity_id = ${activityId} and cvr = ${v.cvr}
                          and id is distinct from ${except}::bigint) as taken`
      : sql`select exists(select 1 from participations where activity_id = ${activityId} and cvr is null
                          and foreign_name = ${v.name} and country = ${v.country}
                          and id is distinct from ${except}::bigint) as taken`,
  );
  if (row?.taken) throw invalid([{ field: v.cvr ? 'cvr' : 'name', message: 'duplicateParticipant' }]);
}

/** Company attributes are kept once per CVR and the latest report wins, as in the import's merge. */
async function upsertCompany(tx: Queryable, v: ParticipantRowValue) {
  if (!v.cvr) return;
  await tx.execute(
    sql`insert into companies (cvr, name, employees, municipality_code, industry_code, updated_at)
        values (${v.cvr}, ${v.name}, ${v.employees}::int, ${v.municipality_code}::smallint, ${v.industry_code}, now())
        on conflict (cvr) do update set name = excluded.name, employees = excluded.employees,
          municipality_code = excluded.municipality_code, industry_code = excluded.industry_code,
          is_synthetic = false, updated_at = excluded.updated_at
        where (companies.name, companies.employees, companies.municipality_code, companies.industry_code)
              is distinct from (excluded.name, excluded.employees, excluded.municipality_code, excluded.industry_code)`,
  );
}

const participationValues = (v: ParticipantRowValue) => sql`${v.participant_type}::participant_type,
  ${v.cvr || null}::char(8), ${v.cvr ? null : v.name}, ${v.cvr ? null : v.country}::char(2),
  ${v.new_competence}, ${v.new_idea}, ${v.new_product}`;

export async function addParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  input: ParticipantInput,
): Promise<number> {
  return withActor(db, caller.actor, async (tx) => {
    const activity = await writableActivity(tx, caller, activityId);
    const v = validateParticipant(activity, input);
    await checkDuplicate(tx, activityId, v, null);
    await upsertCompany(tx, v);
    const [id] = await auditParticipations(
      tx,
      'insert',
      sql`insert into participations (activity_id, cluster_id, year, participant_type, cvr, foreign_name, country,
                                      new_competence, new_idea, new_product)
          values (${activityId}, ${activity.clusterId}, ${activity.year}, ${participationValues(v)}) returning *`,
    );
    return Number(id);
  });
}

export async function updateParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  participantId: number,
  input: ParticipantInput,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const activity = await writableActivity(tx, caller, activityId);
    const v = validateParticipant(activity, input);
    await checkDuplicate(tx, activityId, v, participantId);
    await upsertCompany(tx, v);
    const changed = await auditParticipations(
      tx,
      'update',
      sql`update participations set (participant_type, cvr, foreign_name, country, new_competence, new_idea, new_product)
            = (${participationValues(v)})
          where id = ${participantId} and activity_id = ${activityId} returning *`,
      sql`select * from participations where id = ${participantId} and activity_id = ${activityId}`,
    );
    if (changed.length === 0) throw notFound('participant');
  });
}

export async function removeParticipant(
  db: Db,
  caller: Caller,
  activityId: number,
  participantId: number,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    await writableActivity(tx, caller, activityId);
    const removed = await auditParticipations(
      tx,
      'delete',
      sql`delete from participations where id = ${participantId} and activity_id = ${activityId} returning *`,
    );
    if (removed.length === 0) throw notFound('participant');
  });
}
