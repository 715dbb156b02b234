import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError, parseInput } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { JOB_KINDS, type JobRetrier } from './kinds.ts';

const retryInput = z.object({ kind: z.enum(JOB_KINDS), id: z.uuid() });

/**
 * An admin sends a failed job back to the queue: it runs again soon, with its retries counted
 * afresh. Recorded in the audit log (the queue's own tables have no audit trigger).
 */
export async function retryFailedJob(
  db: Db,
  queue: JobRetrier,
  caller: Caller,
  input: { kind: string; id: string },
): Promise<void> {
  authorize(caller.principal, 'jobs.manage');
  const { kind, id } = parseInput(retryInput, input);
  await withActor(db, caller.actor, async (tx) => {
    if (!(await queue.retry(tx, kind, id)))
      throw new AppError('conflict', 'The job is not failed (it may already have been retried)');
    await tx.execute(
      sql`insert into audit_log (actor_user_id, actor_label, entity, entity_id, action, before, after, request_id)
          values (nullif(current_setting('klynge.actor_id', true), '')::uuid, current_setting('klynge.actor', true),
                  'jobs', ${id}, 'retry', ${JSON.stringify({ kind, state: 'failed' })}::jsonb,
                  ${JSON.stringify({ kind, state: 'retry' })}::jsonb,
                  nullif(current_setting('klynge.request_id', true), ''))`,
    );
  });
}
