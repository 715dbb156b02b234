import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { calls } from '../../src/db/schema/index.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { saveApplication, submitApplication } from '../../src/domain/calls/applications.ts';
import { checkEligibility, setConsensus } from '../../src/domain/calls/assessment.ts';
import { callSetupInput, eligibilityInput } from '../../src/domain/calls/schemas.ts';
import { findCallSetup, moveCall, setUpCall } from '../../src/domain/calls/setup.ts';
import { createCaller } from './callers.ts';
import { createCluster, randomCvr } from './factories.ts';

export const CHAIN_DEADLINE = new Date('2027-05-04T10:00:00Z');
/** A moment `seconds` after the chain call's deadline. */
export const afterDeadline = (seconds: number) => new Date(CHAIN_DEADLINE.getTime() + seconds * 1000);

/**
 * A joint call of `ownerId` and `coFunderId` for 2028-2029 (1 000 000 and 800 000 kr. a year)
 * with `deciderId` as its decider (none: the owner decides alone), chosen in its set-up, taken through the real commands to assessed: three new
 * clusters applied, all eligible, ranked in the order of the returned applications.
 */
export async function assessedChainCall(
  db: Db,
  parties: { owner: Caller; ownerId: string; coFunderId: string; deciderId: string | null },
) {
  const { owner, ownerId, coFunderId, deciderId } = parties;
  const clusters = await Promise.all(
    [1, 2, 3].map((i) =>
      createCluster(db, {
        cvr: randomCvr(),
        name: `Klynge ${i} ${randomCvr()}`,
        slug: `chain-${i}-${randomCvr()}`,
      }),
    ),
  );
  const staff = await Promise.all(
    clusters.map((c) => createCaller(db, 'cluster_staff', { organisationId: c.id })),
  );
  const slug = `chain-${randomCvr()}`;
  const [call] = await withActor(db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({
        ownerId,
        slug,
        title: `Fælles opslag med beslutningskæde ${slug}`,
        status: 'draft',
        opensAt: afterDeadline(-86_400),
        deadline: CHAIN_DEADLINE,
      })
      .returning(),
  );
  if (!call) throw new Error('no call');
  const setup = callSetupInput.parse({
    titleEn: 'Joint call',
    summaryEn: '',
    firstYear: 2028,
    lastYear: 2029,
    budgets: [2028, 2029].flatMap((year) => [
      { funderId: ownerId, year, amountDkk: 1_000_000 },
      { funderId: coFunderId, year, amountDkk: 800_000 },
    ]),
    requirements: [{ textDa: 'Eget CVR-nummer', textEn: 'Own CVR number' }],
    criteria: [{ titleDa: 'Kvalitet', titleEn: 'Quality', weight: 100, scaleMax: 5 }],
    assessorIds: [],
    deciderId,
  });
  await setUpCall(db, owner, call.id, setup, afterDeadline(-86_400));
  await moveCall(db, owner, call.id, 'published', afterDeadline(-86_400));
  await moveCall(db, owner, call.id, 'open', afterDeadline(-86_400));
  const rules = await findCallSetup(db, owner.principal, call.id);
  const requirement = rules?.requirements[0];
  const criterion = rules?.criteria[0];
  if (!requirement || !criterion) throw new Error('set-up not stored');
  const apps: string[] = [];
  for (const [i, s] of staff.entries()) {
    const input = {
      title: `Ansøgning ${i + 1}`,
      answers: { [requirement.id]: 'CVR' },
      texts: { [criterion.id]: 'Kvalitet' },
      budget: [{ year: 2028, category: 'networking' as const, amountDkk: 900_000 }],
    };
    const app = await saveApplication(db, s, call.id, clusters[i]?.id ?? '', input, afterDeadline(-3600));
    await submitApplication(db, s, app.id, afterDeadline(-60));
    apps.push(app.id);
  }
  await moveCall(db, owner, call.id, 'closed', afterDeadline(60));
  const pass = eligibilityInput.parse({ checks: { [requirement.id]: true } });
  for (const [i, app] of apps.entries()) {
    await checkEligibility(db, owner, app, pass, afterDeadline(120));
    await setConsensus(
      db,
      owner,
      app,
      [{ criterionId: criterion.id, score: 5 - i, comment: '' }],
      afterDeadline(180),
    );
  }
  await moveCall(db, owner, call.id, 'assessed', afterDeadline(240));
  return { clusters, staff, call, apps: apps as [string, string, string] };
}
