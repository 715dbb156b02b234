/** The newsletter's share of the retention job (src/domain/personal-data/retention.ts). */
import { and, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { newsletterSubscribers as s } from '../../db/schema/index.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Sign-ups never confirmed, `days` after the sign-up (the link worked for two of them). */
export async function removeUnconfirmedSignups(tx: Tx, now: Date, days: number): Promise<number> {
  const removed = await tx
    .delete(s)
    .where(and(isNull(s.confirmedAt), lt(s.consentedAt, daysBefore(now, days))))
    .returning({ id: s.id });
  return removed.length;
}

/** Subscribers who unsubscribed, `days` after they did, with their delivery log. */
export async function removeUnsubscribed(tx: Tx, now: Date, days: number): Promise<number> {
  const removed = await tx
    .delete(s)
    .where(and(isNotNull(s.unsubscribedAt), lt(s.unsubscribedAt, daysBefore(now, days))))
    .returning({ id: s.id });
  return removed.length;
}
