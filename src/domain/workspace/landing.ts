/**
 * The workspace landing page of a signed-in person: the clusters they work for, whether each
 * qualifies as significant and what it lacks, and which workspace tools they may use.
 */
import type { Queryable } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { evaluateQualification, type Qualification } from '../catalogue/qualification.ts';
import { type CatalogueEntry, catalogueEntries } from '../catalogue/queries.ts';
import { clustersInPeriod, fundingPeriods } from '../evaluation/midterm.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

export interface WorkspaceCluster extends CatalogueEntry {
  qualification: Qualification;
  /** Funded in the latest funding period, so it has a mid-term evaluation page its staff may read. */
  hasEvaluation: boolean;
}

export interface Workspace {
  clusters: WorkspaceCluster[];
  /** Whether the person manages API tokens for one of their organisations. */
  manageApiTokens: boolean;
}

const managesApiTokens = (p: Principal) =>
  p.memberships.some((m) => can(p, 'apiTokens.manage', { organisationId: m.organisationId }));

/** Every signed-in person has a workspace; it lists the active clusters they work for, by name. */
export async function workspaceOf(db: Queryable, caller: Caller, today: string): Promise<Workspace> {
  const principal = authorize(caller.principal, 'account.view');
  const own = clustersWorkedFor(principal);
  const entries = own.length > 0 ? await catalogueEntries(db, { today, organisationIds: own }) : [];
  const [period] = entries.length > 0 ? await fundingPeriods(db) : [];
  const evaluated = new Set(period ? (await clustersInPeriod(db, period)).map((c) => c.clusterId) : []);
  return {
    clusters: entries.map((e) => ({
      ...e,
      qualification: evaluateQualification(e),
      hasEvaluation: evaluated.has(e.organisationId),
    })),
    manageApiTokens: managesApiTokens(principal),
  };
}
