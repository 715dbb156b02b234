import { describe, expect, it } from 'vitest';
import { systemCaller } from '../caller.ts';
import { type Principal, ROLES, type Role, tokenPrincipal } from '../policy/policy.ts';
import {
  authorizeReminders,
  deliveryReaders,
  deliveryRights,
  followedFunders,
  mayDeliver,
  mayViewDelivery,
  readableClusters,
  submittingClusters,
  tokenOrganisations,
  writableClusters,
} from './policy.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const principal = (role: Role): Principal => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role }],
});

/** What a rule answers, or the code of the error it throws. */
function outcome(rule: () => unknown): unknown {
  try {
    return rule();
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

/**
 * The reporting rules written out by hand, per role with one membership in OWN: null = every
 * organisation, a list = those, a string = the refusal.
 */
const EXPECTED: Record<
  Role,
  {
    readable: unknown;
    writable: string[];
    rights: unknown;
    readers: unknown;
    tokens: unknown;
    followed: unknown;
    submitting: unknown;
  }
> = {
  admin: {
    readable: null,
    writable: [],
    rights: 'forbidden',
    readers: null,
    tokens: null,
    followed: null,
    submitting: 'forbidden',
  },
  funder: {
    readable: null,
    writable: [],
    rights: 'forbidden',
    readers: null,
    tokens: [OWN],
    followed: [OWN],
    submitting: 'forbidden',
  },
  assessor: {
    readable: 'forbidden',
    writable: [],
    rights: 'forbidden',
    readers: [],
    tokens: [],
    followed: 'forbidden',
    submitting: 'forbidden',
  },
  cluster_staff: {
    readable: [OWN],
    writable: [OWN],
    rights: { clusters: [OWN], mayRegisterClusters: false },
    readers: [OWN],
    tokens: [OWN],
    followed: 'forbidden',
    submitting: [OWN],
  },
  support_staff: {
    readable: null,
    writable: [],
    rights: 'forbidden',
    readers: null,
    tokens: [],
    followed: null,
    submitting: 'forbidden',
  },
  business_service_staff: {
    readable: 'forbidden',
    writable: [],
    rights: 'forbidden',
    readers: [],
    tokens: [],
    followed: 'forbidden',
    submitting: 'forbidden',
  },
  company_user: {
    readable: 'forbidden',
    writable: [],
    rights: 'forbidden',
    readers: [],
    tokens: [],
    followed: 'forbidden',
    submitting: 'forbidden',
  },
  organisation_admin: {
    readable: 'forbidden',
    writable: [],
    rights: 'forbidden',
    readers: [],
    tokens: [],
    followed: 'forbidden',
    submitting: 'forbidden',
  },
};

describe('reporting policy: role × rule', () => {
  for (const role of ROLES) {
    const p = principal(role);
    const e = EXPECTED[role];
    it(`${role}: reads, reports for, delivers, sees deliveries of, manages tokens of, follows, submits`, () => {
      expect(outcome(() => readableClusters(p))).toEqual(e.readable);
      expect(writableClusters(p)).toEqual(e.writable);
      expect(outcome(() => deliveryRights(p))).toEqual(e.rights);
      expect(mayDeliver(p)).toBe(e.writable.length > 0);
      expect(outcome(() => deliveryReaders(p))).toEqual(e.readers);
      expect(outcome(() => tokenOrganisations(p))).toEqual(e.tokens);
      expect(outcome(() => followedFunders(p))).toEqual(e.followed);
      expect(outcome(() => submittingClusters(p))).toEqual(e.submitting);
      expect(outcome(() => authorizeReminders(p))).toBe('forbidden');
    });
  }

  it('refuses a visitor as unauthenticated, and lets it deliver or see nothing', () => {
    for (const rule of [
      readableClusters,
      deliveryRights,
      deliveryReaders,
      tokenOrganisations,
      submittingClusters,
    ])
      expect(outcome(() => rule(null))).toBe('unauthenticated');
    expect(writableClusters(null)).toEqual([]);
    expect(mayDeliver(null)).toBe(false);
    expect(mayViewDelivery(null, { organisationId: OWN, clusterIds: [OWN] })).toBe(false);
  });

  it('shows a delivery to whoever reads the activities of its sender or of a cluster in it', () => {
    const bySender = { organisationId: OWN, clusterIds: [OTHER] };
    const forCluster = { organisationId: null, clusterIds: [OWN] };
    const elsewhere = { organisationId: OTHER, clusterIds: [OTHER] };
    // The command line's rejected delivery: no sender, no cluster read from it.
    const anonymous = { organisationId: null, clusterIds: [] };
    const seen = (role: Role) =>
      [bySender, forCluster, elsewhere, anonymous].map((d) => mayViewDelivery(principal(role), d));
    expect(seen('cluster_staff')).toEqual([true, true, false, false]);
    for (const role of ['admin', 'funder', 'support_staff'] as const)
      expect(seen(role), role).toEqual([true, true, true, true]);
    for (const role of ['assessor', 'business_service_staff'] as const)
      expect(seen(role), role).toEqual([false, false, false, false]);
  });

  it('gives the system the command line’s rights, and them only to the principal systemCaller made', () => {
    const system = systemCaller('test');
    expect(system.actor).toEqual({ userId: null, label: 'system:test' });
    expect(deliveryRights(system.principal)).toEqual({ clusters: null, mayRegisterClusters: true });
    expect(mayDeliver(system.principal)).toBe(true);
    expect(() => authorizeReminders(system.principal)).not.toThrow();
    // It reads nothing through the policy module, and a look-alike is nobody.
    expect(outcome(() => readableClusters(system.principal))).toBe('forbidden');
    const lookAlike: Principal = { userId: 'system:test', memberships: [] };
    expect(outcome(() => deliveryRights(lookAlike))).toBe('forbidden');
    expect(outcome(() => authorizeReminders(lookAlike))).toBe('forbidden');
    expect(Object.isFrozen(system.principal)).toBe(true);
  });

  it("lets an API token deliver for its own cluster only, and a funder's token read all", () => {
    const cluster = tokenPrincipal({
      id: 't1',
      organisationId: OWN,
      organisationKind: 'cluster_organisation',
    });
    const funder = tokenPrincipal({ id: 't2', organisationId: OWN, organisationKind: 'funder' });
    const hub = tokenPrincipal({ id: 't3', organisationId: OWN, organisationKind: 'business_service' });
    expect(deliveryRights(cluster)).toEqual({ clusters: [OWN], mayRegisterClusters: false });
    expect(readableClusters(cluster)).toEqual([OWN]);
    expect(outcome(() => deliveryRights(funder))).toBe('forbidden');
    expect(readableClusters(funder)).toBeNull();
    expect(outcome(() => deliveryRights(hub))).toBe('forbidden');
    expect(deliveryReaders(hub)).toEqual([]);
  });

  it('counts an organisation once when a person has two roles in it', () => {
    const twoHats: Principal = {
      userId: 'u',
      memberships: [
        { organisationId: OWN, role: 'cluster_staff' },
        { organisationId: OWN, role: 'funder' },
        { organisationId: OTHER, role: 'cluster_staff' },
      ],
    };
    expect(writableClusters(twoHats)).toEqual([OWN, OTHER]);
    expect(deliveryRights(twoHats)).toEqual({ clusters: [OWN, OTHER], mayRegisterClusters: false });
    expect(tokenOrganisations(twoHats)).toEqual([OWN, OTHER]);
  });
});
