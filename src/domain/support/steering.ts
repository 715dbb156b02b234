/**
 * The steering group of the support function (seed 002): the funders who pay for it, each with
 * its contribution per year, kept by the support function. The group's members (and the support
 * function) see, per year, what was paid in, the published plan's budget and what was delivered:
 * courses held, participants, attendance and the evaluations' overall score, all counted in SQL.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { organisations, supportSteeringContributions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { forbidden, notFound, parseInput } from '../errors.ts';
import { authorize, can } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { type PlannedService, plannedServices } from './plan.ts';
import { contributionInput } from './plan-schemas.ts';

export interface SteeringYear {
  year: number;
  contributionsDkk: number;
  /** The budget of the year's published plan (0 without one) and its planned runs. */
  budgetDkk: number;
  plannedCourses: number;
  /** Courses of the year that have ended, their registered participants and those who attended. */
  coursesHeld: number;
  participants: number;
  attended: number;
  /** The mean of the evaluations' overall score (1-5) and how many answered; null without answers. */
  evaluationScore: number | null;
  evaluationAnswers: number;
}

export interface Contribution {
  funderId: string;
  funderName: string;
  year: number;
  amountDkk: number;
}

export interface SteeringView {
  years: SteeringYear[];
  contributions: Contribution[];
  /** The newest published plan with its budget per service, if any. */
  plan: { year: number; services: PlannedService[] } | null;
}

/**
 * The steering view is the support function's and its admins'; a funder's staff see it when
 * their organisation is in the steering group (has a contribution).
 */
async function authorizeSteering(db: Queryable, caller: Caller): Promise<void> {
  if (can(caller.principal, 'support.steering.view')) return;
  const own = caller.principal.memberships
    .filter((m) => can(caller.principal, 'support.steering.view', { organisationId: m.organisationId }))
    .map((m) => m.organisationId);
  if (own.length > 0) {
    const [member] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from support_steering_contributions
          where funder_id = any(${uuidArray(own)})`,
    );
    if ((member?.n ?? 0) > 0) return;
  }
  throw forbidden('Not allowed: support.steering.view');
}

/** Per year, newest first: contributions, the published plan's budget and what was delivered. */
async function steeringYears(db: Queryable, now: Date): Promise<SteeringYear[]> {
  const yearOf = sql`extract(year from c.starts_at at time zone 'Europe/Copenhagen')::int`;
  return queryRows<SteeringYear>(
    db,
    sql`with held as (
          select ${yearOf} as year, c.id, c.evaluation_survey_id from support_courses c
          where c.ends_at <= ${now.toISOString()}::timestamptz
        ),
        years as (
          select year::int from support_steering_contributions
          union select year::int from support_plans where published_at is not null
          union select year from held
        ),
        paid as (select year::int, sum(amount_dkk) as total from support_steering_contributions group by year),
        budgets as (
          select ps.year::int, sum(ps.budget_dkk) as budget, sum(ps.planned_courses) as planned
          from support_plan_services ps join support_plans p on p.year = ps.year
          where p.published_at is not null and ps.runs
          group by ps.year
        ),
        delivered as (
          select h.year, count(distinct h.id) as courses,
            count(r.id) filter (where r.status = 'registered') as participants,
            count(r.id) filter (where r.status = 'registered' and r.attended) as attended
          from held h left join course_registrations r on r.course_id = h.id
          group by h.year
        ),
        scores as (
          select h.year, round(avg(an.choice::numeric), 2) as score, count(*) as answers
          from held h
          join survey_responses sr on sr.survey_id = h.evaluation_survey_id
          join survey_answers an on an.response_id = sr.id and an.question_key = 'overall'
          group by h.year
        )
        select y.year, coalesce(paid.total, 0)::float8 as "contributionsDkk",
          coalesce(b.budget, 0)::float8 as "budgetDkk", coalesce(b.planned, 0)::int as "plannedCourses",
          coalesce(d.courses, 0)::int as "coursesHeld", coalesce(d.participants, 0)::int as participants,
          coalesce(d.attended, 0)::int as attended, s.score::float8 as "evaluationScore",
          coalesce(s.answers, 0)::int as "evaluationAnswers"
        from years y
        left join paid on paid.year = y.year
        left join budgets b on b.year = y.year
        left join delivered d on d.year = y.year
        left join scores s on s.year = y.year
        order by y.year desc`,
  );
}

export async function steeringView(db: Queryable, caller: Caller, now: Date): Promise<SteeringView> {
  await authorizeSteering(db, caller);
  const contributions = await queryRows<Contribution>(
    db,
    sql`select c.funder_id as "funderId", o.name as "funderName", c.year::int as year,
          c.amount_dkk::float8 as "amountDkk"
        from support_steering_contributions c join organisations o on o.id = c.funder_id
        order by c.year desc, c.amount_dkk desc, o.name`,
  );
  const [newest] = await queryRows<{ year: number }>(
    db,
    sql`select year::int from support_plans where published_at is not null order by year desc limit 1`,
  );
  const plan = newest ? { year: newest.year, services: await plannedServices(db, newest.year) } : null;
  return { years: await steeringYears(db, now), contributions, plan };
}

/** The funder organisations a contribution can be recorded for, by name. */
export async function fundersForSteering(db: Queryable, caller: Caller) {
  authorize(caller.principal, 'support.plan.manage');
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'funder'), isNull(organisations.endedOn)))
    .orderBy(asc(organisations.name));
}

/**
 * Records a funder's contribution for a year (replacing an earlier one); the funder is thereby in
 * the steering group.
 */
export async function setContribution(db: Db, caller: Caller, input: unknown): Promise<void> {
  authorize(caller.principal, 'support.plan.manage');
  const data = parseInput(contributionInput, input);
  await withActor(db, caller.actor, async (tx) => {
    const [funder] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, data.funderId), eq(organisations.kind, 'funder')));
    if (!funder) throw notFound('funder');
    await tx
      .insert(supportSteeringContributions)
      .values({ funderId: data.funderId, year: data.year, amountDkk: data.amount })
      .onConflictDoUpdate({
        target: [supportSteeringContributions.funderId, supportSteeringContributions.year],
        set: { amountDkk: data.amount },
      });
  });
}
