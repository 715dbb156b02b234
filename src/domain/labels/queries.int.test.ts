import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { clusterLabels, organisations } from '../../db/schema/index.ts';
import { currentLabels, expiringLabels, labelCounts, labelRegister } from './queries.ts';
import type { LabelLevel } from './schemas.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function cluster(name: string, opts: { municipalityCode?: number; kind?: 'funder' } = {}) {
  const kind = opts.kind ?? 'cluster_organisation';
  const [org] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(organisations)
      .values({
        kind,
        name,
        slug: `${name.toLowerCase().replaceAll(' ', '-')}-${randomBytes(3).toString('hex')}`,
        municipalityCode: opts.municipalityCode ?? null,
        funderLevel: kind === 'funder' ? 'national' : null,
      })
      .returning(),
  );
  if (!org) throw new Error('organisation not created');
  return org;
}

async function label(organisationId: string, level: LabelLevel, awardedOn: string, validUntil: string) {
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(clusterLabels).values({ organisationId, level, awardedOn, validUntil, assessingBody: 'ESCA' }),
  );
}

describe('labelRegister', () => {
  const today = '2026-11-26';
  let ids: Set<string>;
  const mine = async (filter: Omit<Parameters<typeof labelRegister>[1], 'today'> = {}, on = today) =>
    (await labelRegister(database.db, { ...filter, today: on }))
      .filter((r) => ids.has(r.organisationId))
      .map((r) => `${r.clusterName} ${r.level} ${r.validUntil} ${r.status}`);

  beforeAll(async () => {
    const odense = await cluster('Register Odense', { municipalityCode: 461 });
    const aalborg = await cluster('Register Aalborg', { municipalityCode: 851 });
    const noSeat = await cluster('Register Uden Sæde');
    ids = new Set([odense.id, aalborg.id, noSeat.id]);
    await label(odense.id, 'bronze', '2024-11-25', '2026-11-25');
    await label(odense.id, 'silver', '2024-11-26', '2026-11-26');
    await label(aalborg.id, 'gold', '2024-05-26', '2027-05-26');
    await label(aalborg.id, 'silver', '2025-05-27', '2027-05-27');
    await label(noSeat.id, 'gold', '2026-10-01', '2029-10-01');
  });

  it('computes the status on the day: expiring up to exactly six months ahead, expired after the last valid day', async () => {
    expect(await mine()).toEqual([
      'Register Aalborg silver 2027-05-27 valid',
      'Register Aalborg gold 2027-05-26 expiring',
      'Register Odense silver 2026-11-26 expiring',
      'Register Odense bronze 2026-11-25 expired',
      'Register Uden Sæde gold 2029-10-01 valid',
    ]);
  });

  it('adds six calendar months, also from the end of a month', async () => {
    const rows = await mine({ level: 'gold' }, '2026-08-31');
    expect(rows).toContain('Register Aalborg gold 2027-05-26 valid');
    const feb = await cluster('Register Februar');
    await label(feb.id, 'bronze', '2025-02-28', '2027-02-28');
    await label(feb.id, 'silver', '2025-03-01', '2027-03-01');
    const rowsOfFeb = (await labelRegister(database.db, { today: '2026-08-31' })).filter(
      (r) => r.organisationId === feb.id,
    );
    expect(rowsOfFeb.map((r) => `${r.level} ${r.status}`)).toEqual(['silver valid', 'bronze expiring']);
  });

  it('filters by level, status and the region of the seat, also combined', async () => {
    expect(await mine({ level: 'gold' })).toEqual([
      'Register Aalborg gold 2027-05-26 expiring',
      'Register Uden Sæde gold 2029-10-01 valid',
    ]);
    expect(await mine({ status: 'expired' })).toEqual(['Register Odense bronze 2026-11-25 expired']);
    expect(await mine({ status: 'valid' })).toEqual([
      'Register Aalborg silver 2027-05-27 valid',
      'Register Uden Sæde gold 2029-10-01 valid',
    ]);
    expect(await mine({ region: 1083 })).toEqual([
      'Register Odense silver 2026-11-26 expiring',
      'Register Odense bronze 2026-11-25 expired',
    ]);
    expect(await mine({ region: 1081, status: 'expiring', level: 'gold' })).toEqual([
      'Register Aalborg gold 2027-05-26 expiring',
    ]);
    expect(await mine({ region: 1084 })).toEqual([]);
  });

  it('returns plain values ready for the page', async () => {
    const [row] = (await labelRegister(database.db, { today, region: 1081, level: 'gold' })).filter((r) =>
      ids.has(r.organisationId),
    );
    expect(row).toEqual({
      organisationId: expect.any(String),
      clusterName: 'Register Aalborg',
      clusterSlug: expect.stringMatching(/^register-aalborg-/),
      level: 'gold',
      awardedOn: '2024-05-26',
      validUntil: '2027-05-26',
      assessingBody: 'ESCA',
      status: 'expiring',
    });
  });
});

describe('currentLabels', () => {
  it('gives each cluster its best label valid on the day: Gold over Silver over Bronze', async () => {
    const mixed = await cluster('Current Mixed');
    await label(mixed.id, 'bronze', '2030-01-01', '2032-01-01');
    await label(mixed.id, 'silver', '2030-06-01', '2032-06-01');
    await label(mixed.id, 'gold', '2028-01-01', '2030-12-31');
    const future = await cluster('Current Future');
    await label(future.id, 'gold', '2031-06-02', '2034-06-02');
    await label(future.id, 'bronze', '2030-01-01', '2032-01-01');
    const renewed = await cluster('Current Renewed');
    await label(renewed.id, 'gold', '2028-07-01', '2031-07-01');
    await label(renewed.id, 'gold', '2031-05-01', '2034-05-01');
    const lapsed = await cluster('Current Lapsed');
    await label(lapsed.id, 'gold', '2028-01-01', '2031-05-31');

    const on = (date: string) => currentLabels(database.db, date);
    const june = await on('2031-06-01');
    expect(june.get(mixed.id)).toEqual({ level: 'silver', validUntil: '2032-06-01' });
    expect(june.get(future.id)).toEqual({ level: 'bronze', validUntil: '2032-01-01' });
    expect(june.get(renewed.id)).toEqual({ level: 'gold', validUntil: '2034-05-01' });
    expect(june.has(lapsed.id)).toBe(false);
    expect((await on('2030-12-31')).get(mixed.id)).toEqual({ level: 'gold', validUntil: '2030-12-31' });
  });
});

describe('expiringLabels', () => {
  it('lists labels valid today that end within six months, soonest first, optionally for some organisations', async () => {
    const today = '2035-03-10';
    const a = await cluster('Expiring A');
    const b = await cluster('Expiring B');
    await label(a.id, 'gold', '2032-09-10', '2035-09-10');
    await label(a.id, 'bronze', '2033-09-11', '2035-09-11');
    await label(b.id, 'silver', '2033-03-10', '2035-03-10');
    await label(b.id, 'bronze', '2033-03-09', '2035-03-09');
    await label(b.id, 'gold', '2035-04-01', '2035-05-01');

    const all = await expiringLabels(database.db, { today });
    const names = (rows: typeof all) => rows.map((r) => `${r.clusterName} ${r.level} ${r.validUntil}`);
    expect(names(all.filter((r) => r.organisationId === a.id || r.organisationId === b.id))).toEqual([
      'Expiring B silver 2035-03-10',
      'Expiring A gold 2035-09-10',
    ]);
    expect(names(await expiringLabels(database.db, { today, organisationIds: [a.id] }))).toEqual([
      'Expiring A gold 2035-09-10',
    ]);
    expect(await expiringLabels(database.db, { today, organisationIds: [] })).toEqual([]);
    expect(all[0]).toMatchObject({ clusterSlug: expect.stringMatching(/^expiring-/), assessingBody: 'ESCA' });
  });
});

describe('labelCounts', () => {
  it('counts clusters per level whose label is valid on 31 December', async () => {
    const date = '2040-12-31';
    expect(await labelCounts(database.db, date)).toEqual({ gold: 0, silver: 0, bronze: 0 });
    const lastDay = await cluster('Counts Last Day');
    await label(lastDay.id, 'gold', '2038-12-31', '2040-12-31');
    const twoGolds = await cluster('Counts Two Golds');
    await label(twoGolds.id, 'gold', '2038-06-01', '2041-06-01');
    await label(twoGolds.id, 'gold', '2040-06-01', '2043-06-01');
    await label(twoGolds.id, 'silver', '2039-06-01', '2041-06-01');
    const awardedThatDay = await cluster('Counts Awarded');
    await label(awardedThatDay.id, 'bronze', '2040-12-31', '2042-12-31');
    const tooEarly = await cluster('Counts Ended');
    await label(tooEarly.id, 'gold', '2038-12-30', '2040-12-30');
    const tooLate = await cluster('Counts Starts');
    await label(tooLate.id, 'silver', '2041-01-01', '2043-01-01');
    const funder = await cluster('Counts Funder', { kind: 'funder' });
    await label(funder.id, 'gold', '2039-01-01', '2042-01-01');

    expect(await labelCounts(database.db, date)).toEqual({ gold: 2, silver: 1, bronze: 1 });
    expect(await labelCounts(database.db, '2041-12-31')).toEqual({ gold: 1, silver: 1, bronze: 1 });
  });
});
