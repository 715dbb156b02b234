import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { calls, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';
import {
  conveningFunders,
  mayCompleteDecision,
  mayViewMeeting,
  participatingFunder,
} from './meeting-policy.ts';
import { organisationsActingFor } from './policy.ts';

export type MeetingKind = 'before_call' | 'follow_up';

export interface MeetingSummary {
  id: string;
  title: string;
  kind: MeetingKind;
  heldOn: string;
  convenerName: string;
  participantNames: string[];
  minutesPublished: boolean;
  openDecisions: number;
}

export interface DecisionView {
  id: string;
  meetingId: string;
  meetingTitle: string;
  text: string;
  responsibleFunderId: string;
  responsibleName: string;
  dueOn: string;
  status: 'open' | 'done';
  call: { title: string; slug: string } | null;
  cluster: { name: string; slug: string } | null;
  /** Whether the caller may mark it done now. */
  mayComplete: boolean;
}

const uuids = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** The funders' own meetings, or every meeting for those who read all. */
function visibleTo(p: Principal): SQL {
  if (can(p, 'coordinationMeetings.viewAll')) return sql`true`;
  const own = organisationsActingFor(p, 'coordinationMeetings.record');
  if (own.length === 0) return sql`false`;
  return sql`exists (select 1 from coordination_meeting_participants mp
                     where mp.meeting_id = m.id and mp.funder_id in ${uuids(own)})`;
}

const summaryColumns = sql`m.id, m.title, m.kind, m.held_on::text as "heldOn", c.name as "convenerName",
  coalesce((select json_agg(o.name order by o.name) from coordination_meeting_participants mp
            join organisations o on o.id = mp.funder_id where mp.meeting_id = m.id), '[]'::json) as "participantNames",
  m.minutes_published_at is not null as "minutesPublished",
  (select count(*)::int from coordination_decisions d where d.meeting_id = m.id and d.status = 'open') as "openDecisions"`;

const decisionColumns = sql`d.id, d.meeting_id as "meetingId", m.title as "meetingTitle", d.text,
  d.responsible_funder_id as "responsibleFunderId", r.name as "responsibleName", d.due_on::text as "dueOn", d.status,
  case when k.id is null then null else json_build_object('title', k.title, 'slug', k.slug) end as call,
  case when cl.id is null then null else json_build_object('name', cl.name, 'slug', cl.slug) end as cluster`;

const decisionsFrom = sql`coordination_decisions d join coordination_meetings m on m.id = d.meeting_id
  join organisations r on r.id = d.responsible_funder_id
  left join calls k on k.id = d.call_id left join organisations cl on cl.id = d.cluster_id`;

async function decisionsWhere(db: Queryable, p: Principal, where: SQL): Promise<DecisionView[]> {
  const rows = await queryRows<Omit<DecisionView, 'mayComplete'>>(
    db,
    sql`select ${decisionColumns} from ${decisionsFrom} where ${where} order by d.status, d.due_on, d.created_at`,
  );
  return rows.map((r) => ({ ...r, mayComplete: mayCompleteDecision(p, r) }));
}

/** The open decisions the caller's funder organisations are responsible for, soonest due first. */
export async function openDecisionsFor(db: Queryable, caller: Caller): Promise<DecisionView[]> {
  const own = organisationsActingFor(caller.principal, 'coordinationDecisions.complete');
  if (own.length === 0) return [];
  return decisionsWhere(
    db,
    caller.principal,
    sql`d.status = 'open' and d.responsible_funder_id in ${uuids(own)}`,
  );
}

/** How many open decisions the caller's funder organisations are responsible for (landing page). */
export async function openDecisionCount(db: Queryable, p: Principal): Promise<number> {
  const own = organisationsActingFor(p, 'coordinationDecisions.complete');
  if (own.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from coordination_decisions
        where status = 'open' and responsible_funder_id in ${uuids(own)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * The meetings the caller takes part in (every meeting for admins), coming ones first, then the
 * past ones newest first; the open decisions their organisations answer for; and whether they may
 * convene one.
 */
export async function meetingList(db: Queryable, caller: Caller, today: string) {
  authorize(caller.principal, 'coordination.view');
  const meetings = await queryRows<MeetingSummary>(
    db,
    sql`select ${summaryColumns} from coordination_meetings m join organisations c on c.id = m.convened_by
        where ${visibleTo(caller.principal)}
        order by (m.held_on >= ${today}::date) desc,
                 case when m.held_on >= ${today}::date then m.held_on end asc, m.held_on desc, m.created_at desc`,
  );
  return {
    meetings: meetings.map((m) => ({ ...m, openDecisions: Number(m.openDecisions) })),
    openDecisions: await openDecisionsFor(db, caller),
    mayConvene: conveningFunders(caller.principal).length > 0,
  };
}

export interface MeetingDetail {
  meeting: MeetingSummary & {
    agenda: string[];
    minutes: string | null;
    participants: { id: string; name: string }[];
    call: { title: string; slug: string } | null;
    fundingPlan: { id: string; title: string } | null;
  };
  decisions: DecisionView[];
  /** The caller takes part, so may publish minutes and record decisions. */
  mayRecord: boolean;
}

/** One meeting with its decisions, for those who may see it. */
export async function meetingDetail(db: Queryable, caller: Caller, id: string): Promise<MeetingDetail> {
  authorize(caller.principal, 'coordination.view');
  if (!isUuid(id)) throw notFound('coordination meeting');
  const [row] = await queryRows<MeetingDetail['meeting']>(
    db,
    sql`select ${summaryColumns}, m.agenda, m.minutes,
          coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
                    from coordination_meeting_participants mp join organisations o on o.id = mp.funder_id
                    where mp.meeting_id = m.id), '[]'::json) as participants,
          (select json_build_object('title', k.title, 'slug', k.slug) from calls k where k.id = m.call_id) as call,
          (select json_build_object('id', f.id, 'title', f.title) from funding_plans f
            where f.id = m.funding_plan_id) as "fundingPlan"
        from coordination_meetings m join organisations c on c.id = m.convened_by where m.id = ${id}`,
  );
  if (!row) throw notFound('coordination meeting');
  const participantIds = row.participants.map((p) => p.id);
  if (!mayViewMeeting(caller.principal, participantIds)) throw forbidden('Not a participant of the meeting');
  return {
    meeting: { ...row, openDecisions: Number(row.openDecisions) },
    decisions: await decisionsWhere(db, caller.principal, sql`d.meeting_id = ${id}`),
    mayRecord: participatingFunder(caller.principal, participantIds) !== null,
  };
}

type Choice = { value: string; label: string };

const funderChoices = (db: Queryable) =>
  db
    .select({ value: organisations.id, label: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'funder'))
    .orderBy(asc(organisations.name));

const callChoices = (db: Queryable) =>
  db.select({ value: calls.id, label: calls.title }).from(calls).orderBy(asc(calls.title));

/** What the form for a new meeting offers: the other funders, the calls and the funding plans. */
export async function meetingFormChoices(
  db: Queryable,
  caller: Caller,
): Promise<{ funders: Choice[]; calls: Choice[]; fundingPlans: Choice[] }> {
  const [convener] = conveningFunders(caller.principal);
  authorize(caller.principal, 'coordinationMeetings.convene', convener ? { organisationId: convener } : {});
  const plans = await queryRows<Choice>(
    db,
    sql`select id as value, title as label from funding_plans order by title`,
  );
  return {
    funders: (await funderChoices(db)).filter((f) => f.value !== convener),
    calls: await callChoices(db),
    fundingPlans: plans,
  };
}

/** What the decision form offers: the calls and clusters a decision may concern. */
export async function decisionFormChoices(db: Queryable): Promise<{ calls: Choice[]; clusters: Choice[] }> {
  const clusters = await db
    .select({ value: organisations.id, label: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'cluster_organisation'))
    .orderBy(asc(organisations.name));
  return { calls: await callChoices(db), clusters };
}
