/**
 * How long personal data is kept, and the job that removes it after that: one rule per kind of
 * data, each in its own transaction under the system actor `system:retention`. An area that
 * keeps personal data for a limited time adds its period to RETENTION_PERIODS (the privacy page
 * states every one) and its rule to RETENTION_RULES.
 */
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { deliveries, passwordResetTokens, sessions, users } from '../../db/schema/index.ts';
import { endedSessions } from '../accounts/sessions.ts';
import { removeUnconfirmedSignups, removeUnsubscribed } from '../newsletter/retention.ts';
import { clearClosedReferralContacts, clearOpenReferralContacts } from '../referrals/retention.ts';
import { eraseUserData } from './erasure.ts';

/** Days each kind of personal data is kept, counted from the moment the privacy page names. */
export const RETENTION_PERIODS = {
  /** After the invitation, unless the person has signed in by then. */
  invitations: 90,
  /** After the link expired (one hour after it was sent) or was used. */
  resetTokens: 1,
  /** After the session ended: at its absolute lifetime, its idle timeout or the logout. */
  sessions: 1,
  /** After the delivery: its log of files, errors (which quote the delivered values) and who delivered it. */
  deliveryFiles: 3 * 365,
  /** After the referral is closed: the contact person's name, e-mail and telephone, the need, notes. */
  referralContacts: 365,
  /** After a referral that never closed was sent: the same. */
  openReferralContacts: 2 * 365,
  /** After a newsletter sign-up that was never confirmed: the address, name and topics. */
  newsletterSignups: 7,
  /** After a subscriber unsubscribed: the same, with the log of the issues sent to them. */
  newsletterUnsubscribed: 30,
} as const;

export type RetentionKind = keyof typeof RETENTION_PERIODS;

export interface RetentionContext {
  now: Date;
  sessionIdleMinutes: number;
}

export interface RetentionRule {
  kind: RetentionKind;
  /** Removes (or, where records must stay, pseudonymises) what is past its period; the rows affected. */
  apply(tx: Tx, context: RetentionContext): Promise<number>;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
const RETENTION = systemActor('retention');

export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    // An invitation never accepted: the person's data goes as in an erasure (the user row stays
    // pseudonymised, since an administrator may have named them as an assessor already).
    kind: 'invitations',
    async apply(tx, { now }) {
      const stale = await tx
        .select()
        .from(users)
        .where(
          and(
            isNotNull(users.invitedAt),
            isNull(users.erasedAt),
            lt(users.invitedAt, daysBefore(now, RETENTION_PERIODS.invitations)),
          ),
        );
      for (const user of stale) await eraseUserData(tx, RETENTION, user, now);
      return stale.length;
    },
  },
  {
    kind: 'resetTokens',
    async apply(tx, { now }) {
      const cutoff = daysBefore(now, RETENTION_PERIODS.resetTokens);
      const removed = await tx
        .delete(passwordResetTokens)
        .where(or(lt(passwordResetTokens.expiresAt, cutoff), lt(passwordResetTokens.usedAt, cutoff)))
        .returning({ userId: passwordResetTokens.userId });
      return removed.length;
    },
  },
  {
    kind: 'sessions',
    async apply(tx, { now, sessionIdleMinutes }) {
      const ended = endedSessions(daysBefore(now, RETENTION_PERIODS.sessions), sessionIdleMinutes);
      return (await tx.delete(sessions).where(ended).returning({ id: sessions.id })).length;
    },
  },
  {
    kind: 'deliveryFiles',
    async apply(tx, { now }) {
      const removed = await tx
        .delete(deliveries)
        .where(lt(deliveries.startedAt, daysBefore(now, RETENTION_PERIODS.deliveryFiles)))
        .returning({ id: deliveries.id });
      return removed.length;
    },
  },
  {
    kind: 'referralContacts',
    apply: (tx, { now }) =>
      clearClosedReferralContacts(tx, RETENTION.label, now, RETENTION_PERIODS.referralContacts),
  },
  {
    kind: 'openReferralContacts',
    apply: (tx, { now }) =>
      clearOpenReferralContacts(tx, RETENTION.label, now, RETENTION_PERIODS.openReferralContacts),
  },
  {
    kind: 'newsletterSignups',
    apply: (tx, { now }) => removeUnconfirmedSignups(tx, now, RETENTION_PERIODS.newsletterSignups),
  },
  {
    kind: 'newsletterUnsubscribed',
    apply: (tx, { now }) => removeUnsubscribed(tx, now, RETENTION_PERIODS.newsletterUnsubscribed),
  },
];

/** One run of every rule, each in its own transaction: the rows affected per kind. */
export async function applyRetention(
  db: Db,
  context: RetentionContext,
  rules: readonly RetentionRule[] = RETENTION_RULES,
): Promise<Partial<Record<RetentionKind, number>>> {
  const affected: Partial<Record<RetentionKind, number>> = {};
  for (const rule of rules) {
    affected[rule.kind] = await withActor(db, RETENTION, (tx) => rule.apply(tx, context));
  }
  return affected;
}
