import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** Who makes a change: a signed-in user, or the system (seed, CLI) under a readable label. */
export interface Actor {
  userId: string | null;
  label: string;
  requestId?: string | undefined;
}

export const systemActor = (label: string): Actor => ({ userId: null, label: `system:${label}` });

/**
 * Runs `work` in one transaction with the actor recorded for the audit triggers. Every change of
 * audited data must go through here; the triggers refuse changes without an actor.
 */
export async function withActor<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('klynge.actor', ${actor.label}, true),
                 set_config('klynge.actor_id', ${actor.userId ?? ''}, true),
                 set_config('klynge.request_id', ${actor.requestId ?? ''}, true)`,
    );
    return work(tx);
  });
}
