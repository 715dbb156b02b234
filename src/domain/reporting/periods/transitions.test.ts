import { describe, expect, it } from 'vitest';
import { type Principal, ROLES, type Role } from '../../policy/policy.ts';
import { CHECKS } from '../delivery/checks.ts';
import {
  availableActions,
  CLOSED_STATUSES,
  commentRequired,
  mayTransition,
  PERIOD_STATUSES,
  TRANSITIONS,
} from './transitions.ts';
import { currentReportingYear } from './years.ts';

const OWN = 'org-own';
const OTHER = 'org-other';
const principal = (role: Role): Principal => ({
  userId: `u-${role}`,
  memberships: [{ organisationId: OWN, role }],
});

const LETTER: Record<Role, string> = {
  admin: 'A',
  funder: 'F',
  assessor: 'S',
  cluster_staff: 'C',
  support_staff: 'P',
  business_service_staff: 'B',
  company_user: 'V',
  organisation_admin: 'O',
};

/**
 * The state machine written out by hand: who may move a period from → to when the user's own
 * organisation is the cluster (staff) or funds it that year (funders). Every pair not listed is
 * refused for everyone.
 */
const EXPECTED: Record<string, string> = {
  'open→submitted': 'C',
  'returned→submitted': 'C',
  'submitted→approved': 'AF',
  'submitted→returned': 'AF',
  'approved→locked': 'AF',
  'locked→open': 'AF',
};

describe('reporting period transitions: from × to × role', () => {
  for (const from of PERIOD_STATUSES) {
    for (const to of PERIOD_STATUSES) {
      for (const role of ROLES) {
        const allowed = (EXPECTED[`${from}→${to}`] ?? '').includes(LETTER[role]);
        it(`${role} ${allowed ? 'may' : 'may not'} move ${from} → ${to} on a cluster of their own / funded by them`, () => {
          expect(mayTransition(principal(role), from, to, { clusterId: OWN, fundedBy: [OWN] })).toBe(allowed);
        });
        // Someone else's cluster, funded by someone else: only admins keep their rights.
        const elsewhere = allowed && role === 'admin';
        it(`${role} ${elsewhere ? 'may' : 'may not'} move ${from} → ${to} on another cluster funded by others`, () => {
          expect(mayTransition(principal(role), from, to, { clusterId: OTHER, fundedBy: [OTHER] })).toBe(
            elsewhere,
          );
        });
      }
    }
  }

  it('refuses everything to a visitor', () => {
    for (const t of TRANSITIONS)
      expect(mayTransition(null, t.from, t.to, { clusterId: OWN, fundedBy: [OWN] })).toBe(false);
  });

  it('has one row per pair of statuses and one permission per action', () => {
    const pairs = TRANSITIONS.map((t) => `${t.from}→${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const t of TRANSITIONS)
      expect(
        TRANSITIONS.filter((u) => u.action === t.action).every((u) => u.permission === t.permission),
      ).toBe(true);
  });

  it('requires a comment to return a period and a reason to reopen one, and nothing else', () => {
    expect(
      ['submit', 'approve', 'return', 'lock', 'reopen'].filter((a) => commentRequired(a as never)),
    ).toEqual(['return', 'reopen']);
  });

  it('offers cluster staff Submit on open and returned years, and the funder the decisions', () => {
    const own = { clusterId: OWN, fundedBy: [OWN] };
    expect(availableActions(principal('cluster_staff'), 'open', own)).toEqual(['submit']);
    expect(availableActions(principal('cluster_staff'), 'returned', own)).toEqual(['submit']);
    expect(availableActions(principal('cluster_staff'), 'submitted', own)).toEqual([]);
    expect(availableActions(principal('funder'), 'submitted', own)).toEqual(['approve', 'return']);
    expect(availableActions(principal('funder'), 'approved', own)).toEqual(['lock']);
    expect(availableActions(principal('funder'), 'locked', own)).toEqual(['reopen']);
    expect(availableActions(principal('support_staff'), 'submitted', own)).toEqual([]);
  });

  it('closes exactly the statuses the import refuses deliveries for', () => {
    const check = CHECKS.find((c) => c.name === 'locked periods');
    const listed = /status in \(([^)]*)\)/.exec(check?.sql ?? '')?.[1] ?? '';
    expect(listed.split(',').map((s) => s.trim().replaceAll("'", ''))).toEqual([...CLOSED_STATUSES]);
  });

  it('takes the reporting year from the Danish calendar', () => {
    expect(currentReportingYear(new Date('2026-12-31T22:59:00Z'))).toBe(2026);
    expect(currentReportingYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });
});
