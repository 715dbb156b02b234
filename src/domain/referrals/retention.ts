/**
 * The retention rule of referrals (docs/referrals.md): the contact person's name, e-mail and
 * phone, the company's need and the notes of the history are personal data, kept only as long as
 * the referral needs them: the periods `referralContacts` (after it was closed: declined or an
 * outcome recorded) and `openReferralContacts` (after it was sent, if it never closes) of the
 * platform's one list of retention periods (src/domain/personal-data/retention.ts), whose job
 * runs this. Then they are emptied, and the history says so. What the figures count stays: the
 * organisations, the company's CVR and name, the theme, the regions, the statuses, the dates and
 * the outcome. The audit log never held the personal data (the referrals' audit trigger redacts it).
 */
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { referralEvents } from '../../db/schema/index.ts';
import { uuidArray } from '../reporting/uuid-array.ts';

/**
 * Empties the personal data of the referrals that `expired` selects (a condition on `referrals`),
 * within the retention job's transaction; returns how many.
 */
async function clearReferralContacts(tx: Tx, actorName: string, now: Date, expired: SQL): Promise<number> {
  const cleared = await queryRows<{ id: string }>(
    tx,
    sql`update referrals
        set need = null, contact_name = null, contact_email = null, contact_phone = null,
            personal_data_deleted_at = ${now.toISOString()}::timestamptz
        where personal_data_deleted_at is null and ${expired}
        returning id`,
  );
  if (cleared.length === 0) return 0;
  const ids = cleared.map((r) => r.id);
  await tx.execute(
    sql`update referral_events set note = null where referral_id = any(${uuidArray(ids)}) and note is not null`,
  );
  await tx
    .insert(referralEvents)
    .values(
      ids.map((referralId) => ({ referralId, kind: 'personal_data_deleted' as const, at: now, actorName })),
    );
  return ids.length;
}

const cutoff = (now: Date, days: number) =>
  sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;

/** Referrals closed more than `days` days before `now`. */
export function clearClosedReferralContacts(tx: Tx, actorName: string, now: Date, days: number) {
  return clearReferralContacts(tx, actorName, now, sql`closed_at <= ${cutoff(now, days)}`);
}

/** Referrals never closed, sent more than `days` days before `now`. */
export function clearOpenReferralContacts(tx: Tx, actorName: string, now: Date, days: number) {
  return clearReferralContacts(
    tx,
    actorName,
    now,
    sql`closed_at is null and sent_at <= ${cutoff(now, days)}`,
  );
}
