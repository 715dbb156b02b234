/**
 * The first administrator of a new installation (`klynge init`). Nobody can sign in yet, so no
 * caller can be judged by the policy: the rule is the state of the database instead. It creates
 * an administrator only while none exists, and the operator running the command line acts as the
 * system in the audit log.
 */
import { eq, sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { AppError } from '../errors.ts';
import { issuePasswordResetToken } from './commands.ts';
import { normaliseEmail } from './queries.ts';
import { firstAdministratorInput } from './schemas.ts';

/** The administrator's organisation when none is named: the platform's own operator. */
export const DEFAULT_ADMIN_ORGANISATION = 'Klyngeportalen';

export interface FirstAdministrator {
  email: string;
  organisationName: string;
  /** The one-time token of the set-password link (valid as long as a password reset link). */
  token: string;
}

/**
 * Creates the first administrator, without a password, as a member of the named organisation
 * (created as the support function when no organisation has that name), and returns a one-time
 * token to set the password. Refuses with `conflict` when an administrator exists.
 */
export async function createFirstAdministrator(
  db: Db,
  input: { email: string; name?: string | undefined; organisation?: string | undefined },
  now: Date,
): Promise<FirstAdministrator> {
  const parsed = firstAdministratorInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      'invalid first administrator',
      parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
    );
  }
  const email = normaliseEmail(parsed.data.email);
  const organisationName = parsed.data.organisation ?? DEFAULT_ADMIN_ORGANISATION;
  return withActor(db, systemActor('init'), async (tx) => {
    // Two inits at once must not both find no administrator: they take turns here.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('klynge.init'))`);
    const [admin] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.role, 'admin'))
      .limit(1);
    if (admin) throw new AppError('conflict', 'an administrator already exists');
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) {
      throw new AppError('conflict', 'a user with that e-mail exists', [
        { field: 'email', message: 'emailTaken' },
      ]);
    }
    const organisationId = await organisationNamed(tx, organisationName);
    const [user] = await tx
      .insert(users)
      .values({ email, name: parsed.data.name ?? email })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no user');
    await tx.insert(memberships).values({ userId: user.id, organisationId, role: 'admin' });
    const reset = await issuePasswordResetToken(tx, email, now);
    if (!reset) throw new Error('new administrator has no reset token');
    return { email, organisationName, token: reset.token };
  });
}

/** The organisation with that name, or a new support-function organisation of that name. */
async function organisationNamed(tx: Tx, name: string) {
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name))
    .limit(1);
  if (existing) return existing.id;
  const slug = slugFromTitle(name);
  const [bySlug] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (bySlug) {
    throw new AppError('conflict', 'another organisation has that address', [
      { field: 'organisation', message: 'slugTaken' },
    ]);
  }
  const [created] = await tx
    .insert(organisations)
    .values({ kind: 'support_function', name, slug })
    .returning({ id: organisations.id });
  if (!created) throw new Error('insert returned no organisation');
  return created.id;
}
