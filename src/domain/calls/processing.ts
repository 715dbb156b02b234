import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { applications, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { chainOf } from './chain.ts';
import { callPhase } from './listing.ts';
import { authorizeCall, callActions } from './policy.ts';
import { assessorProgress, budgetUse, rankedApplications } from './queries.ts';
import { findCallSetup } from './setup.ts';
import type { CallStatus } from './workflow.ts';

/** The funders' and assessors' overviews of the calls they process. */

/**
 * A call's processing for its owner and co-funders: the submitted applications (a draft is the
 * applicant's only), the ranking, each funder's budget use, the joint decision chain's steps when
 * the call follows it, and for the owner the assessors' progress.
 */
export async function callProcessing(db: Queryable, editor: Caller, callId: string) {
  const setup = await findCallSetup(db, editor.principal, callId);
  if (!setup) throw notFound('call');
  authorizeCall(editor.principal, 'process', setup.parties);
  const actions = callActions(editor.principal, setup.parties);
  const submitted = await db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      organisationName: organisations.name,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.callId, callId), isNotNull(applications.submittedAt)))
    .orderBy(asc(organisations.name));
  const progress = actions.manage ? await assessorProgress(db, callId) : [];
  const ranked = await rankedApplications(db, callId);
  const budget = await budgetUse(db, callId);
  const chain = await chainOf(db, callId);
  return { setup, actions, applications: submitted, progress, ranked, budget, chain };
}
export type CallProcessing = Awaited<ReturnType<typeof callProcessing>>;

/**
 * One assessor's work: every eligible (or later) application of the calls they assess, with
 * their conflict declaration, how many criteria they have scored, and the call's phase as its
 * public page and its owner's page name it.
 */
export async function assessmentsOf(db: Queryable, editor: Caller, now: Date) {
  authorize(editor.principal, 'applications.assess');
  const userId = editor.principal.userId;
  const rows = await queryRows<{
    callSlug: string;
    callTitle: string;
    callStatus: CallStatus;
    opensAt: Date | string | null;
    deadline: Date | string;
    applicationId: string;
    organisationName: string;
    title: string;
    conflict: boolean | null;
    scored: number;
    criteria: number;
  }>(
    db,
    sql`select c.slug as "callSlug", c.title as "callTitle", c.status as "callStatus",
          c.opens_at as "opensAt", c.deadline,
          a.id as "applicationId", o.name as "organisationName", a.title,
          d.has_conflict as conflict,
          (select count(*)::int from assessment_scores s
            where s.application_id = a.id and s.assessor_id = ${userId}) as scored,
          (select count(*)::int from call_criteria k where k.call_id = c.id) as criteria
        from call_assessors ca
        join calls c on c.id = ca.call_id
        join applications a on a.call_id = c.id
          and a.status in ('eligible', 'selected', 'not_selected')
        join organisations o on o.id = a.organisation_id
        left join conflict_declarations d on d.application_id = a.id and d.assessor_id = ${userId}
        where ca.user_id = ${userId}
        order by c.deadline desc, c.title, o.name`,
  );
  // Raw rows: the drivers differ in whether a timestamp arrives as a Date or as text.
  return rows.map(({ opensAt, deadline, ...row }) => ({
    ...row,
    callPhase: callPhase(
      {
        status: row.callStatus,
        opensAt: opensAt === null ? null : new Date(opensAt),
        deadline: new Date(deadline),
      },
      now,
    ),
  }));
}
