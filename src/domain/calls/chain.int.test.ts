import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { afterDeadline, assessedChainCall } from '../../../test/support/calls.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { chainOf, createGrants, finishAllocation, recommend, signOffRecommendation } from './chain.ts';
import { allocate, decideCall } from './decision.ts';
import { callSetupInput } from './schemas.ts';

const at = afterDeadline;

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** A joint call of the board (owner) and the ministry (a co-funder and, by default, the decider), assessed. */
async function assessedJointCall(withDecider = true) {
  const db = database.db;
  const board = await createOrganisation(db, { kind: 'funder', name: 'Bestyrelsen' });
  const ministry = await createOrganisation(db, { kind: 'funder', name: 'Ministeriet' });
  const owner = await createCaller(db, 'funder', { organisationId: board.id });
  const minister = await createCaller(db, 'funder', { organisationId: ministry.id });
  const parties = {
    owner,
    ownerId: board.id,
    coFunderId: ministry.id,
    deciderId: withDecider ? ministry.id : null,
  };
  return { board, ministry, owner, minister, ...(await assessedChainCall(db, parties)) };
}

describe('the joint decision chain', () => {
  it('runs from the recommendation through sign-offs, selection and allocations to grants equal to the allocations', async () => {
    const db = database.db;
    const { board, ministry, owner, minister, clusters, staff, call, apps } = await assessedJointCall();
    const [app1, app2, app3] = apps;
    const [cluster1, cluster2] = clusters as unknown as [{ id: string }, { id: string }];
    const outsider = await createCaller(db, 'funder');
    const clusterStaff = staff[0] as Caller;

    // Steps cannot be skipped: nothing before the recommendation.
    await expectAppError(signOffRecommendation(db, owner, call.id, board.id, at(300)), 'conflict');
    await expectAppError(decideCall(db, minister, call.id, [app1], at(300)), 'conflict');
    await expectAppError(finishAllocation(db, owner, call.id, board.id, at(300)), 'conflict');
    await expectAppError(createGrants(db, owner, call.id, at(300)), 'conflict');

    // 1. the owner draws up the recommendation from the ranking
    await expectAppError(recommend(db, minister, call.id, [app1, app2], at(300)), 'forbidden');
    await expectAppError(recommend(db, clusterStaff, call.id, [app1], at(300)), 'forbidden');
    await expectAppError(recommend(db, owner, call.id, [], at(300)), 'conflict');
    await recommend(db, owner, call.id, [app2, app1], at(300));
    await expectAppError(recommend(db, owner, call.id, [app3], at(301)), 'conflict');

    // 2. each funder of the call signs off for itself, once
    await expectAppError(signOffRecommendation(db, owner, call.id, ministry.id, at(400)), 'forbidden');
    await expectAppError(
      signOffRecommendation(
        db,
        outsider,
        call.id,
        outsider.principal.memberships[0]?.organisationId ?? '',
        at(400),
      ),
      'conflict',
    );
    await signOffRecommendation(db, owner, call.id, board.id, at(400));
    await expectAppError(signOffRecommendation(db, owner, call.id, board.id, at(401)), 'conflict');
    await expectAppError(decideCall(db, minister, call.id, [app1, app2], at(450)), 'conflict');
    await signOffRecommendation(db, minister, call.id, ministry.id, at(500));

    // 3. the decider selects; the owner is not the decider of this call
    await expectAppError(decideCall(db, owner, call.id, [app1, app2], at(600)), 'forbidden');
    await decideCall(db, minister, call.id, [app1, app2], at(600));
    await expectAppError(decideCall(db, minister, call.id, [app1], at(601)), 'conflict');

    // 4. each funder allocates its own budget, never over it
    await expectAppError(
      allocate(db, owner, board.id, [{ applicationId: app1, year: 2028, amountDkk: 1_000_001 }], at(700)),
      'conflict',
    );
    const allocations = [
      {
        funderId: board.id,
        caller: owner,
        applicationId: app1,
        clusterId: cluster1.id,
        year: 2028,
        amountDkk: 600_000,
      },
      {
        funderId: board.id,
        caller: owner,
        applicationId: app2,
        clusterId: cluster2.id,
        year: 2028,
        amountDkk: 400_000,
      },
      {
        funderId: board.id,
        caller: owner,
        applicationId: app1,
        clusterId: cluster1.id,
        year: 2029,
        amountDkk: 500_000,
      },
      {
        funderId: ministry.id,
        caller: minister,
        applicationId: app2,
        clusterId: cluster2.id,
        year: 2028,
        amountDkk: 800_000,
      },
      {
        funderId: ministry.id,
        caller: minister,
        applicationId: app2,
        clusterId: cluster2.id,
        year: 2029,
        amountDkk: 300_000,
      },
    ];
    for (const a of allocations)
      await allocate(
        db,
        a.caller,
        a.funderId,
        [{ applicationId: a.applicationId, year: a.year, amountDkk: a.amountDkk }],
        at(700),
      );
    await expectAppError(
      allocate(db, owner, board.id, [{ applicationId: app2, year: 2028, amountDkk: 400_001 }], at(701)),
      'conflict',
    );
    await expectAppError(createGrants(db, owner, call.id, at(750)), 'conflict');
    await expectAppError(finishAllocation(db, owner, call.id, ministry.id, at(800)), 'forbidden');
    await finishAllocation(db, owner, call.id, board.id, at(800));
    await expectAppError(finishAllocation(db, owner, call.id, board.id, at(801)), 'conflict');
    // a finished allocation is final
    await expectAppError(
      allocate(db, owner, board.id, [{ applicationId: app1, year: 2029, amountDkk: 1 }], at(802)),
      'conflict',
    );
    await finishAllocation(db, minister, call.id, ministry.id, at(900));

    // 5. the owner creates the grants, once
    await expectAppError(createGrants(db, minister, call.id, at(1000)), 'forbidden');
    await expectAppError(createGrants(db, clusterStaff, call.id, at(1000)), 'forbidden');
    expect(await createGrants(db, owner, call.id, at(1000))).toBe(5);
    await expectAppError(createGrants(db, owner, call.id, at(1001)), 'conflict');

    const grants = await db
      .select({
        funderId: fundingGrants.funderId,
        clusterId: fundingGrants.clusterId,
        year: fundingGrants.year,
        amountDkk: fundingGrants.amountDkk,
        source: fundingGrants.source,
        responsible: fundingGrants.responsible,
      })
      .from(fundingGrants)
      .where(inArray(fundingGrants.clusterId, [cluster1.id, cluster2.id]));
    const key = (g: { funderId: string; clusterId: string; year: number }) =>
      `${g.funderId}:${g.clusterId}:${g.year}`;
    expect(grants.map((g) => `${key(g)}:${g.amountDkk}:${g.source}`).sort()).toEqual(
      allocations.map((a) => `${key(a)}:${a.amountDkk}:finance_act`).sort(),
    );
    // Both funders are national, which the regional league allows: one responsible funder a cluster-year.
    const responsibleCount = (clusterId: string, year: number) =>
      grants.filter((g) => g.clusterId === clusterId && g.year === year && g.responsible).length;
    expect([
      responsibleCount(cluster1.id, 2028),
      responsibleCount(cluster2.id, 2028),
      responsibleCount(cluster2.id, 2029),
    ]).toEqual([1, 1, 1]);

    // The call's page shows every step with who took it and when.
    const chain = await chainOf(db, call.id);
    expect(chain?.recommended.map((r) => r.applicationId)).toEqual([app1, app2]);
    expect(chain?.steps.map((s) => [s.step, s.parties.map((p) => p.doneAt?.toISOString())])).toEqual([
      ['recommendation', [at(300).toISOString()]],
      ['sign_off', expect.arrayContaining([at(400).toISOString(), at(500).toISOString()])],
      ['selection', [at(600).toISOString()]],
      ['allocation', expect.arrayContaining([at(800).toISOString(), at(900).toISOString()])],
      ['grants', [at(1000).toISOString()]],
    ]);
    const audited = await db
      .select({ entity: auditLog.entity })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorUserId, owner.principal.userId),
          inArray(auditLog.entity, ['call_chain_steps', 'funding_grants']),
        ),
      );
    expect(audited.filter((a) => a.entity === 'call_chain_steps')).toHaveLength(4);
    expect(audited.filter((a) => a.entity === 'funding_grants')).toHaveLength(5);
  });

  it('takes as decider only a funder of the call', () => {
    const funderId = randomUUID();
    const setup = {
      titleEn: '',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [{ funderId, year: 2028, amountDkk: 1 }],
      requirements: [{ textDa: 'Krav', textEn: 'Requirement' }],
      criteria: [{ titleDa: 'Kvalitet', titleEn: 'Quality', weight: 100 }],
    };
    expect(callSetupInput.safeParse({ ...setup, deciderId: funderId }).success).toBe(true);
    const other = callSetupInput.safeParse({ ...setup, deciderId: randomUUID() });
    expect(other.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['deciderId'], 'decider_not_funder'],
    ]);
  });

  it('leaves a call without a decider to its single decision', async () => {
    const db = database.db;
    const { owner, minister, board, call, apps } = await assessedJointCall(false);
    await expectAppError(recommend(db, owner, call.id, [apps[0]], at(300)), 'conflict');
    await expectAppError(decideCall(db, minister, call.id, [apps[0]], at(300)), 'forbidden');
    await decideCall(db, owner, call.id, [apps[0]], at(300));
    await expectAppError(finishAllocation(db, owner, call.id, board.id, at(400)), 'conflict');
    expect(await chainOf(db, call.id)).toBeNull();
  });
});
