import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createOrganisation } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { clusters, fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { workspaceOf } from './landing.ts';

// Noon on 1 June 2025 in Denmark.
const NOW = new Date('2025-06-01T10:00:00Z');

let database: Database;
const ids: Record<'alpha' | 'beta' | 'gamma' | 'ended', string> = {
  alpha: '',
  beta: '',
  gamma: '',
  ended: '',
};

beforeAll(async () => {
  database = await createTestDatabase();
  const cvrs = { alpha: '31000017', beta: '31000025', gamma: '31000033', ended: '31000041' };
  for (const [name, cvr] of Object.entries(cvrs) as [keyof typeof ids, string][]) {
    ids[name] = (await createCluster(database.db, { cvr, name: `Klynge ${name}`, slug: `ws-${name}` })).id;
  }
  const funder = await createOrganisation(database.db, { kind: 'funder' });
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.update(clusters).set({ endedOn: '2024-12-31' }).where(eq(clusters.organisationId, ids.ended));
    // Alpha is a national cluster of 2021-2024 with a grant in it: it has a mid-term evaluation.
    await tx
      .update(clusters)
      .set({ nationalFrom: 2021, nationalTo: 2024 })
      .where(eq(clusters.organisationId, ids.alpha));
    await tx
      .insert(fundingGrants)
      .values({ funderId: funder.id, clusterId: ids.alpha, year: 2022, amountDkk: 1000 });
  });
});
afterAll(() => database?.close());

/** A caller who is cluster staff in each of `clusterIds` (memberships as the session loads them). */
async function staffOf(...clusterIds: string[]): Promise<Caller> {
  const base = await createCaller(database.db, 'cluster_staff', { organisationId: clusterIds[0] as string });
  const memberships = clusterIds.map((organisationId) => ({
    organisationId,
    role: 'cluster_staff' as const,
  }));
  return { ...base, principal: { ...base.principal, memberships } };
}

describe('workspaceOf', () => {
  it('lists the active clusters the caller works for, by name, and no other', async () => {
    const ws = await workspaceOf(database.db, await staffOf(ids.beta, ids.alpha, ids.ended), NOW);
    expect(ws.clusters.map((c) => c.name)).toEqual(['Klynge alpha', 'Klynge beta']);
    expect(ws.clusters.map((c) => c.hasEvaluation)).toEqual([true, false]);
    // The test clusters state no facts: none qualifies, and all five criteria are missing.
    expect(ws.clusters.map((c) => c.qualification.results.filter((r) => !r.passed).length)).toEqual([5, 5]);
    expect(ws.attention).toEqual([]);
  });

  it('is the landing page of cluster staff only: refused to every other role', async () => {
    for (const role of ['funder', 'support_staff', 'assessor', 'business_service_staff', 'admin'] as const)
      await expect(
        workspaceOf(database.db, await createCaller(database.db, role), NOW),
        role,
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
  });
});
