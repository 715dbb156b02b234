import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy/policy.ts';
import {
  hasDataQualityPage,
  hasFundingArea,
  mayCheckDataQuality,
  mayDecideEvaluation,
  mayViewEvaluation,
  ownBenchmarkOrganisations,
} from './policy.ts';

const CLUSTER = 'org-cluster';
const FUNDER = 'org-funder';
const as = (...memberships: [string, Role][]): Principal => ({
  userId: 'u',
  memberships: memberships.map(([organisationId, role]) => ({ organisationId, role })),
});
const funded = { clusterId: CLUSTER, fundedBy: [FUNDER] };
const unfunded = { clusterId: CLUSTER, fundedBy: ['org-elsewhere'] };

describe('evaluation rules', () => {
  // Written out by hand: [who, view funded, decide funded, view unfunded, funding area, data-quality page].
  const TABLE: [string, Principal, boolean, boolean, boolean, boolean, boolean][] = [
    ['a funder of the cluster', as([FUNDER, 'funder']), true, true, false, true, true],
    ['an admin', as(['org-admin', 'admin']), true, true, true, true, true],
    ['the cluster’s staff', as([CLUSTER, 'cluster_staff']), true, false, true, false, true],
    ['another cluster’s staff', as(['org-x', 'cluster_staff']), false, false, false, false, true],
    ['an assessor at the funder', as([FUNDER, 'assessor']), false, false, false, false, false],
    ['support staff', as(['org-ced', 'support_staff']), false, false, false, false, false],
  ];
  for (const [who, p, view, decide, viewUnfunded, area, quality] of TABLE)
    it(`applies to ${who}`, () => {
      expect(mayViewEvaluation(p, funded)).toBe(view);
      expect(mayDecideEvaluation(p, funded)).toBe(decide);
      expect(mayViewEvaluation(p, unfunded)).toBe(viewUnfunded);
      expect(mayCheckDataQuality(p, funded)).toBe(view);
      expect(hasFundingArea(p)).toBe(area);
      expect(hasDataQualityPage(p)).toBe(quality);
    });

  it('benchmarks the organisations where the principal is cluster staff, each once, in membership order', () => {
    const p = as(['b', 'cluster_staff'], [FUNDER, 'funder'], ['a', 'cluster_staff'], ['b', 'cluster_staff']);
    expect(ownBenchmarkOrganisations(p)).toEqual(['b', 'a']);
    expect(ownBenchmarkOrganisations(as(['org-ced', 'support_staff']))).toEqual([]);
  });
});
