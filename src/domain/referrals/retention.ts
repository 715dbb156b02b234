/**
 * The retention rule of referrals (docs/referrals.md): the contact person's name, e-mail and
 * phone, the company's need and the notes of the history are personal data, kept only as long as
 * the referral needs them: until RETENTION.afterClosedMonths after it was closed (declined or an
 * outcome recorded), or RETENTION.openMonths after it was sent if it never closes. Then they are
 * emptied, and the history says so. What the figures count stays: the organisations, the company's
 * CVR and name, the theme, the regions, the statuses, the dates and the outcome. The audit log
 * never held the personal data (the referrals' audit trigger redacts it).
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { referralEvents } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { authorizeSystemJob } from './policy.ts';

export const RETENTION = {
  /** Months after a referral was declined or got its outcome. */
  afterClosedMonths: 12,
  /** Months after a referral was sent, when it never closed. */
  openMonths: 24,
} as const;

/** Empties the personal data of every referral past the retention rule at `now`; returns how many. */
export async function deleteExpiredPersonalData(db: Db, caller: Caller, now: Date): Promise<number> {
  authorizeSystemJob(caller.principal, 'the referral retention rule');
  const at = sql`${now.toISOString()}::timestamptz`;
  return withActor(db, caller.actor, async (tx) => {
    const cleared = await queryRows<{ id: string }>(
      tx,
      sql`update referrals
          set need = null, contact_name = null, contact_email = null, contact_phone = null,
              personal_data_deleted_at = ${at}
          where personal_data_deleted_at is null
            and (closed_at <= ${at} - make_interval(months => ${RETENTION.afterClosedMonths})
              or (closed_at is null and sent_at <= ${at} - make_interval(months => ${RETENTION.openMonths})))
          returning id`,
    );
    if (cleared.length === 0) return 0;
    const ids = cleared.map((r) => r.id);
    await tx.execute(
      sql`update referral_events set note = null where referral_id = any(${uuidArray(ids)}) and note is not null`,
    );
    await tx.insert(referralEvents).values(
      ids.map((referralId) => ({
        referralId,
        kind: 'personal_data_deleted' as const,
        at: now,
        actorName: caller.actor.label,
      })),
    );
    return ids.length;
  });
}
