import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { clusterEvaluations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { clusterInPeriod, type FundingPeriod, fundingPeriods } from './midterm.ts';

export const evaluationDecisionSchema = z.object({
  conclusion: z.enum(['continue', 'adjust', 'withdraw'], { message: 'conclusion' }),
  reasoning: z.string().trim().min(20, { message: 'reasoningShort' }).max(5000, { message: 'tooLong' }),
});
export type EvaluationDecision = z.infer<typeof evaluationDecisionSchema>;

/**
 * Records a funder's (or an administrator's) conclusion of a cluster's mid-term evaluation for
 * one of the funding periods. Only funders of that cluster in the period and administrators may:
 * who funds the cluster is read from the grants here, never taken from the caller. Every decision
 * is a new, audited row, so earlier conclusions stay in the history.
 */
export async function recordEvaluation(
  db: Db,
  caller: Caller,
  input: { clusterId: string; period: FundingPeriod; decision: unknown },
): Promise<{ id: string }> {
  const { period } = input;
  if (!(await fundingPeriods(db)).some((p) => p.from === period.from && p.to === period.to))
    throw notFound('funding period');
  const cluster = await clusterInPeriod(db, period, { clusterId: input.clusterId });
  if (!cluster) throw notFound('cluster in period');
  const user = authorize(caller.principal, 'evaluations.decide', {
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
  const [row] = await withActor(db, caller.actor, (tx) =>
    tx
      .insert(clusterEvaluations)
      .values({
        clusterId: cluster.clusterId,
        periodFrom: period.from,
        periodTo: period.to,
        conclusion: parsed.data.conclusion,
        reasoning: parsed.data.reasoning,
        funderId,
        decidedBy: caller.actor.userId,
        decidedByLabel: caller.actor.label,
      })
      .returning({ id: clusterEvaluations.id }),
  );
  if (!row) throw new Error('evaluation not recorded');
  return row;
}
