/**
 * Funders keep their target sets: a new set, and new versions of its targets. Every command
 * takes the caller and checks the policy's 'targets.manage' rule on the set's funder itself.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { organisations, targetSets, targets } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import type { TargetInput, TargetSetInput } from './schemas.ts';

/**
 * A new target set owned by a funder organisation. Refusals: forbidden (the caller does not keep
 * that funder's targets), validation at `funderId` (no such funder organisation).
 */
export async function createTargetSet(
  db: Db,
  caller: Caller,
  funderId: string,
  input: TargetSetInput,
): Promise<string> {
  return withActor(db, caller.actor, async (tx) => {
    authorize(caller.principal, 'targets.manage', { organisationId: funderId });
    const [funder] = isUuid(funderId)
      ? await tx
          .select({ kind: organisations.kind })
          .from(organisations)
          .where(eq(organisations.id, funderId))
      : [];
    if (funder?.kind !== 'funder')
      throw new AppError('validation', 'A target set is owned by a funder', [
        { field: 'funderId', message: 'invalid' },
      ]);
    const [row] = await tx
      .insert(targetSets)
      .values({ ...input, funderId, createdBy: caller.actor.userId })
      .returning({ id: targetSets.id });
    if (!row) throw new Error('target set not created');
    return row.id;
  });
}

/**
 * Saves a target in a set. A new code adds a target; an existing code gets a new version and
 * the current one is closed, never overwritten, so the history of the numbers is kept.
 * Refusals: not_found (no such set), forbidden (the caller does not keep the set's funder's targets).
 */
export async function saveTarget(
  db: Db,
  caller: Caller,
  setId: string,
  input: TargetInput,
): Promise<{ id: string; version: number }> {
  return withActor(db, caller.actor, async (tx) => {
    // Serialise edits of one set so two funders cannot both create version n+1.
    const [set] = isUuid(setId)
      ? await tx
          .select({ funderId: targetSets.funderId })
          .from(targetSets)
          .where(eq(targetSets.id, setId))
          .for('update')
      : [];
    if (!set) throw notFound('target set');
    authorize(caller.principal, 'targets.manage', { organisationId: set.funderId });
    const [current] = await tx
      .select({ id: targets.id, version: targets.version, position: targets.position })
      .from(targets)
      .where(and(eq(targets.setId, setId), eq(targets.code, input.code), isNull(targets.supersededAt)));
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${targets.position}), 0)::int` })
      .from(targets)
      .where(eq(targets.setId, setId));
    if (current) {
      await tx.update(targets).set({ supersededAt: sql`now()` }).where(eq(targets.id, current.id));
    }
    const version = (current?.version ?? 0) + 1;
    const [row] = await tx
      .insert(targets)
      .values({
        setId,
        code: input.code,
        version,
        position: current?.position ?? (last?.max ?? 0) + 1,
        metric: input.metric,
        labelDa: input.labelDa,
        labelEn: input.labelEn,
        direction: input.direction,
        baselineYear: input.baselineYear ?? null,
        baselineValue: input.baselineValue ?? null,
        targetValue: input.direction === 'none' ? null : (input.targetValue ?? null),
        note: input.note,
        createdBy: caller.actor.userId,
      })
      .returning({ id: targets.id });
    if (!row) throw new Error('target not saved');
    return { id: row.id, version };
  });
}
