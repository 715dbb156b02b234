import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { auditLog, clusters, fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { can } from '../policy/policy.ts';
import { fundersOf } from '../reporting/periods/years.ts';
import { clusterCoFinancing, funderPortfolio, fundersKeptBy } from './queries.ts';
import { removeGrant, saveGrant } from './register.ts';
import { type GrantInput, grantForm } from './schemas.ts';

let database: Database;
let admin: Caller;
let ministry: { id: string; slug: string };
let region: { id: string; slug: string };
let ministryStaff: Caller;
let regionStaff: Caller;
let worldClass: { id: string; slug: string };
let regional: { id: string; slug: string };

async function clusterOfLeague(league: 'world_class' | 'regional' | 'emerging') {
  const slug = `grants-${league.replace('_', '-')}-${randomCvr()}`;
  const org = await createCluster(database.db, { cvr: randomCvr(), name: `Klynge ${slug}`, slug });
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.update(clusters).set({ league }).where(eq(clusters.organisationId, org.id)),
  );
  return org;
}

const grant = (clusterId: string, over: Record<string, string> = {}): GrantInput =>
  grantForm.parse({ clusterId, year: '2025', amountDkk: '1.500.000', source: 'finance_act', ...over });

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createCaller(database.db, 'admin');
  ministry = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'national' });
  region = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' });
  ministryStaff = await createCaller(database.db, 'funder', { organisationId: ministry.id });
  regionStaff = await createCaller(database.db, 'funder', { organisationId: region.id });
  worldClass = await clusterOfLeague('world_class');
  regional = await clusterOfLeague('regional');
});
afterAll(() => database?.close());

describe('the grant form', () => {
  it('reads Danish amounts and refuses what is not a grant', () => {
    expect(grant(worldClass.id).amountDkk).toBe(1_500_000);
    const issues = (v: Record<string, string>) =>
      grantForm.safeParse(v).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [];
    expect(issues({ clusterId: '', year: '1999', amountDkk: '-5', source: 'lottery' })).toEqual([
      'clusterId:required',
      'year:invalid',
      'amountDkk:tooSmall',
      'source:required',
    ]);
  });
});

describe('registering grants', () => {
  it('lets a funder register its own grant, which gives it the rights over the cluster', async () => {
    await saveGrant(database.db, ministryStaff, ministry.id, grant(worldClass.id, { responsible: 'on' }));
    expect(await fundersOf(database.db, worldClass.id, 2025)).toEqual([ministry.id]);
    expect(
      can(ministryStaff.principal, 'reportingPeriods.decide', {
        organisationId: worldClass.id,
        fundedBy: await fundersOf(database.db, worldClass.id, 2025),
      }),
    ).toBe(true);
    const [audited] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${auditLog} where entity = 'funding_grants' and actor_label = ${ministryStaff.actor.label}`,
    );
    expect(audited?.n).toBe(1);
  });

  it('corrects the same funder × cluster × year rather than adding a second grant', async () => {
    await saveGrant(
      database.db,
      ministryStaff,
      ministry.id,
      grant(worldClass.id, { amountDkk: '2.000.000', responsible: 'on' }),
    );
    const rows = await database.db
      .select({ amount: fundingGrants.amountDkk })
      .from(fundingGrants)
      .where(and(eq(fundingGrants.funderId, ministry.id), eq(fundingGrants.clusterId, worldClass.id)));
    expect(rows).toEqual([{ amount: 2_000_000 }]);
  });

  it("refuses another funder's portfolio and a role without grants", async () => {
    await expectAppError(saveGrant(database.db, regionStaff, ministry.id, grant(regional.id)), 'forbidden');
    await expectAppError(
      saveGrant(database.db, roleCaller('cluster_staff', regional.id), region.id, grant(regional.id)),
      'forbidden',
    );
    await expectAppError(removeGrant(database.db, regionStaff, ministry.id, worldClass.id), 'forbidden');
    await expectAppError(funderPortfolio(database.db, regionStaff, ministry.slug), 'forbidden');
  });

  it('holds the responsible funder to the league rule unless overridden with a reason', async () => {
    // A regional funder is not the responsible funder of a world-class cluster by the rule.
    await expectAppError(
      saveGrant(database.db, admin, region.id, grant(worldClass.id, { responsible: 'on', year: '2026' })),
      'validation',
    );
    await saveGrant(
      database.db,
      admin,
      region.id,
      grant(worldClass.id, { responsible: 'on', year: '2026', overrideReason: 'Overgang til ny ordning' }),
    );
    const [row] = await database.db
      .select({ reason: fundingGrants.responsibleOverrideReason })
      .from(fundingGrants)
      .where(and(eq(fundingGrants.funderId, region.id), eq(fundingGrants.year, 2026)));
    expect(row?.reason).toBe('Overgang til ny ordning');
    // A reason where the rule holds is not an override and is not kept.
    await saveGrant(
      database.db,
      regionStaff,
      region.id,
      grant(regional.id, { responsible: 'on', overrideReason: 'x' }),
    );
    const [kept] = await database.db
      .select({ reason: fundingGrants.responsibleOverrideReason })
      .from(fundingGrants)
      .where(and(eq(fundingGrants.funderId, region.id), eq(fundingGrants.clusterId, regional.id)));
    expect(kept?.reason).toBeNull();
  });

  it('keeps one responsible funder per cluster and year', async () => {
    await expectAppError(
      saveGrant(database.db, admin, region.id, grant(worldClass.id, { responsible: 'on' })),
      'conflict',
    );
  });

  it('refuses a cluster that is no cluster', async () => {
    await expectAppError(saveGrant(database.db, admin, region.id, grant(ministry.id)), 'validation');
  });
});

describe('the pages of the register', () => {
  it("shows each funder's staff their own portfolio, admins every funder's", async () => {
    expect((await fundersKeptBy(database.db, regionStaff)).map((f) => f.id)).toEqual([region.id]);
    const all = (await fundersKeptBy(database.db, admin)).map((f) => f.id);
    expect(all).toContain(ministry.id);
    expect(all).toContain(region.id);
    const portfolio = await funderPortfolio(database.db, ministryStaff, ministry.slug);
    expect(portfolio.grants.map((g) => [g.clusterId, g.year, g.amountDkk, g.responsible])).toEqual([
      [worldClass.id, 2025, 2_000_000, true],
    ]);
    expect(portfolio.totals).toEqual([{ year: 2025, amountDkk: 2_000_000, clusters: 1 }]);
  });

  it("shows a cluster's co-financing shares per year", async () => {
    await saveGrant(database.db, regionStaff, region.id, grant(worldClass.id, { amountDkk: '500.000' }));
    const { years } = await clusterCoFinancing(database.db, regionStaff, worldClass.slug);
    const y2025 = years.find((y) => y.year === 2025);
    // 2.000.000 and 500.000 of 2.500.000: 80 % and 20 %.
    expect(y2025?.totalDkk).toBe(2_500_000);
    expect(y2025?.funders.map((f) => [f.slug, f.amountDkk, f.sharePct, f.responsible])).toEqual([
      [ministry.slug, 2_000_000, 80, true],
      [region.slug, 500_000, 20, false],
    ]);
    await expectAppError(
      clusterCoFinancing(database.db, roleCaller('cluster_staff'), worldClass.slug),
      'forbidden',
    );
  });

  it('removes a grant, and with it the funder’s rights in that year', async () => {
    const [row] = await database.db
      .select({ id: fundingGrants.id })
      .from(fundingGrants)
      .where(
        and(
          eq(fundingGrants.funderId, region.id),
          eq(fundingGrants.clusterId, worldClass.id),
          eq(fundingGrants.year, 2025),
        ),
      );
    await removeGrant(database.db, regionStaff, region.id, row?.id ?? '');
    expect(await fundersOf(database.db, worldClass.id, 2025)).toEqual([ministry.id]);
    await expectAppError(removeGrant(database.db, regionStaff, region.id, row?.id ?? ''), 'not_found');
  });
});
