import { and, asc, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import {
  applicationAnswers,
  applicationBudgetLines,
  applicationCriterionTexts,
  applications,
  assessmentScores,
  callAllocations,
  callCriteria,
  consensusScores,
  organisations,
} from '../../db/schema/index.ts';
import { rankApplications, spread } from './ranking.ts';

/**
 * The building blocks of the area's reads, without a caller: only the domain's own modules use
 * them, after asking policy.ts. Pages and APIs read through the caller-checked reads
 * (application-view.ts, processing.ts, setup.ts, listing.ts, letters.ts).
 */

export async function findApplication(db: Queryable, applicationId: string) {
  const [app] = await db
    .select({ application: applications, organisationName: organisations.name })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.id, applicationId));
  if (!app) return null;
  const answers = await db
    .select()
    .from(applicationAnswers)
    .where(eq(applicationAnswers.applicationId, applicationId));
  const texts = await db
    .select()
    .from(applicationCriterionTexts)
    .where(eq(applicationCriterionTexts.applicationId, applicationId));
  const budget = await db
    .select()
    .from(applicationBudgetLines)
    .where(eq(applicationBudgetLines.applicationId, applicationId))
    .orderBy(asc(applicationBudgetLines.year), asc(applicationBudgetLines.category));
  return {
    ...app.application,
    organisationName: app.organisationName,
    answers: Object.fromEntries(answers.map((a) => [a.requirementId, a.answer])),
    texts: Object.fromEntries(texts.map((t) => [t.criterionId, t.text])),
    budget,
  };
}

/** For each assessor of a call: applications declared, conflicts, and criteria scored out of those due. */
export async function assessorProgress(db: Queryable, callId: string) {
  return queryRows<{
    userId: string;
    name: string;
    declared: number;
    conflicts: number;
    scored: number;
    due: number;
  }>(
    db,
    sql`select u.id as "userId", u.name,
          (select count(*)::int from conflict_declarations d join applications a on a.id = d.application_id
            where a.call_id = ca.call_id and d.assessor_id = u.id) as declared,
          (select count(*)::int from conflict_declarations d join applications a on a.id = d.application_id
            where a.call_id = ca.call_id and d.assessor_id = u.id and d.has_conflict) as conflicts,
          (select count(*)::int from assessment_scores s join applications a on a.id = s.application_id
            where a.call_id = ca.call_id and s.assessor_id = u.id) as scored,
          (select count(*)::int from applications a cross join call_criteria c
            where a.call_id = ca.call_id and c.call_id = ca.call_id and a.status = 'eligible'
              and not exists (select 1 from conflict_declarations d where d.application_id = a.id
                and d.assessor_id = u.id and d.has_conflict)) as due
        from call_assessors ca join users u on u.id = ca.user_id
        where ca.call_id = ${callId}
        order by u.name`,
  );
}

/** Per criterion of one application: the individual scores, their spread, and the consensus. */
export async function consensusBoard(db: Queryable, applicationId: string) {
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) return null;
  const criteria = await db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, app.callId))
    .orderBy(asc(callCriteria.position));
  const scores = await db
    .select()
    .from(assessmentScores)
    .where(eq(assessmentScores.applicationId, applicationId));
  const consensus = await db
    .select()
    .from(consensusScores)
    .where(eq(consensusScores.applicationId, applicationId));
  return criteria.map((criterion) => {
    const individual = scores.filter((s) => s.criterionId === criterion.id);
    return {
      criterion,
      scores: individual.map((s) => ({ assessorId: s.assessorId, score: s.score, comment: s.comment })),
      spread: spread(individual.map((s) => s.score)),
      consensus: consensus.find((c) => c.criterionId === criterion.id) ?? null,
    };
  });
}

/** The eligible (and, once decided, selected or not selected) applications in rank order. */
export async function rankedApplications(db: Queryable, callId: string) {
  const criteria = await db.select().from(callCriteria).where(eq(callCriteria.callId, callId));
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      organisationName: organisations.name,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(
      and(
        eq(applications.callId, callId),
        sql`${applications.status} in ('eligible', 'selected', 'not_selected')`,
      ),
    );
  const consensus = await queryRows<{ applicationId: string; criterionId: string; score: number }>(
    db,
    sql`select s.application_id as "applicationId", s.criterion_id as "criterionId", s.score
        from consensus_scores s join applications a on a.id = s.application_id where a.call_id = ${callId}`,
  );
  const byApplication = new Map<string, Record<string, number>>();
  for (const c of consensus)
    byApplication.set(c.applicationId, {
      ...byApplication.get(c.applicationId),
      [c.criterionId]: Number(c.score),
    });
  return rankApplications(
    criteria,
    rows.map((r) => ({
      ...r,
      submittedAt: new Date(r.submittedAt ?? 0),
      consensus: byApplication.get(r.id) ?? {},
    })),
  );
}

/** Each funder's budget per year with what it has allocated and what is left. */
export async function budgetUse(db: Queryable, callId: string) {
  const rows = await queryRows<{
    funderId: string;
    funderName: string;
    year: number;
    budget: number;
    allocated: number;
  }>(
    db,
    sql`select b.funder_id as "funderId", o.name as "funderName", b.year, b.amount_dkk as budget,
          coalesce((select sum(l.amount_dkk) from call_allocations l join applications a on a.id = l.application_id
            where a.call_id = b.call_id and l.funder_id = b.funder_id and l.year = b.year), 0)::bigint as allocated
        from call_budgets b join organisations o on o.id = b.funder_id
        where b.call_id = ${callId} order by o.name, b.year`,
  );
  return rows.map((r) => ({
    ...r,
    year: Number(r.year),
    budget: Number(r.budget),
    allocated: Number(r.allocated),
    remaining: Number(r.budget) - Number(r.allocated),
  }));
}

/** An application's grant per year and funder, with each funder's share of the year (co-financing). */
export async function allocationsOf(db: Queryable, applicationId: string) {
  const rows = await db
    .select({
      funderId: callAllocations.funderId,
      funderName: organisations.name,
      year: callAllocations.year,
      amountDkk: callAllocations.amountDkk,
    })
    .from(callAllocations)
    .innerJoin(organisations, eq(organisations.id, callAllocations.funderId))
    .where(eq(callAllocations.applicationId, applicationId))
    .orderBy(asc(callAllocations.year), asc(organisations.name));
  const yearTotal = new Map<number, number>();
  for (const r of rows) yearTotal.set(r.year, (yearTotal.get(r.year) ?? 0) + r.amountDkk);
  return rows.map((r) => ({
    ...r,
    share:
      (yearTotal.get(r.year) ?? 0) > 0
        ? Math.round((r.amountDkk / (yearTotal.get(r.year) ?? 1)) * 1000) / 10
        : 0,
  }));
}
