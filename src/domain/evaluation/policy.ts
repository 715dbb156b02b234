/**
 * Who sees which cluster's evaluation, benchmark and data quality, composed of the policy
 * module's rules. Funders see and decide only for the clusters they fund in the period or year;
 * a cluster's own staff read theirs; admins all; the support function benchmarks every cluster.
 */
import { can, type Principal } from '../policy/policy.ts';

/** A cluster as the rules see it: its organisation and the funders that fund it in the period or year. */
export interface FundedCluster {
  clusterId: string;
  fundedBy: readonly string[];
}

const target = (cl: FundedCluster) => ({ organisationId: cl.clusterId, fundedBy: cl.fundedBy });

/** Funders and admins have the funding area, with the evaluation overview and its rules. */
export const hasFundingArea = (p: Principal) => can(p, 'funding.view');

export const mayViewEvaluation = (p: Principal, cl: FundedCluster) => can(p, 'evaluations.view', target(cl));

export const mayDecideEvaluation = (p: Principal, cl: FundedCluster) =>
  can(p, 'evaluations.decide', target(cl));

export const mayConfigureEvaluations = (p: Principal) => can(p, 'evaluations.configure');

export const mayCheckDataQuality = (p: Principal, cl: FundedCluster) =>
  can(p, 'dataQuality.view', target(cl));

/** A data-quality page is for the funding area and for staff of a cluster whose data they may check. */
export const hasDataQualityPage = (p: Principal) =>
  hasFundingArea(p) ||
  p.memberships.some((m) => can(p, 'dataQuality.view', { organisationId: m.organisationId }));

/** The organisations whose own benchmark the principal sees, each once, in membership order. */
export function ownBenchmarkOrganisations(p: Principal): string[] {
  const ids = p.memberships
    .map((m) => m.organisationId)
    .filter((id) => can(p, 'benchmarking.viewOwn', { organisationId: id }));
  return [...new Set(ids)];
}

export const mayBenchmarkAll = (p: Principal) => can(p, 'benchmarking.viewAll');
