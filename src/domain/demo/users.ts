import type { memberships, role, users } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

export type Role = (typeof role.enumValues)[number];

/** The one password of every demo login; printed by `klynge seed --demo`. Never use it outside the demo. */
export const DEMO_PASSWORD = 'klynge-demo-2026';

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
];

export type UserRow = typeof users.$inferInsert;
export type MembershipRow = typeof memberships.$inferInsert;

/** Users and memberships for the demo logins; the caller hashes DEMO_PASSWORD once. */
export function buildUsers(passwordHash: string): { users: UserRow[]; memberships: MembershipRow[] } {
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
  return { users: rows.map((r) => r.user), memberships: rows.map((r) => r.membership) };
}
