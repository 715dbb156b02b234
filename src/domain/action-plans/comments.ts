/**
 * The support function's sparring on action plans (seed 002, issue 20 item 6): its staff comment
 * on a saved plan, on the whole plan or one of its sections; the cluster's staff are notified,
 * read the comments on their plan page and mark each handled once they have acted on it.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { actionPlanSection } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize } from '../policy/policy.ts';
import { fundersOf } from '../reporting/periods/years.ts';
import { workspacePlanPath } from './paths.ts';
import { COMMENT_MAX } from './plan-input.ts';
import { checkPlanYear, clusterById, lockPlanStatus } from './plans.ts';
import { policyTarget } from './policy.ts';

export type PlanSection = (typeof actionPlanSection.enumValues)[number];
export const PLAN_SECTIONS: readonly PlanSection[] = actionPlanSection.enumValues;

export const planCommentInput = z.object({
  section: z.enum(actionPlanSection.enumValues).nullable(),
  body: z.string().trim().min(1, 'required').max(COMMENT_MAX, 'tooLong'),
});
export type PlanCommentInput = z.input<typeof planCommentInput>;

export interface PlanComment {
  id: string;
  section: PlanSection | null;
  body: string;
  authorName: string;
  createdAt: Date;
  handledAt: Date | null;
}

/**
 * Adds the caller's comment to a cluster's saved plan and notifies the cluster's staff. Refusals,
 * in this order: validation (bad year, empty or too long text, unknown section), not_found (no
 * such cluster), forbidden (not the support function), conflict (the plan was never saved).
 */
export async function addPlanComment(
  db: Db,
  caller: Caller,
  plan: { clusterId: string; year: number },
  input: PlanCommentInput,
  now: Date,
): Promise<string> {
  checkPlanYear(plan.year, now);
  const { section, body } = parseInput(planCommentInput, input);
  return withActor(db, caller.actor, async (tx) => {
    const cluster = await clusterById(tx, plan.clusterId);
    const target = { clusterId: cluster.id, fundedBy: await fundersOf(tx, cluster.id, plan.year) };
    authorize(caller.principal, 'actionPlans.view', policyTarget(target));
    authorize(caller.principal, 'actionPlans.comment', policyTarget(target));
    if ((await lockPlanStatus(tx, cluster.id, plan.year)) === null)
      throw new AppError('conflict', 'An action plan that was never saved cannot be commented on');
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into action_plan_comments (cluster_id, year, section, body, author_id, created_at)
          values (${cluster.id}, ${plan.year}, ${section}, ${body}, ${caller.actor.userId},
                  ${now.toISOString()}::timestamptz)
          returning id`,
    );
    await addNotifications(tx, [
      {
        recipientOrganisationId: cluster.id,
        recipientRole: 'cluster_staff',
        text: `Supportfunktionen har kommenteret handlingsplanen for ${plan.year}`,
        textEn: `The support function commented on the action plan for ${plan.year}`,
        link: workspacePlanPath(cluster.slug, plan.year),
        createdAt: now,
      },
    ]);
    return (row as { id: string }).id;
  });
}

/**
 * Marks a comment handled. Refusals, in this order: not_found (no such comment on the plan),
 * forbidden (not the staff of the plan's cluster), conflict (already handled).
 */
export async function markCommentHandled(
  db: Db,
  caller: Caller,
  comment: { clusterId: string; year: number; id: string },
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const [row] = isUuid(comment.id)
      ? await queryRows<{ handled: boolean }>(
          tx,
          sql`select handled_at is not null as handled from action_plan_comments
              where id = ${comment.id} and cluster_id = ${comment.clusterId} and year = ${comment.year}
              for update`,
        )
      : [];
    if (!row) throw notFound('comment');
    authorize(caller.principal, 'actionPlans.handleComment', { organisationId: comment.clusterId });
    if (row.handled) throw new AppError('conflict', 'The comment is already handled');
    await tx.execute(
      sql`update action_plan_comments set handled_at = ${now.toISOString()}::timestamptz,
            handled_by = ${caller.actor.userId}
          where id = ${comment.id}`,
    );
  });
}

/** A plan's comments, oldest first; the caller has opened the plan (`openPlan`) already. */
export async function planComments(db: Queryable, clusterId: string, year: number): Promise<PlanComment[]> {
  const rows = await queryRows<
    Omit<PlanComment, 'createdAt' | 'handledAt'> & {
      createdAt: string | Date;
      handledAt: string | Date | null;
    }
  >(
    db,
    sql`select c.id, c.section::text as section, c.body, u.name as "authorName",
               c.created_at as "createdAt", c.handled_at as "handledAt"
        from action_plan_comments c join users u on u.id = c.author_id
        where c.cluster_id = ${clusterId} and c.year = ${year}
        order by c.created_at, c.id`,
  );
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    handledAt: r.handledAt ? new Date(r.handledAt) : null,
  }));
}

/**
 * How many of the support function's comments wait for the clusters to handle them, counted in
 * SQL: on every cluster's plans, or on those of the clusters given.
 */
export async function unhandledCommentCount(db: Queryable, clusterIds?: readonly string[]): Promise<number> {
  if (clusterIds?.length === 0) return 0;
  const ofClusters = clusterIds
    ? sql`and cluster_id in (${sql.join(
        clusterIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from action_plan_comments where handled_at is null ${ofClusters}`,
  );
  return Number(row?.n ?? 0);
}
