import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralForm, referralWorld, reportParticipation } from '../../../test/referrals/fixtures.ts';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { acceptReferral, declineReferral, recordContact, recordOutcome, sendReferral } from './commands.ts';
import { type FigureRow, referralFigures, referralSupport } from './figures.ts';
import { listReferralTargets } from './targets.ts';

let database: Database;
let w: Awaited<ReturnType<typeof fiveReferrals>>;
beforeAll(async () => {
  database = await createTestDatabase();
  w = await fiveReferrals();
});
afterAll(async () => {
  await database?.close();
});

// Sent Monday 1 March 2027; answered the same week.
const SENT = new Date('2027-03-01T09:00:00Z');
const LATER = new Date('2027-03-12T09:00:00Z');

/**
 * Five referrals of 2027, written out with what the figures must say of them:
 * 1. hub (Syddanmark) → capital cluster (Hovedstaden): contacted after 3 days, joined an activity,
 *    and the cluster reports the company in 2027: confirmed.
 * 2. hub → Aarhus cluster (Midtjylland): contacted after 5 days, joined an activity, not reported
 *    (the company is reported by Aarhus in 2026 and by the capital cluster in 2027 only).
 * 3. a hub in Aarhus → Aarhus cluster: same region, declined.
 * 4. capital cluster → hub: contacted after 1 day, no match.
 * 5. capital cluster → Eksportrådet (outside, no region): project started.
 */
async function fiveReferrals() {
  const db = database.db;
  const w = await referralWorld(db);
  const aarhusHub = await createOrganisation(db, { kind: 'business_service', municipalityCode: 751 });
  const aarhusAdvisor = await createCaller(db, 'business_service_staff', { organisationId: aarhusHub.id });
  const send = async (caller: typeof w.advisor, recipients: string[], over: Record<string, unknown> = {}) =>
    (await sendReferral(db, caller, referralForm(recipients, over), SENT)).ids;
  const through = async (caller: typeof w.advisor, id: string, contactedOn: string, outcome: string) => {
    await acceptReferral(db, caller, id, LATER);
    await recordContact(db, caller, id, { contactedOn }, LATER);
    await recordOutcome(db, caller, id, { outcome, outcomeOn: '2027-03-10' }, LATER);
  };
  const [one] = await send(w.advisor, [w.capital.id], { cvr: '10000009' });
  await through(w.capitalStaff, one as string, '2027-03-04', 'joined_activity');
  await reportParticipation(db, w.capital.id, '10000009', '2027-03-15');
  const [two] = await send(w.advisor, [w.aarhus.id], { cvr: '10000017' });
  await through(w.aarhusStaff, two as string, '2027-03-06', 'joined_activity');
  await reportParticipation(db, w.aarhus.id, '10000017', '2026-11-01');
  await reportParticipation(db, w.capital.id, '10000017', '2027-04-01');
  const [three] = await send(aarhusAdvisor, [w.aarhus.id], { theme: 'energy' });
  await declineReferral(db, w.aarhusStaff, three as string, { reason: 'Uden for vores felt' }, LATER);
  const trade = (await listReferralTargets(db, w.capitalStaff)).find((t) => t.name === 'Eksportrådet');
  const [four, five] = await send(w.capitalStaff, [w.hub.id], { theme: 'energy', targetIds: [trade?.id] });
  await through(w.advisor, four as string, '2027-03-02', 'no_match');
  await recordOutcome(
    db,
    w.capitalStaff,
    five as string,
    { outcome: 'project_started', outcomeOn: '2027-03-10' },
    LATER,
  );
  return { ...w, aarhusHub };
}

const row = (over: Partial<FigureRow>): FigureRow => ({
  key: null,
  name: null,
  sent: 0,
  accepted: 0,
  declined: 0,
  medianDaysToContact: null,
  joinedActivity: 0,
  joinedConfirmed: 0,
  projectStarted: 0,
  noMatch: 0,
  crossRegionShare: null,
  ...over,
});

describe(`referral figures (${testDriver()})`, () => {
  it('counts per cluster, hub, region and theme, with the total', async () => {
    const byCluster = await referralFigures(database.db, roleCaller('funder'), 2027, 'cluster');
    expect(byCluster.rows).toEqual([
      row({
        key: w.capital.id,
        name: 'Klynge Hovedstad',
        sent: 3,
        accepted: 2,
        medianDaysToContact: 2,
        joinedActivity: 1,
        joinedConfirmed: 1,
        projectStarted: 1,
        noMatch: 1,
        crossRegionShare: 1,
      }),
      row({
        key: w.aarhus.id,
        name: 'Klynge Aarhus',
        sent: 2,
        accepted: 1,
        declined: 1,
        medianDaysToContact: 5,
        joinedActivity: 1,
        crossRegionShare: 0.5,
      }),
    ]);
    expect(byCluster.total).toEqual(
      row({
        sent: 5,
        accepted: 3,
        declined: 1,
        medianDaysToContact: 3,
        joinedActivity: 2,
        joinedConfirmed: 1,
        projectStarted: 1,
        noMatch: 1,
        crossRegionShare: 0.75,
      }),
    );

    const byHub = await referralFigures(database.db, w.advisor, 2027, 'hub');
    expect(byHub.rows.map((r) => [r.name, r.sent, r.accepted, r.declined])).toEqual([
      [w.hub.name, 3, 3, 0],
      [w.aarhusHub.name, 1, 0, 1],
    ]);
    // Referral 5 has no hub: left out of the hubs' figures.
    expect(byHub.total.sent).toBe(4);

    const byRegion = await referralFigures(database.db, w.capitalStaff, 2027, 'region');
    expect(byRegion.rows.map((r) => [r.key, r.sent, r.crossRegionShare])).toEqual([
      ['1083', 2, 1],
      ['1084', 2, 1],
      ['1082', 1, 0],
    ]);
    const byTheme = await referralFigures(database.db, w.advisor, 2027, 'theme');
    expect(byTheme.rows.map((r) => [r.key, r.sent])).toEqual([
      ['energy', 3],
      ['robotics', 2],
    ]);
    expect((await referralFigures(database.db, w.advisor, 2026, 'theme')).total.sent).toBe(0);
  });

  it('matches "joined an activity" to the receiving cluster’s reporting by CVR and year: the supporting measure', async () => {
    expect(await referralSupport(database.db, 2027, w.capital.id)).toEqual({ joined: 1, confirmed: 1 });
    expect(await referralSupport(database.db, 2027, w.aarhus.id)).toEqual({ joined: 1, confirmed: 0 });
    expect(await referralSupport(database.db, 2026, w.aarhus.id)).toEqual({ joined: 0, confirmed: 0 });
    // Nationally: the hubs' two referrals that joined an activity; referral 4 went the other way.
    expect(await referralSupport(database.db, 2027)).toEqual({ joined: 2, confirmed: 1 });
  });

  it('shows the figures to people working in the programme, not to assessors', async () => {
    await expectAppError(referralFigures(database.db, roleCaller('assessor'), 2027, 'hub'), 'forbidden');
  });
});
