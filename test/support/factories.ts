import { randomBytes } from 'node:crypto';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { clusters, memberships, organisations, reportingPeriods, users } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/domain/accounts/passwords.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';

type OrganisationKind = (typeof organisations.kind.enumValues)[number];

const unique = () => randomBytes(4).toString('hex');

/** A valid CVR number, at random (a clash in one test file's database is about one in a million). */
export function randomCvr(): string {
  for (;;) {
    const cvr = completeCvr(String(1_000_000 + (randomBytes(4).readUInt32BE() % 9_000_000)));
    if (cvr) return cvr;
  }
}

export async function createOrganisation(
  db: Db,
  overrides: {
    kind?: OrganisationKind;
    name?: string;
    funderLevel?: 'national' | 'regional' | 'municipal';
    /** The seat, which places the organisation in a region. */
    municipalityCode?: number;
    /** The postal address, as written on letters. */
    address?: string;
  } = {},
) {
  const kind = overrides.kind ?? 'cluster_organisation';
  const name = overrides.name ?? `Test ${kind} ${unique()}`;
  const [org] = await withActor(db, systemActor('test'), (tx) =>
    tx
      .insert(organisations)
      .values({
        kind,
        name,
        slug: `test-${unique()}`,
        funderLevel: kind === 'funder' ? (overrides.funderLevel ?? 'national') : null,
        municipalityCode: overrides.municipalityCode ?? null,
        address: overrides.address ?? null,
      })
      .returning(),
  );
  if (!org) throw new Error('organisation not created');
  return org;
}

/** A cluster organisation with a CVR number and its cluster profile (regional league). */
export async function createCluster(
  db: Db,
  input: { cvr: string; name: string; slug: string; municipalityCode?: number },
) {
  return withActor(db, systemActor('test'), async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: 'cluster_organisation',
        name: input.name,
        slug: input.slug,
        cvr: input.cvr,
        municipalityCode: input.municipalityCode ?? null,
      })
      .returning();
    if (!org) throw new Error('organisation not created');
    await tx.insert(clusters).values({ organisationId: org.id, league: 'regional' });
    return org;
  });
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with a password and one role in an organisation (a new one of a fitting kind unless given). */
export async function createUser(db: Db, role: Role, opts: { organisationId?: string; email?: string } = {}) {
  const kindFor: Record<Role, OrganisationKind> = {
    admin: 'support_function',
    funder: 'funder',
    assessor: 'funder',
    cluster_staff: 'cluster_organisation',
    support_staff: 'support_function',
    business_service_staff: 'business_service',
    company_user: 'company',
    organisation_admin: 'cluster_organisation',
  };
  const organisationId = opts.organisationId ?? (await createOrganisation(db, { kind: kindFor[role] })).id;
  const email = opts.email ?? `${role.replace('_', '-')}-${unique()}@test.klyngeportalen.dk`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = await withActor(db, systemActor('test'), async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ email, name: `Test ${role}`, passwordHash })
      .returning();
    if (!u) throw new Error('user not created');
    await tx.insert(memberships).values({ userId: u.id, organisationId, role });
    return u;
  });
  return { ...user, organisationId, password: TEST_PASSWORD };
}

/** The cluster's year approved, so that its figures are official (public pages count only those). */
export async function approveYear(db: Db, clusterId: string, year: number) {
  await withActor(db, systemActor('test'), async (tx) => {
    await tx.insert(reportingPeriods).values({ clusterId, year, status: 'approved' });
  });
}
