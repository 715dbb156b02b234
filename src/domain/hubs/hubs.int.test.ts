import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralForm } from '../../../test/referrals/fixtures.ts';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { clusters, events } from '../../db/schema/index.ts';
import { sendReferral } from '../referrals/commands.ts';
import { activityFilter, clusterActivityFeed, upcomingClusterActivities } from './activities.ts';
import { hubLanding } from './landing.ts';

let database: Database;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  database = await createTestDatabase();
  w = await world();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-05-04T08:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const SYDDANMARK = 1083;
const HOVEDSTADEN = 1084;
const MIDTJYLLAND = 1082;

/**
 * A hub in Odense (Syddanmark); a robotics cluster seated in Copenhagen and a food cluster in
 * Aarhus; their events: upcoming, past, drafts, and one of the hub's own (not a cluster's).
 */
async function world() {
  const db = database.db;
  const hub = await createOrganisation(db, { kind: 'business_service', municipalityCode: 461 });
  const robots = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Robotklyngen',
    slug: `r-${randomCvr()}`,
    municipalityCode: 101,
  });
  const food = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Fødevareklyngen',
    slug: `f-${randomCvr()}`,
    municipalityCode: 751,
  });
  await withActor(db, systemActor('test'), async (tx) => {
    await tx
      .update(clusters)
      .set({ themes: ['robotics', 'digital'] })
      .where(sql`${clusters.organisationId} = ${robots.id}`);
    await tx
      .update(clusters)
      .set({ themes: ['food'] })
      .where(sql`${clusters.organisationId} = ${food.id}`);
    const event = (
      organisationId: string,
      slug: string,
      start: number,
      over: Partial<typeof events.$inferInsert> = {},
    ) => ({
      organisationId,
      slug: `${slug}-${randomCvr()}`,
      title: slug,
      startsAt: day(start),
      endsAt: new Date(day(start).getTime() + 3_600_000),
      publishedAt: day(-30),
      ...over,
    });
    await tx.insert(events).values([
      // At the seat in Copenhagen (no municipality of its own): Hovedstaden
      event(robots.id, 'robotdag', 3, { targetGroups: ['companies'] }),
      // In Odense: Syddanmark, whatever the seat
      event(robots.id, 'robotter-paa-fyn', 1, {
        municipalityCode: 461,
        location: 'Odense Havn',
        targetGroups: ['everyone'],
      }),
      event(food.id, 'madmoede', 2, {
        municipalityCode: 751,
        targetGroups: ['researchers', 'public_bodies'],
      }),
      event(food.id, 'forbi', -2),
      event(food.id, 'kladde', 5, { publishedAt: null }),
      event(food.id, 'planlagt-udgivelse', 6, { publishedAt: day(1) }),
      event(hub.id, 'erhvervshusets-eget', 4),
    ]);
  });
  return { hub, robots, food };
}

const titles = (items: readonly { title: string }[]) => items.map((a) => a.title);

describe(`the clusters' upcoming activities (${testDriver()})`, () => {
  it('lists the published, upcoming events of clusters only, soonest first, with region and themes; filters in SQL', async () => {
    const hubStaff = roleCaller('business_service_staff', w.hub.id);
    const all = await upcomingClusterActivities(database.db, hubStaff, activityFilter.parse({}), NOW);
    expect(titles(all.items)).toEqual(['robotter-paa-fyn', 'madmoede', 'robotdag']);
    expect([all.total, all.pages]).toEqual([3, 1]);
    expect(all.items.map((a) => [a.regionCode, a.clusterName, a.themes])).toEqual([
      [SYDDANMARK, 'Robotklyngen', ['robotics', 'digital']],
      [MIDTJYLLAND, 'Fødevareklyngen', ['food']],
      [HOVEDSTADEN, 'Robotklyngen', ['robotics', 'digital']],
    ]);

    const list = (query: Record<string, string>) =>
      upcomingClusterActivities(database.db, hubStaff, activityFilter.parse(query), NOW);
    expect(titles((await list({ region: String(SYDDANMARK) })).items)).toEqual(['robotter-paa-fyn']);
    expect(titles((await list({ region: String(HOVEDSTADEN) })).items)).toEqual(['robotdag']);
    expect(titles((await list({ theme: 'robotics' })).items)).toEqual(['robotter-paa-fyn', 'robotdag']);
    expect((await list({ theme: 'food', region: String(HOVEDSTADEN) })).total).toBe(0);
    // Malformed filters are ignored rather than refused.
    expect((await list({ region: '9999', theme: '<script>', page: 'x', audience: 'x' })).total).toBe(3);
    // A target group takes in the events named for it and those for everyone.
    expect(titles((await list({ audience: 'companies' })).items)).toEqual(['robotter-paa-fyn', 'robotdag']);
    expect(titles((await list({ audience: 'cluster_staff' })).items)).toEqual(['robotter-paa-fyn']);
    expect(titles((await list({ audience: 'researchers', region: String(MIDTJYLLAND) })).items)).toEqual([
      'madmoede',
    ]);
    // The feed takes the same filter.
    const feed = await clusterActivityFeed(database.db, hubStaff, { theme: 'food' }, NOW);
    expect(titles(feed)).toEqual(['madmoede']);
    const forPublicBodies = await clusterActivityFeed(
      database.db,
      hubStaff,
      { audience: 'public_bodies' },
      NOW,
    );
    expect(titles(forPublicBodies)).toEqual(['robotter-paa-fyn', 'madmoede']);
  });

  // Last of the list's tests: it adds events.
  it('pages the list ten at a time', async () => {
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(events).values(
        Array.from({ length: 10 }, (_, i) => ({
          organisationId: w.food.id,
          slug: `ekstra-${i}-${randomCvr()}`,
          title: `ekstra ${i}`,
          startsAt: day(10 + i),
          endsAt: day(10 + i),
          publishedAt: day(-1),
        })),
      ),
    );
    const hubStaff = roleCaller('business_service_staff', w.hub.id);
    const first = await upcomingClusterActivities(
      database.db,
      hubStaff,
      activityFilter.parse({ theme: 'food' }),
      NOW,
    );
    const second = await upcomingClusterActivities(
      database.db,
      hubStaff,
      activityFilter.parse({ theme: 'food', page: '2' }),
      NOW,
    );
    // The world's one upcoming food event and these ten.
    expect([first.total, first.pages, first.items.length, second.items.length]).toEqual([11, 2, 10, 1]);
    expect(second.items[0]?.title).toBe('ekstra 9');
  });

  it('is for the hubs, the support function and admins: others are refused', async () => {
    for (const role of ['support_staff', 'admin'] as const)
      expect(
        (await upcomingClusterActivities(database.db, roleCaller(role), activityFilter.parse({}), NOW)).total,
      ).toBeGreaterThan(0);
    for (const role of ['cluster_staff', 'funder', 'company_user', 'assessor'] as const) {
      const caller = roleCaller(role, w.robots.id);
      await expectAppError(
        upcomingClusterActivities(database.db, caller, activityFilter.parse({}), NOW),
        'forbidden',
      );
      await expectAppError(clusterActivityFeed(database.db, caller, {}, NOW), 'forbidden');
    }
  });
});

describe(`the business hub's landing page (${testDriver()})`, () => {
  it("shows the referrals waiting for the hub, the activities in its region and the year's figures by region", async () => {
    const advisor = await createCaller(database.db, 'business_service_staff', { organisationId: w.hub.id });
    const clusterStaff = await createCaller(database.db, 'cluster_staff', { organisationId: w.food.id });
    const sent = await sendReferral(database.db, clusterStaff, referralForm([w.hub.id]), NOW);

    const landing = await hubLanding(database.db, advisor, day(0));
    expect(landing.hubName).toBe(w.hub.name);
    expect(landing.regionCode).toBe(SYDDANMARK);
    expect(landing.waiting.map((r) => r.id)).toEqual(sent.ids);
    expect(titles(landing.activities)).toEqual(['robotter-paa-fyn']);
    expect(landing.figures.year).toBe(2026);
    // Sent from the food cluster in Aarhus: Midtjylland.
    expect(landing.figures.rows.map((r) => [r.key, r.sent])).toEqual([[String(MIDTJYLLAND), 1]]);
  });

  it('is refused to anyone not working for a business hub', async () => {
    for (const role of ['cluster_staff', 'support_staff', 'admin', 'funder'] as const)
      await expectAppError(hubLanding(database.db, roleCaller(role, w.hub.id), NOW), 'forbidden');
  });
});
