/**
 * A cluster invites its member companies (issue 21): its staff give the company (by CVR) and an
 * e-mail address; the person gets a one-time link and, accepting it with their name and a
 * password, gets an account in that company (the one registered under the CVR, else a new one),
 * through the same sign-up as a company that signs up itself (signup.ts).
 */
import { eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { companySignups, organisations } from '../../db/schema/index.ts';
import { findUserByEmail, normaliseEmail } from '../accounts/queries.ts';
import { hashToken, newToken } from '../accounts/sessions.ts';
import type { Caller } from '../caller.ts';
import { parseInput } from '../errors.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';
import { invitationForm } from './schemas.ts';
import { invalid, refuseNonCompanyCvr, SIGNUP_TOKEN_TTL_MS } from './signup.ts';

/** How long an invitation works: longer than a sign-up's link, as the person did not ask for it. */
export const INVITATION_TTL_MS = 14 * SIGNUP_TOKEN_TTL_MS;

/** The clusters whose member companies the principal invites. */
export const invitingClusters = (p: Principal | null): string[] =>
  [...new Set((p?.memberships ?? []).map((m) => m.organisationId))].filter((organisationId) =>
    can(p, 'companyInvitations.send', { organisationId }),
  );

export interface Invitation {
  email: string;
  token: string;
  organisationName: string;
  clusterName: string;
}

/** Invites a member company for the caller's cluster; returns what the page mails. */
export async function inviteCompany(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
  clusterId: string | undefined = invitingClusters(caller.principal)[0],
): Promise<Invitation> {
  authorize(caller.principal, 'companyInvitations.send', { organisationId: clusterId });
  const data = parseInput(invitationForm, input);
  const email = normaliseEmail(data.email);
  await refuseNonCompanyCvr(db, data.cvr);
  if (await findUserByEmail(db, email)) throw invalid('email', 'emailTaken');
  const [cluster] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, clusterId as string));
  const token = newToken();
  await withActor(db, caller.actor, (tx) =>
    tx.insert(companySignups).values({
      tokenHash: hashToken(token),
      email,
      name: '',
      passwordHash: null,
      organisationName: data.organisationName,
      country: 'DK',
      cvr: data.cvr,
      municipalityCode: data.municipalityCode ?? null,
      invitedBy: clusterId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    }),
  );
  return { email, token, organisationName: data.organisationName, clusterName: cluster?.name ?? '' };
}
