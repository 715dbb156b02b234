import { z } from 'zod';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { clusterEvaluations } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { authorize, type Principal } from '../policy/policy.ts';
import type { ClusterInPeriod, FundingPeriod } from './midterm.ts';

export const evaluationDecisionSchema = z.object({
  conclusion: z.enum(['continue', 'adjust', 'withdraw'], { message: 'conclusion' }),
  reasoning: z.string().trim().min(20, { message: 'reasoningShort' }).max(5000, { message: 'tooLong' }),
});
export type EvaluationDecision = z.infer<typeof evaluationDecisionSchema>;

/**
 * Records a funder's (or an administrator's) conclusion of a cluster's mid-term evaluation.
 * Only funders of that cluster in the period and administrators may; every decision is a new,
 * audited row, so earlier conclusions stay in the history.
 */
export async function recordEvaluation(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  input: { cluster: ClusterInPeriod; period: FundingPeriod; decision: unknown },
): Promise<{ id: string }> {
  const { cluster, period } = input;
  const user = authorize(principal, 'evaluations.decide', {
    organisationId: cluster.clusterId,
    fundedBy: cluster.fundedBy,
  });
  const parsed = evaluationDecisionSchema.safeParse(input.decision);
  if (!parsed.success)
    throw new AppError(
      'validation',
      'Invalid evaluation decision',
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })),
    );
  // The decision is made for the funder the user works for; an administrator decides for none.
  const funderId =
    user.memberships.find((m) => m.role === 'funder' && cluster.fundedBy.includes(m.organisationId))
      ?.organisationId ?? null;
  const [row] = await withActor(db, actor, (tx) =>
    tx
      .insert(clusterEvaluations)
      .values({
        clusterId: cluster.clusterId,
        periodFrom: period.from,
        periodTo: period.to,
        conclusion: parsed.data.conclusion,
        reasoning: parsed.data.reasoning,
        funderId,
        decidedBy: actor.userId,
        decidedByLabel: actor.label,
      })
      .returning({ id: clusterEvaluations.id }),
  );
  if (!row) throw new Error('evaluation not recorded');
  return row;
}
