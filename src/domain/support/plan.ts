/**
 * A year's demand-driven plan (seed 002): the needs survey's answers counted per service, the
 * demand threshold that marks the wanted services, the support function's decision per service
 * (runs or not, why, courses, budget) and its publication. Until published, only those who keep
 * the plan see it; then everybody sees it (without the budget, which the steering group sees).
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { supportPlanServices, supportPlans } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { INTEREST_LEVELS, INTERESTED_FROM } from './needs-survey.ts';
import { serviceDecisionInput, thresholdInput } from './plan-schemas.ts';

export interface PlanYear {
  year: number;
  needsSurveyId: string;
  demandThreshold: number;
  publishedAt: Date | null;
}

/** A service of the plan: the demand the needs survey showed for it and the decision. */
export interface PlannedService {
  serviceId: string;
  slug: string;
  titleDa: string;
  titleEn: string;
  /** Cluster organisations' responses that rated the service. */
  respondents: number;
  /** The sum and mean of the interest (0-3) of those responses; the mean is null without any. */
  interestSum: number;
  interestMean: number | null;
  /** The responses of interest "some" or "much", their share of the respondents, and their clusters. */
  interested: number;
  interestedShare: number | null;
  interestedClusters: number;
  /** At least the threshold's number of cluster organisations are interested. */
  wanted: boolean;
  /** Null until decided. */
  runs: boolean | null;
  reason: string;
  plannedCourses: number;
  budgetDkk: number;
}

export interface Plan extends PlanYear {
  services: PlannedService[];
}

const planColumns = {
  year: supportPlans.year,
  needsSurveyId: supportPlans.needsSurveyId,
  demandThreshold: supportPlans.demandThreshold,
  publishedAt: supportPlans.publishedAt,
};

const scoreOf = sql.raw(
  `case an.choice ${INTEREST_LEVELS.map((l) => `when '${l.key}' then ${l.score}`).join(' ')} end`,
);

/** The services of a year's plan with their demand, counted in SQL, most wanted first. */
export async function plannedServices(db: Queryable, year: number): Promise<PlannedService[]> {
  return queryRows<PlannedService>(
    db,
    sql`select ps.service_id as "serviceId", s.slug, s.title_da as "titleDa", s.title_en as "titleEn",
          count(a.score)::int as respondents,
          coalesce(sum(a.score), 0)::int as "interestSum",
          round(avg(a.score), 2)::float8 as "interestMean",
          count(*) filter (where a.score >= ${INTERESTED_FROM})::int as interested,
          round(count(*) filter (where a.score >= ${INTERESTED_FROM})::numeric
                / nullif(count(a.score), 0), 4)::float8 as "interestedShare",
          count(distinct a.cluster_id) filter (where a.score >= ${INTERESTED_FROM})::int
            as "interestedClusters",
          count(distinct a.cluster_id) filter (where a.score >= ${INTERESTED_FROM}) >= p.demand_threshold
            as wanted,
          ps.runs, ps.reason, ps.planned_courses::int as "plannedCourses", ps.budget_dkk as "budgetDkk"
        from support_plan_services ps
        join support_plans p on p.year = ps.year
        join support_services s on s.id = ps.service_id
        left join lateral (
          select r.cluster_id, ${scoreOf} as score
          from survey_responses r
          join survey_answers an on an.response_id = r.id
          where r.survey_id = p.needs_survey_id and an.question_key = ps.question_key
        ) a on true
        where ps.year = ${year}
        group by ps.service_id, s.slug, s.title_da, s.title_en, p.demand_threshold,
                 ps.runs, ps.reason, ps.planned_courses, ps.budget_dkk
        order by "interestedClusters" desc, "interestSum" desc, s.title_da`,
  );
}

async function planYear(db: Queryable, year: number, lock = false): Promise<PlanYear> {
  const query = db.select(planColumns).from(supportPlans).where(eq(supportPlans.year, year));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound('plan');
  return row;
}

/** A year's plan as those who keep it see it, published or not. */
export async function planToManage(db: Queryable, caller: Caller, year: number): Promise<Plan> {
  authorize(caller.principal, 'support.plan.manage');
  return { ...(await planYear(db, year)), services: await plannedServices(db, year) };
}

/** A published plan, for everybody; its budget is left out (zero). */
export async function publishedPlan(db: Queryable, year: number): Promise<Plan> {
  const plan = await planYear(db, year);
  if (!plan.publishedAt) throw notFound('plan');
  const services = await plannedServices(db, year);
  return { ...plan, services: services.map((s) => ({ ...s, budgetDkk: 0 })) };
}

/** The years whose plan is published, newest first. */
export async function publishedPlanYears(db: Queryable): Promise<PlanYear[]> {
  return db
    .select(planColumns)
    .from(supportPlans)
    .where(isNotNull(supportPlans.publishedAt))
    .orderBy(desc(supportPlans.year));
}

/** Every year with a plan, published or not, newest first, for those who keep the plans. */
export async function plansToManage(db: Queryable, caller: Caller): Promise<PlanYear[]> {
  authorize(caller.principal, 'support.plan.manage');
  return db.select(planColumns).from(supportPlans).orderBy(desc(supportPlans.year));
}

export async function setDemandThreshold(
  db: Db,
  caller: Caller,
  year: number,
  input: unknown,
): Promise<void> {
  authorize(caller.principal, 'support.plan.manage');
  const { threshold } = parseInput(thresholdInput, input);
  const updated = await withActor(db, caller.actor, (tx) =>
    tx
      .update(supportPlans)
      .set({ demandThreshold: threshold })
      .where(and(eq(supportPlans.year, year), isNull(supportPlans.publishedAt)))
      .returning({ year: supportPlans.year }),
  );
  if (updated.length === 0) await refuseChange(db, year);
}

/** Why a change of a plan touched nothing: no such plan, or it is published already. */
async function refuseChange(db: Queryable, year: number): Promise<never> {
  await planYear(db, year);
  throw new AppError('conflict', 'The plan is published');
}

/** Decides whether one service of an unpublished plan runs, with the reason, courses and budget. */
export async function decideService(
  db: Db,
  caller: Caller,
  year: number,
  input: unknown,
  now: Date,
): Promise<void> {
  authorize(caller.principal, 'support.plan.manage');
  const decision = parseInput(serviceDecisionInput, input);
  await withActor(db, caller.actor, async (tx) => {
    const plan = await planYear(tx, year, true);
    if (plan.publishedAt) throw new AppError('conflict', 'The plan is published');
    const updated = await tx
      .update(supportPlanServices)
      .set({
        runs: decision.runs,
        reason: decision.reason,
        plannedCourses: decision.plannedCourses,
        budgetDkk: decision.budget,
        decidedAt: now,
      })
      .where(and(eq(supportPlanServices.year, year), eq(supportPlanServices.serviceId, decision.serviceId)))
      .returning({ year: supportPlanServices.year });
    if (updated.length === 0) throw notFound('service of the plan');
  });
}

/** Publishes a plan whose every service is decided; it then stays as it is. */
export async function publishPlan(db: Db, caller: Caller, year: number, now: Date): Promise<void> {
  authorize(caller.principal, 'support.plan.manage');
  await withActor(db, caller.actor, async (tx) => {
    const plan = await planYear(tx, year, true);
    if (plan.publishedAt) throw new AppError('conflict', 'The plan is published');
    const [open] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from support_plan_services where year = ${year} and runs is null`,
    );
    if ((open?.n ?? 0) > 0)
      throw new AppError('validation', 'Invalid input', [{ field: 'plan', message: 'undecided' }]);
    await tx.update(supportPlans).set({ publishedAt: now }).where(eq(supportPlans.year, year));
  });
}
