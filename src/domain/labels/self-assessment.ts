/**
 * A cluster's self-assessment against the label criteria (seed 001 D3, issue 20 item 7): its staff
 * score each criterion of `criteria.ts`, and the page shows the level the scores indicate. One
 * current assessment per cluster; the audit trigger keeps the earlier ones.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { clusterById, clusterBySlug, type PlanCluster } from '../action-plans/plans.ts';
import type { Caller } from '../caller.ts';
import { parseInput } from '../errors.ts';
import { authorize, can } from '../policy/policy.ts';
import { type IndicatedLevel, indicatedLevel, LABEL_CRITERIA, type Score } from './criteria.ts';
import { type ImprovementAction, improvementActions } from './improvement-plan.ts';

export interface SelfAssessment {
  cluster: PlanCluster;
  /** Score per criterion key; empty before the first save. */
  scores: Record<string, Score>;
  level: IndicatedLevel;
  updatedAt: Date | null;
  /** The improvement plan's actions, by due date. */
  actions: ImprovementAction[];
  /** Whether the caller may change it and its improvement plan (the cluster's own staff). */
  mayEdit: boolean;
}

/** Every criterion scored 0, 1 or 2, as the form posts it; an issue per criterion left out or wrong. */
const scoresInput = z.object(
  Object.fromEntries(
    LABEL_CRITERIA.map((c) => [
      c.key,
      z.enum(['0', '1', '2'], { message: 'required' }).transform((v) => Number(v) as Score),
    ]),
  ),
);

/** The self-assessment of a cluster by slug, for its staff and the support function; else forbidden. */
export async function selfAssessmentOf(db: Queryable, caller: Caller, slug: string): Promise<SelfAssessment> {
  const cluster = await clusterBySlug(db, slug);
  const target = { organisationId: cluster.id };
  authorize(caller.principal, 'labels.viewSelfAssessment', target);
  const [row] = await queryRows<{ scores: Record<string, Score>; updatedAt: string | Date }>(
    db,
    sql`select scores, updated_at as "updatedAt" from label_self_assessments where cluster_id = ${cluster.id}`,
  );
  const scores = row?.scores ?? {};
  return {
    cluster,
    scores,
    level: indicatedLevel(scores),
    updatedAt: row ? new Date(row.updatedAt) : null,
    actions: await improvementActions(db, cluster.id),
    mayEdit: can(caller.principal, 'labels.selfAssess', target),
  };
}

/**
 * Saves a cluster's scores. Refusals, in this order: not_found (no such cluster), forbidden (not
 * its staff), validation (a criterion not scored 0, 1 or 2: an issue at each such criterion).
 */
export async function saveSelfAssessment(
  db: Db,
  caller: Caller,
  clusterId: string,
  input: Record<string, unknown>,
  now: Date,
): Promise<IndicatedLevel> {
  return withActor(db, caller.actor, async (tx) => {
    const cluster = await clusterById(tx, clusterId);
    authorize(caller.principal, 'labels.selfAssess', { organisationId: cluster.id });
    const scores = parseInput(scoresInput, input) as Record<string, Score>;
    await tx.execute(
      sql`insert into label_self_assessments (cluster_id, scores, updated_by, updated_at)
          values (${cluster.id}, ${JSON.stringify(scores)}::jsonb, ${caller.actor.userId}, ${now.toISOString()}::timestamptz)
          on conflict (cluster_id) do update
            set scores = excluded.scores, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    return indicatedLevel(scores);
  });
}
