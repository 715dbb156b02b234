/**
 * The newsletter's subscribers. A visitor signs up with an address and is sent a confirmation
 * link (double opt-in): nothing is sent to the address before it is opened, within
 * CONFIRMATION_HOURS. A signed-in user subscribes their account's address from their account,
 * confirmed at once (the account's address is the person's own). Each records when and how the
 * person consented; anyone unsubscribes with the signed link in every mail.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../db/actor.ts';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { newsletterSubscribers, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, parseInput } from '../errors.ts';
import { accountSubscriptionInput, signupInput } from './schemas.ts';
import { checkConfirmationToken, subscriberOfUnsubscribeToken } from './tokens.ts';

type Lang = 'da' | 'en';

/** A sign-up that waits for its confirmation: whom to mail the link to. */
export interface PendingSignup {
  subscriberId: string;
  email: string;
  name: string | null;
  lang: Lang;
}

/**
 * Records a visitor's sign-up, unconfirmed, with the moment of consent. An address that already
 * receives the newsletter is left as it is (null: no mail), so the page answers alike either way
 * and tells nobody who subscribes; an unconfirmed or unsubscribed one starts over.
 */
export async function signUp(
  db: Db,
  input: unknown,
  lang: Lang,
  now: Date,
  requestId?: string,
): Promise<PendingSignup | null> {
  const data = parseInput(signupInput, input);
  const actor: Actor = { userId: null, label: data.email, requestId };
  return withActor(db, actor, async (tx) => {
    const [existing] = await tx
      .select({
        confirmedAt: newsletterSubscribers.confirmedAt,
        unsubscribedAt: newsletterSubscribers.unsubscribedAt,
      })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, data.email));
    if (existing?.confirmedAt && !existing.unsubscribedAt) return null;
    const fresh = {
      name: data.name,
      lang,
      interests: data.interests,
      source: 'signup' as const,
      consentedAt: now,
      confirmedAt: null,
      unsubscribedAt: null,
    };
    const [row] = await tx
      .insert(newsletterSubscribers)
      .values({ email: data.email, ...fresh, createdAt: now })
      .onConflictDoUpdate({ target: newsletterSubscribers.email, set: fresh })
      .returning({ id: newsletterSubscribers.id });
    if (!row) throw new Error('sign-up not stored');
    return { subscriberId: row.id, email: data.email, name: data.name, lang };
  });
}

/**
 * Confirms a sign-up by its link: from now on the address receives the newsletter. A link that
 * is not ours or names nobody is `not_found`; one past its time is a `conflict` (sign up again).
 */
export async function confirmSignup(db: Db, secret: string, token: string, now: Date): Promise<void> {
  const check = checkConfirmationToken(secret, token, now);
  if (!check.ok && check.reason === 'expired')
    throw new AppError('conflict', 'The confirmation link has expired');
  if (!check.ok) throw new AppError('not_found', 'No such confirmation link');
  const [row] = await db
    .select({ email: newsletterSubscribers.email, unsubscribedAt: newsletterSubscribers.unsubscribedAt })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.id, check.subscriberId));
  if (!row) throw new AppError('not_found', 'No such subscriber');
  // A link opened again after an unsubscribe does not subscribe anew: that takes a new sign-up.
  if (row.unsubscribedAt) throw new AppError('conflict', 'The address has unsubscribed since');
  await withActor(db, { userId: null, label: row.email }, (tx) =>
    tx
      .update(newsletterSubscribers)
      .set({
        confirmedAt: sql`coalesce(${newsletterSubscribers.confirmedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(newsletterSubscribers.id, check.subscriberId)),
  );
}

/** Whom an unsubscribe link names (for its page), or `not_found` when the link is not ours. */
export async function subscriberOfLink(
  db: Queryable,
  secret: string,
  token: string,
): Promise<{ id: string; email: string; unsubscribed: boolean }> {
  const id = subscriberOfUnsubscribeToken(secret, token);
  const [row] = id
    ? await db
        .select({
          id: newsletterSubscribers.id,
          email: newsletterSubscribers.email,
          at: newsletterSubscribers.unsubscribedAt,
        })
        .from(newsletterSubscribers)
        .where(eq(newsletterSubscribers.id, id))
    : [];
  if (!row) throw new AppError('not_found', 'No such unsubscribe link');
  return { id: row.id, email: row.email, unsubscribed: row.at !== null };
}

/** Unsubscribes by the link of a mail; doing it twice changes nothing. */
export async function unsubscribeByLink(db: Db, secret: string, token: string, now: Date): Promise<void> {
  const subscriber = await subscriberOfLink(db, secret, token);
  if (subscriber.unsubscribed) return;
  await withActor(db, { userId: null, label: subscriber.email }, (tx) =>
    tx
      .update(newsletterSubscribers)
      .set({ unsubscribedAt: now })
      .where(eq(newsletterSubscribers.id, subscriber.id)),
  );
}

export interface AccountSubscription {
  email: string;
  subscribed: boolean;
  interests: string[];
}

/** Whether the signed-in user receives the newsletter at their account's address. */
export async function accountSubscription(db: Queryable, caller: Caller): Promise<AccountSubscription> {
  const [row] = await db
    .select({
      email: users.email,
      confirmedAt: newsletterSubscribers.confirmedAt,
      unsubscribedAt: newsletterSubscribers.unsubscribedAt,
      interests: newsletterSubscribers.interests,
    })
    .from(users)
    .leftJoin(newsletterSubscribers, eq(newsletterSubscribers.email, users.email))
    .where(eq(users.id, signedInUser(caller)));
  if (!row) throw new AppError('not_found', 'No such user');
  return {
    email: row.email,
    subscribed: row.confirmedAt !== null && row.unsubscribedAt === null,
    interests: row.interests ?? [],
  };
}

function signedInUser(caller: Caller): string {
  const id = caller.principal.userId;
  if (!id || caller.actor.userId !== id) throw new AppError('forbidden', 'Only a person subscribes');
  return id;
}

/**
 * Subscribes the signed-in user's own address, confirmed at once, with the interests chosen; the
 * consent is recorded as given from the account. A sign-up of the same address becomes theirs.
 */
export async function subscribeAccount(db: Db, caller: Caller, input: unknown, now: Date): Promise<void> {
  const userId = signedInUser(caller);
  const data = parseInput(accountSubscriptionInput, input);
  await withActor(db, caller.actor, async (tx) => {
    const [user] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('not_found', 'No such user');
    const fresh = {
      userId,
      name: user.name,
      lang: user.locale === 'en' ? 'en' : 'da',
      interests: data.interests,
      source: 'account' as const,
      consentedAt: now,
      confirmedAt: now,
      unsubscribedAt: null,
    };
    await tx
      .insert(newsletterSubscribers)
      .values({ email: user.email, ...fresh, createdAt: now })
      .onConflictDoUpdate({ target: newsletterSubscribers.email, set: fresh });
  });
}

/** Stops the newsletter to the signed-in user's address. */
export async function unsubscribeAccount(db: Db, caller: Caller, now: Date): Promise<void> {
  const userId = signedInUser(caller);
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(newsletterSubscribers)
      .set({ unsubscribedAt: now })
      .where(
        and(
          sql`${newsletterSubscribers.email} = (select email from users where id = ${userId})`,
          sql`${newsletterSubscribers.unsubscribedAt} is null`,
        ),
      ),
  );
}
