/**
 * The workspace landing page of cluster staff: the clusters they work for, whether each
 * qualifies as significant and what it lacks, and what waits for them.
 */
import type { Queryable } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { evaluateQualification, type Qualification } from '../catalogue/qualification.ts';
import { type CatalogueEntry, catalogueEntries } from '../catalogue/queries.ts';
import { clustersInPeriod, fundingPeriods } from '../evaluation/midterm.ts';
import type { AttentionItem } from '../landing/attention.ts';
import { landingOf } from '../landing/landing.ts';
import { copenhagenDate } from '../reference/time.ts';

export interface WorkspaceCluster extends CatalogueEntry {
  qualification: Qualification;
  /** Funded in the latest funding period, so it has a mid-term evaluation page its staff may read. */
  hasEvaluation: boolean;
}

export interface Workspace {
  clusters: WorkspaceCluster[];
  /** What waits for the person (src/domain/landing). */
  attention: AttentionItem[];
}

/**
 * The workspace of a person who works for a cluster: the active clusters they work for, by name,
 * and what waits for them. Refused to others: it is cluster staff's landing page.
 */
export async function workspaceOf(db: Queryable, caller: Caller, now: Date): Promise<Workspace> {
  const { attention } = await landingOf(db, caller, 'workspace', now);
  const today = copenhagenDate(now);
  const own = clustersWorkedFor(caller.principal);
  const entries = await catalogueEntries(db, { today, organisationIds: own });
  const [period] = entries.length > 0 ? await fundingPeriods(db) : [];
  const evaluated = new Set(period ? (await clustersInPeriod(db, period)).map((c) => c.clusterId) : []);
  return {
    clusters: entries.map((e) => ({
      ...e,
      qualification: evaluateQualification(e),
      hasEvaluation: evaluated.has(e.organisationId),
    })),
    attention,
  };
}
