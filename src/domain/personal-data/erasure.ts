/**
 * Erasure of a person's data on request (GDPR art. 17), keeping every figure exact:
 *
 * - A user: their roles, sessions, identities, authenticator, recovery codes and own
 *   notifications are deleted; the user row stays (decisions, scores and comments point to it)
 *   with a pseudonym instead of name and e-mail; the e-mail is replaced in every table, and the
 *   name where a row names its author; a cluster that had them as contact loses the contact.
 * - A participant (a sole proprietorship, whose CVR number and name identify a person): the
 *   company gets a pseudonymous number that can never be a real CVR (it fails the check digit)
 *   and a neutral name; its participations move to it, and the account counts them as before.
 *
 * The audit log keeps its entries, but the erased values in them are pseudonymised as well (the
 * audit migration lets exactly this transaction update them), and the erasure itself is
 * recorded without the erased values.
 */
import { randomInt } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import {
  auditLog,
  clusterProfileDrafts,
  clusters,
  companies,
  fundingPlanComments,
  memberships,
  notifications,
  participations,
  passwordResetTokens,
  recoveryCodes,
  sessions,
  totpAuthenticators,
  userIdentities,
  users,
} from '../../db/schema/index.ts';
import { recordEvent } from '../audit/queries.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { isValidCvr } from '../reference/identifiers.ts';
import { replaceEverywhere, textColumns } from './everywhere.ts';

/** What an erased user is called from now on; the id keeps it unique and lowercase. */
export const erasedEmail = (userId: string) => `slettet-${userId}@slettet.invalid`;
export const ERASED_USER_NAME = 'Slettet bruger';
export const ERASED_PARTICIPANT_NAME = 'Slettet deltager';

/** Lets this transaction rewrite past audit entries (see the audit migration). */
const allowAuditRewrite = (tx: Queryable) => tx.execute(sql`select set_config('klynge.erasure', 'on', true)`);

/** Replaces a whole JSON string value in the audit entries chosen by `where`. */
async function rewriteAuditValue(tx: Queryable, find: string, replaceWith: string, where: SQL) {
  const [from, to] = [JSON.stringify(find), JSON.stringify(replaceWith)];
  await tx
    .update(auditLog)
    .set({
      before: sql`replace(${auditLog.before}::text, ${from}, ${to})::jsonb`,
      after: sql`replace(${auditLog.after}::text, ${from}, ${to})::jsonb`,
    })
    .where(
      and(
        where,
        sql`strpos(coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, ''), ${from}) > 0`,
      ),
    );
}

export interface ErasureResult {
  /** Rows changed per table, for the administrator's receipt (no erased value in it). */
  changed: Record<string, number>;
}

/** Erases a user's personal data; refused for one's own account and for an account already erased. */
export async function eraseUser(db: Db, caller: Caller, userId: string, now: Date): Promise<ErasureResult> {
  authorize(caller.principal, 'personalData.manage');
  if (caller.principal.userId === userId) throw new AppError('conflict', 'cannot erase own account');
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  if (user.erasedAt) throw new AppError('conflict', 'already erased');
  return withActor(db, caller.actor, (tx) => eraseUserData(tx, caller.actor, user, now));
}

/** The erasure of a user in the caller's transaction (also the retention job's, for expired invitations). */
export async function eraseUserData(
  tx: Tx,
  actor: Actor,
  user: typeof users.$inferSelect,
  now: Date,
): Promise<ErasureResult> {
  const userId = user.id;
  const pseudonym = erasedEmail(userId);
  await allowAuditRewrite(tx);
  const changed: Record<string, number> = {};
  const count = (table: string, rows: unknown[]) => {
    if (rows.length > 0) changed[table] = (changed[table] ?? 0) + rows.length;
  };
  const byUser = <T extends { userId: unknown }>(t: T) => eq(t.userId as never, userId);
  for (const [name, table] of [
    ['memberships', memberships],
    ['sessions', sessions],
    ['password_reset_tokens', passwordResetTokens],
    ['user_identities', userIdentities],
    ['totp_authenticators', totpAuthenticators],
    ['recovery_codes', recoveryCodes],
  ] as const)
    count(name, await tx.delete(table).where(byUser(table)).returning());
  count(
    'notifications',
    await tx.delete(notifications).where(eq(notifications.recipientUserId, userId)).returning(),
  );
  await forgetAsClusterContact(tx, user.email, count);
  count(
    'funding_plan_comments',
    await tx
      .update(fundingPlanComments)
      .set({ authorName: ERASED_USER_NAME })
      .where(eq(fundingPlanComments.authorId, userId))
      .returning(),
  );
  // The e-mail is the actor label of everything the person did: replace it wherever it is.
  for (const [table, n] of Object.entries(
    await replaceEverywhere(tx, await textColumns(tx), {
      find: user.email,
      replaceWith: pseudonym,
      match: 'within',
    }),
  ))
    changed[table] = (changed[table] ?? 0) + n;
  count(
    'users',
    await tx
      .update(users)
      .set({
        email: pseudonym,
        name: ERASED_USER_NAME,
        passwordHash: null,
        invitedAt: null,
        disabledAt: now,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId))
      .returning(),
  );
  // The name, as a whole value, in the audit entries of the person's own acts and rows.
  const mentionsUser = sql`(${auditLog.actorUserId} = ${userId} or ${auditLog.entityId} = ${userId}
      or strpos(coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, ''), ${userId}) > 0)`;
  await rewriteAuditValue(tx, user.name, ERASED_USER_NAME, mentionsUser);
  // The entry of the update just made holds the old e-mail as its `before`.
  await rewriteAuditValue(tx, user.email, pseudonym, mentionsUser);
  await recordEvent(tx, {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    entity: 'users',
    entityId: userId,
    action: 'erase',
    requestId: actor.requestId,
    details: { erased: 'user', changed },
  });
  return { changed };
}

/** A cluster whose public contact was the person has no contact until its staff name another. */
async function forgetAsClusterContact(
  tx: Tx,
  email: string,
  count: (table: string, rows: unknown[]) => void,
) {
  count(
    'clusters',
    await tx
      .update(clusters)
      .set({ contactName: null, contactEmail: null, contactPhone: null })
      .where(sql`lower(${clusters.contactEmail}) = ${email}`)
      .returning(),
  );
  count(
    'cluster_profile_drafts',
    await tx
      .update(clusterProfileDrafts)
      .set({
        profile: sql`${clusterProfileDrafts.profile} || '{"contactName": null, "contactEmail": null, "contactPhone": null}'::jsonb`,
      })
      .where(sql`lower(${clusterProfileDrafts.profile}->>'contactEmail') = ${email}`)
      .returning(),
  );
}

/**
 * A pseudonymous company number: eight digits like a CVR number but failing its check digit, so
 * it is never a real company's, and used by no company yet.
 */
async function pseudonymousCvr(tx: Queryable): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(10_000_000, 100_000_000));
    if (isValidCvr(candidate)) continue;
    const [taken] = await tx
      .select({ cvr: companies.cvr })
      .from(companies)
      .where(eq(companies.cvr, candidate));
    if (!taken) return candidate;
  }
}

/**
 * Erases a participant's identifying data: its CVR number and the names it was reported under
 * become a pseudonym in every table (participations, the account's facts, delivery errors, the
 * audit log). Its size, municipality and industry stay: the account counts by them, and they do
 * not identify a person.
 */
export async function eraseParticipant(db: Db, caller: Caller, cvr: string): Promise<{ pseudonym: string }> {
  authorize(caller.principal, 'personalData.manage');
  const [company] = await db.select().from(companies).where(eq(companies.cvr, cvr));
  if (!company) throw notFound('participant');
  return withActor(db, caller.actor, async (tx) => {
    await allowAuditRewrite(tx);
    const names = await tx
      .selectDistinct({ name: participations.name })
      .from(participations)
      .where(eq(participations.cvr, cvr));
    const pseudonym = await pseudonymousCvr(tx);
    await tx.insert(companies).values({ ...company, cvr: pseudonym });
    await tx
      .update(participations)
      .set({ cvr: pseudonym, name: ERASED_PARTICIPANT_NAME })
      .where(eq(participations.cvr, cvr));
    await tx.delete(companies).where(eq(companies.cvr, cvr));
    // Elsewhere (delivery errors quoting them, the audit log) as whole values only: a number or
    // a name can occur inside other texts by chance. An organisation's own account is another
    // subject, erased through its users. Another participant of the same name keeps it, in its
    // rows and in the audit entries about it.
    const columns = await textColumns(tx);
    await replaceEverywhere(
      tx,
      columns,
      { find: cvr, replaceWith: pseudonym, match: 'whole' },
      new Set(['organisations']),
    );
    const aboutPseudonym = sql`(${auditLog.entityId} = ${pseudonym} or strpos(coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, ''), ${pseudonym}) > 0)`;
    for (const { name } of names) {
      await replaceEverywhere(
        tx,
        columns,
        { find: name, replaceWith: ERASED_PARTICIPANT_NAME, match: 'whole' },
        new Set(['organisations', 'participations', 'audit_log']),
      );
      await rewriteAuditValue(tx, name, ERASED_PARTICIPANT_NAME, aboutPseudonym);
    }
    await recordEvent(tx, {
      actorUserId: caller.actor.userId,
      actorLabel: caller.actor.label,
      entity: 'companies',
      entityId: pseudonym,
      action: 'erase',
      requestId: caller.actor.requestId,
      details: { erased: 'participant' },
    });
    return { pseudonym };
  });
}
