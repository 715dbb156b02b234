/**
 * One user as an administrator sees them: memberships, sessions, second factor and linked
 * identities, with what the administrator may do about each (end sessions, reset the second
 * factor, unlink an identity, export or erase the person's data; those commands live beside
 * their data and check the policy themselves).
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize, can, type Role } from '../policy/policy.ts';
import { identitiesOf, type LinkedIdentity } from './identities.ts';
import { grantableRoles, type OrganisationKind } from './memberships.ts';
import { type SecondFactorStatus, secondFactorStatus } from './second-factor.ts';

export interface UserDetail {
  id: string;
  name: string;
  email: string;
  invitedAt: Date | null;
  erasedAt: Date | null;
  hasPassword: boolean;
  /** Each role held, with the roles the administrator may change it to there (the user's page offers them). */
  memberships: { organisationId: string; organisationName: string; role: Role; grantable: readonly Role[] }[];
  sessions: { active: number; lastSeenAt: Date | null };
  secondFactor: SecondFactorStatus;
  identities: LinkedIdentity[];
  /** The administrator may export and erase this person's data (never their own account's erasure). */
  mayManagePersonalData: boolean;
  isSelf: boolean;
}

export async function userDetail(
  db: Queryable,
  caller: Caller,
  userId: string,
  now: Date,
): Promise<UserDetail> {
  authorize(caller.principal, 'users.manage');
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  const [memberships, [sessionFacts], secondFactor, identities] = await Promise.all([
    queryRows<Omit<UserDetail['memberships'][number], 'grantable'> & { kind: OrganisationKind }>(
      db,
      sql`select o.id as "organisationId", o.name as "organisationName", m.role, o.kind
          from memberships m join organisations o on o.id = m.organisation_id
          where m.user_id = ${userId} order by o.name, m.role`,
    ),
    db
      .select({
        active: sql<number>`count(*)::int`,
        lastSeenAt: sql<Date | null>`max(${sessions.lastSeenAt})`,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))),
    secondFactorStatus(db, userId),
    identitiesOf(db, userId),
  ]);
  const lastSeen = sessionFacts?.lastSeenAt;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    invitedAt: user.invitedAt,
    erasedAt: user.erasedAt,
    hasPassword: user.passwordHash !== null,
    memberships: memberships.map(({ kind, ...m }) => ({
      ...m,
      grantable: grantableRoles(caller.principal, kind),
    })),
    sessions: {
      active: sessionFacts?.active ?? 0,
      lastSeenAt: lastSeen ? new Date(lastSeen) : null,
    },
    secondFactor,
    identities,
    mayManagePersonalData: can(caller.principal, 'personalData.manage'),
    isSelf: caller.principal.userId === userId,
  };
}
