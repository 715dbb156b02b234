import { describe, expect, it } from 'vitest';
import { systemCaller } from '../caller.ts';
import type { Principal, Role } from '../policy/policy.ts';
import {
  authorizeSystemJob,
  mayViewReferral,
  type ReferralStanding,
  type ReferralStatus,
  referralPermissions,
  referringOrganisations,
} from './policy.ts';

const HUB = 'org-hub';
const CLUSTER = 'org-cluster';
const as = (role: Role, organisationId: string): Principal => ({
  userId: 'u',
  memberships: [{ organisationId, role }],
});
const hubAdvisor = as('business_service_staff', HUB);
const clusterStaff = as('cluster_staff', CLUSTER);
const toCluster = (status: ReferralStatus): ReferralStanding => ({
  fromOrganisationId: HUB,
  toOrganisationId: CLUSTER,
  status,
});
const toOutsideActor = (status: ReferralStatus): ReferralStanding => ({
  fromOrganisationId: CLUSTER,
  toOrganisationId: null,
  status,
});

/** Written out by hand: the steps [accept, decline, contact, outcome] each side may take in each status. */
const STEPS: [ReferralStatus, string, string][] = [
  // status, recipient, sender
  ['sent', 'AD--', '----'],
  ['accepted', '--C-', '----'],
  ['contacted', '---O', '----'],
  ['declined', '----', '----'],
  ['completed', '----', '----'],
];
const letters = (p: ReturnType<typeof referralPermissions>) =>
  `${p.accept ? 'A' : '-'}${p.decline ? 'D' : '-'}${p.recordContact ? 'C' : '-'}${p.recordOutcome ? 'O' : '-'}`;

describe('referral rules', () => {
  for (const [status, recipient, sender] of STEPS)
    it(`in status ${status} the recipient may ${recipient} and the sender ${sender}`, () => {
      expect(letters(referralPermissions(clusterStaff, toCluster(status)))).toBe(recipient);
      expect(letters(referralPermissions(hubAdvisor, toCluster(status)))).toBe(sender);
    });

  it('lets the sender record the outcome of a referral to an outside actor, which nobody answers', () => {
    expect(letters(referralPermissions(clusterStaff, toOutsideActor('sent')))).toBe('---O');
    expect(letters(referralPermissions(clusterStaff, toOutsideActor('completed')))).toBe('----');
    expect(letters(referralPermissions(hubAdvisor, toOutsideActor('sent')))).toBe('----');
  });

  it('shows a referral to its two sides only', () => {
    expect(mayViewReferral(hubAdvisor, toCluster('sent'))).toBe(true);
    expect(mayViewReferral(clusterStaff, toCluster('sent'))).toBe(true);
    for (const role of ['admin', 'funder', 'support_staff', 'assessor'] as const) {
      expect(mayViewReferral(as(role, HUB), toCluster('sent'))).toBe(false);
      expect(mayViewReferral(as(role, CLUSTER), toCluster('sent'))).toBe(false);
    }
    expect(mayViewReferral(as('cluster_staff', 'org-other'), toCluster('sent'))).toBe(false);
    expect(mayViewReferral(null, toCluster('sent'))).toBe(false);
  });

  it('lists the organisations a person refers for', () => {
    const twoHats: Principal = {
      userId: 'u',
      memberships: [
        { organisationId: HUB, role: 'business_service_staff' },
        { organisationId: 'org-funder', role: 'funder' },
        { organisationId: CLUSTER, role: 'cluster_staff' },
      ],
    };
    expect(referringOrganisations(twoHats)).toEqual([HUB, CLUSTER]);
    expect(referringOrganisations(as('admin', HUB))).toEqual([]);
    expect(referringOrganisations(null)).toEqual([]);
  });

  it('leaves reminders and the retention rule to the system', () => {
    expect(() => authorizeSystemJob(systemCaller('test').principal, 'retention')).not.toThrow();
    expect(() => authorizeSystemJob(as('admin', HUB), 'retention')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    // A look-alike principal is not the system: the system is known by identity.
    expect(() => authorizeSystemJob({ userId: 'system:test', memberships: [] }, 'retention')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
