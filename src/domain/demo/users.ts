import type { memberships, role, totpAuthenticators, users } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { PRIVILEGED_ROLES } from '../policy/policy.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

export type Role = (typeof role.enumValues)[number];

/** The one password of every demo login; printed by `klynge seed --demo`. Never use it outside the demo. */
export const DEMO_PASSWORD = 'klynge-demo-2026';

/**
 * The TOTP secret (base32) of the demo logins whose role needs two-step login (admin, funder):
 * printed by `npm start` with the logins and shown on the demo's login page, so the demo stays
 * usable with any authenticator app. Never use it outside the demo.
 */
export const DEMO_TOTP_SECRET = 'KLYNGEDEMOKLYNGEDEMOKLYNGEDEMO22';

export interface DemoLogin {
  role: Role;
  email: string;
  /** Name of the organisation the role is held in. */
  organisation: string;
  name: string;
}

/**
 * One login per role. The administrator sits in the support function, which runs the common
 * website for Danish clusters (seed 002).
 */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    role: 'admin',
    email: 'admin@demo.klyngeportalen.dk',
    organisation: 'Cluster Excellence Denmark',
    name: 'Anne Administrator',
  },
  {
    role: 'funder',
    email: 'funder@demo.klyngeportalen.dk',
    organisation: 'Uddannelses- og Forskningsministeriet',
    name: 'Frederik Fondsen',
  },
  {
    role: 'assessor',
    email: 'assessor@demo.klyngeportalen.dk',
    organisation: 'Danmarks Erhvervsfremmebestyrelse',
    name: 'Birgitte Bedømmer',
  },
  {
    role: 'cluster_staff',
    email: 'klynge@demo.klyngeportalen.dk',
    organisation: 'Odense Robotics',
    name: 'Kasper Klyngesen',
  },
  {
    role: 'support_staff',
    email: 'support@demo.klyngeportalen.dk',
    organisation: 'Cluster Excellence Denmark',
    name: 'Sofie Supportsen',
  },
  {
    role: 'business_service_staff',
    email: 'erhvervshus@demo.klyngeportalen.dk',
    organisation: 'Erhvervshus Fyn',
    name: 'Erik Erhvervshus',
  },
  {
    role: 'company_user',
    email: 'virksomhed@demo.klyngeportalen.dk',
    organisation: 'Fynsk Robotteknik ApS (syntetisk)',
    name: 'Vibeke Virksomhed',
  },
];

export type UserRow = typeof users.$inferInsert;
export type MembershipRow = typeof memberships.$inferInsert;
export type AuthenticatorRow = typeof totpAuthenticators.$inferInsert;

/** Whether the demo login must use two-step login, and so has the demo authenticator. */
export const demoNeedsSecondFactor = (login: DemoLogin) => PRIVILEGED_ROLES.includes(login.role);

/**
 * Users and memberships for the demo logins, and the demo authenticator of those whose role
 * needs two-step login; the caller hashes DEMO_PASSWORD once.
 */
export function buildUsers(passwordHash: string): {
  users: UserRow[];
  memberships: MembershipRow[];
  authenticators: AuthenticatorRow[];
} {
  const rows = DEMO_LOGINS.map((login) => ({
    user: {
      id: demoUuid(`user:${login.email}`),
      email: login.email,
      name: login.name,
      passwordHash,
      locale: 'da',
    },
    membership: {
      userId: demoUuid(`user:${login.email}`),
      organisationId: organisationId(slugFromTitle(login.organisation)),
      role: login.role,
    },
  }));
  return {
    users: rows.map((r) => r.user),
    memberships: rows.map((r) => r.membership),
    authenticators: DEMO_LOGINS.filter(demoNeedsSecondFactor).map((login) => ({
      userId: demoUuid(`user:${login.email}`),
      secret: DEMO_TOTP_SECRET,
      confirmedAt: new Date('2026-01-01T00:00:00Z'),
    })),
  };
}
