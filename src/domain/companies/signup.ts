/**
 * A company's own sign-up (issue 21): the person fills in the form, gets a one-time link by
 * e-mail (only its SHA-256 is kept; it expires), and opening it creates their account with the
 * role `company_user` in the company: a new organisation of kind `company`, or the one already
 * registered under the CVR. Nothing exists before the address is verified. The person acts on
 * their own behalf, so the audit log names them by their e-mail, as a password reset does.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { companyProfiles, companySignups, memberships, organisations, users } from '../../db/schema/index.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { findUserByEmail, normaliseEmail } from '../accounts/queries.ts';
import { hashToken, newToken } from '../accounts/sessions.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError, parseInput } from '../errors.ts';
import { acceptInvitationForm, signupForm } from './schemas.ts';

/** How long the verification link works. */
export const SIGNUP_TOKEN_TTL_MS = 24 * 3600_000;

export type SignupRequest =
  | { outcome: 'verify'; email: string; name: string; token: string }
  /** The address has an account already: the person is told so by e-mail, not on the page. */
  | { outcome: 'exists'; email: string; name: string };

export const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** Refuses a CVR registered to an organisation that is not a company (a cluster, a funder). */
export async function refuseNonCompanyCvr(tx: Tx | Db, cvr: string | undefined): Promise<string | null> {
  if (!cvr) return null;
  const [found] = await tx
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.cvr, cvr));
  if (found && found.kind !== 'company') throw invalid('cvr', 'cvrNotCompany');
  return found?.id ?? null;
}

/** Records a sign-up and returns the token to mail; the page answers the same either way. */
export async function requestSignup(
  db: Db,
  input: unknown,
  now: Date,
  requestId?: string,
): Promise<SignupRequest> {
  const data = parseInput(signupForm, input);
  const email = normaliseEmail(data.email);
  await refuseNonCompanyCvr(db, data.cvr);
  const existing = await findUserByEmail(db, email);
  if (existing) return { outcome: 'exists', email, name: existing.name };
  const token = newToken();
  const passwordHash = await hashPassword(data.password);
  const dk = data.country === 'DK';
  await withActor(db, { userId: null, label: email, requestId }, (tx) =>
    tx.insert(companySignups).values({
      tokenHash: hashToken(token),
      email,
      name: data.name,
      passwordHash,
      organisationName: data.organisationName,
      country: data.country,
      cvr: dk ? (data.cvr ?? null) : null,
      registrationNumber: dk ? null : (data.registrationNumber ?? null),
      municipalityCode: dk ? (data.municipalityCode ?? null) : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGNUP_TOKEN_TTL_MS),
    }),
  );
  return { outcome: 'verify', email, name: data.name, token };
}

type PendingSignup = typeof companySignups.$inferSelect;
/** A sign-up ready to become an account: an invitation's person has given a name and password. */
type CompleteSignup = PendingSignup & { passwordHash: string };

/** Uses the sign-up up and creates its person as a company user of `organisationId`. */
async function createAccount(tx: Tx, signup: CompleteSignup, organisationId: string, now: Date) {
  // The conditional update makes the link work once even when two requests race.
  const used = await tx
    .update(companySignups)
    .set({ verifiedAt: now })
    .where(and(eq(companySignups.id, signup.id), isNull(companySignups.verifiedAt)))
    .returning({ id: companySignups.id });
  if (used.length === 0) throw invalid('token', 'invalidToken');
  const [user] = await tx
    .insert(users)
    .values({
      email: signup.email,
      name: signup.name,
      passwordHash: signup.passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no user');
  await tx.insert(memberships).values({ userId: user.id, organisationId, role: 'company_user' });
  return { userId: user.id, organisationId, email: signup.email };
}

/** A new company from a sign-up, with its partner profile, and the account in it: one transaction. */
async function createCompanyAndAccount(db: Db, actor: Actor, signup: CompleteSignup, now: Date) {
  let account: Awaited<ReturnType<typeof createAccount>> | undefined;
  await insertWithSlug(db, actor, organisations, signup.organisationName, async (tx, slug) => {
    const [row] = await tx
      .insert(organisations)
      .values({
        kind: 'company',
        name: signup.organisationName,
        slug,
        cvr: signup.cvr,
        municipalityCode: signup.municipalityCode,
      })
      .returning({ id: organisations.id });
    if (!row) throw new Error('insert returned no organisation');
    await tx.insert(companyProfiles).values({
      organisationId: row.id,
      country: signup.country,
      registrationNumber: signup.registrationNumber,
    });
    account = await createAccount(tx, signup, row.id, now);
  });
  if (!account) throw new Error('sign-up created no account');
  return account;
}

/** A sign-up whose link still works: not used, not expired. */
async function openSignup(db: Db, token: string, now: Date): Promise<PendingSignup | null> {
  const [signup] = await db
    .select()
    .from(companySignups)
    .where(
      and(
        eq(companySignups.tokenHash, hashToken(token)),
        isNull(companySignups.verifiedAt),
        gt(companySignups.expiresAt, now),
      ),
    );
  return signup ?? null;
}

/** What a link's page shows: the company, and whether it is an invitation (the person sets a password). */
export async function pendingSignup(db: Db, token: string, now: Date) {
  const signup = await openSignup(db, token, now);
  return signup
    ? { organisationName: signup.organisationName, invitation: signup.passwordHash === null }
    : null;
}

/**
 * The person's name and password hash: from the sign-up, or for an invitation from what the
 * person gives on accepting it.
 */
async function personOfSignup(signup: PendingSignup, acceptance: unknown) {
  if (signup.passwordHash !== null) return { name: signup.name, passwordHash: signup.passwordHash };
  const data = parseInput(acceptInvitationForm, acceptance);
  return { name: data.name, passwordHash: await hashPassword(data.password) };
}

/**
 * Verifies a sign-up by its one-time token: creates the person's account in their company (the
 * one registered under the CVR, else a new one) and uses the token up. An unknown, used or
 * expired token is a validation error on `token`. An invitation takes the person's name and
 * password (`acceptance`) too.
 */
export async function verifySignup(
  db: Db,
  token: string,
  now: Date,
  requestId?: string,
  acceptance?: unknown,
): Promise<{ userId: string; organisationId: string; email: string }> {
  const found = await openSignup(db, token, now);
  if (!found) throw invalid('token', 'invalidToken');
  if (await findUserByEmail(db, found.email)) throw invalid('token', 'emailTaken');
  const signup = { ...found, ...(await personOfSignup(found, acceptance)) };
  const actor: Actor = { userId: null, label: signup.email, requestId };
  const known = await refuseNonCompanyCvr(db, signup.cvr ?? undefined);
  if (!known) return createCompanyAndAccount(db, actor, signup, now);
  return withActor(db, actor, (tx) => createAccount(tx, signup, known, now));
}
