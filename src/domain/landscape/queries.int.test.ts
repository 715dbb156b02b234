import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database, Db } from '../../db/client.ts';
import { clusters, organisations } from '../../db/schema/index.ts';
import type { ThemeKey } from '../catalogue/themes.ts';
import type { Principal, Role } from '../policy/policy.ts';
import {
  clusterSeats,
  type League,
  type MatrixCell,
  overlappingClusters,
  seatsPerRegion,
  themeRegionMatrix,
} from './queries.ts';

let database: Database;
const TODAY = '2026-06-01';

async function addCluster(
  db: Db,
  name: string,
  league: League,
  themes: ThemeKey[],
  seat: number | null,
  endedOn?: string,
) {
  const org = await createOrganisation(db, { name });
  await withActor(db, systemActor('test'), async (tx) => {
    await tx.update(organisations).set({ municipalityCode: seat }).where(eq(organisations.id, org.id));
    await tx.insert(clusters).values({ organisationId: org.id, league, themes, endedOn });
  });
  return org;
}

const as = (role: Role): Principal => ({ userId: 'u', memberships: [{ organisationId: 'org', role }] });
const funder = as('funder');

/** The matrix as 'theme region' → count, region 'all' for a theme's total. */
const asRecord = (cells: MatrixCell[]) =>
  Object.fromEntries(cells.map((c) => [`${c.theme} ${c.regionCode ?? 'all'}`, c.clusters]));

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  // Odense (461) and Sønderborg (540) are in Syddanmark 1083, Aarhus (751) in Midtjylland 1082,
  // København (101) and Bornholm (400) in Hovedstaden 1084, Holbæk (316) in Sjælland 1085.
  await addCluster(db, 'A Energi Fyn', 'world_class', ['energy'], 461);
  await addCluster(db, 'B Brint Sønderborg', 'emerging', ['energy', 'robotics'], 540);
  await addCluster(db, 'C Energi Aarhus', 'regional', ['energy'], 751);
  await addCluster(db, 'D Robot København', 'world_class', ['robotics', 'digital'], 101);
  await addCluster(db, 'E Digital Bornholm', 'emerging', ['digital'], 400);
  // A theme listed twice still makes one cluster.
  await addCluster(db, 'F Digital dobbelt', 'regional', ['digital', 'digital'], 101);
  await addCluster(db, 'G Ophørt', 'world_class', ['energy'], 461, '2026-05-31');
  await addCluster(db, 'H Ophører i dag', 'regional', ['energy'], 461, TODAY);
  await addCluster(db, 'I Ophører senere', 'regional', ['food'], 316, '2026-12-31');
  await addCluster(db, 'J Uden hjemsted', 'regional', ['energy'], null);
});
afterAll(() => database?.close());

describe('theme × region matrix', () => {
  it('counts active seated clusters per theme and region, with a total per theme', async () => {
    const cells = await themeRegionMatrix(database.db, { today: TODAY });
    expect(asRecord(cells)).toEqual({
      'energy 1082': 1,
      'energy 1083': 2,
      'energy all': 3,
      'robotics 1083': 1,
      'robotics 1084': 1,
      'robotics all': 2,
      'digital 1084': 3,
      'digital all': 3,
      'food 1085': 1,
      'food all': 1,
    });
  });

  it('applies the league filter', async () => {
    const cells = await themeRegionMatrix(database.db, { today: TODAY, league: 'world_class' });
    expect(asRecord(cells)).toEqual({
      'energy 1083': 1,
      'energy all': 1,
      'robotics 1084': 1,
      'robotics all': 1,
      'digital 1084': 1,
      'digital all': 1,
    });
  });

  it('counts a cluster ended in the future, but not one ending today', async () => {
    const before = asRecord(await themeRegionMatrix(database.db, { today: '2026-05-30' }));
    // G (ends 2026-05-31) and H (ends 2026-06-01) are still active the day before.
    expect(before['energy 1083']).toBe(4);
    const after = asRecord(await themeRegionMatrix(database.db, { today: '2027-01-01' }));
    expect(after['food 1085']).toBeUndefined();
  });
});

describe('overlap', () => {
  it('names the clusters of every cell with two or more, ordered by name', async () => {
    const overlaps = (await overlappingClusters(database.db, funder, { today: TODAY })) ?? [];
    expect(
      overlaps.map((o) => ({ theme: o.theme, region: o.regionCode, names: o.clusters.map((c) => c.name) })),
    ).toEqual([
      {
        theme: 'digital',
        region: 1084,
        names: ['D Robot København', 'E Digital Bornholm', 'F Digital dobbelt'],
      },
      { theme: 'energy', region: 1083, names: ['A Energi Fyn', 'B Brint Sønderborg'] },
    ]);
    expect(overlaps[0]?.clusters[0]?.slug).toMatch(/^test-/);
  });

  it('has none when the league filter leaves one cluster per cell', async () => {
    expect(await overlappingClusters(database.db, funder, { today: TODAY, league: 'world_class' })).toEqual(
      [],
    );
    const emerging = await overlappingClusters(database.db, funder, { today: TODAY, league: 'emerging' });
    expect(emerging).toEqual([]);
  });

  it('names them only to funders and admins: null for visitors and other roles', async () => {
    expect(await overlappingClusters(database.db, as('admin'), { today: TODAY })).toHaveLength(2);
    expect(await overlappingClusters(database.db, null, { today: TODAY })).toBeNull();
    for (const role of ['cluster_staff', 'support_staff', 'assessor', 'business_service_staff'] as const) {
      expect(await overlappingClusters(database.db, as(role), { today: TODAY }), role).toBeNull();
    }
  });
});

describe('seats', () => {
  it('counts seats per region, listing regions without any', async () => {
    const regions = await seatsPerRegion(database.db, { today: TODAY });
    expect(regions.map((r) => [r.code, r.clusters])).toEqual([
      [1081, 0],
      [1082, 1],
      [1083, 2],
      [1084, 3],
      [1085, 1],
    ]);
    expect(regions[3]).toMatchObject({ name: 'Region Hovedstaden', nameEn: 'Capital Region of Denmark' });
    const worldClass = await seatsPerRegion(database.db, { today: TODAY, league: 'world_class' });
    expect(worldClass.map((r) => r.clusters)).toEqual([0, 0, 1, 1, 0]);
  });

  it('lists each active seated cluster once with its municipality and region', async () => {
    const seats = await clusterSeats(database.db, { today: TODAY });
    expect(seats.map((s) => s.name)).toEqual([
      'C Energi Aarhus',
      'A Energi Fyn',
      'B Brint Sønderborg',
      'D Robot København',
      'E Digital Bornholm',
      'F Digital dobbelt',
      'I Ophører senere',
    ]);
    expect(seats.find((s) => s.name === 'E Digital Bornholm')).toMatchObject({
      municipalityCode: 400,
      municipality: 'Bornholm',
      regionCode: 1084,
    });
  });
});
