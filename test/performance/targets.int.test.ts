import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { createTargetSet, saveTarget } from '../../src/domain/targets/commands.ts';
import {
  managedTargetSet,
  targetHistory,
  targetSetById,
  targetSetForYear,
  targetSetsForManager,
} from '../../src/domain/targets/queries.ts';
import { targetInput } from '../../src/domain/targets/schemas.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;
let setId: string;
let funderId: string;
/** A funder of the set's owner, a funder of another organisation, a cluster's staff, an admin. */
let owner: Caller;
let otherFunder: Caller;
let clusterStaff: Caller;
let admin: Caller;

const caller = (role: Role, organisationId: string): Caller => {
  const userId = randomUUID();
  return {
    principal: { userId, memberships: [{ organisationId, role }] },
    actor: { userId: null, label: `${role}@test` },
  };
};

beforeAll(async () => {
  database = await createTestDatabase();
  const funder = await createOrganisation(database.db, { kind: 'funder' });
  const other = await createOrganisation(database.db, { kind: 'funder' });
  const cluster = await createOrganisation(database.db);
  funderId = funder.id;
  owner = caller('funder', funder.id);
  otherFunder = caller('funder', other.id);
  clusterStaff = caller('cluster_staff', cluster.id);
  admin = caller('admin', randomUUID());
  setId = await createTargetSet(database.db, owner, funder.id, {
    nameDa: 'Pejlemærker 2016-2018',
    nameEn: 'Targets 2016-2018',
    periodFrom: 2016,
    periodTo: 2018,
  });
});
afterAll(() => database?.close());

const innovation = targetInput.parse({
  code: '1',
  metric: 'innovating_companies',
  labelDa: 'Mindst 2.000 innovative virksomheder',
  labelEn: 'At least 2,000 innovating companies',
  direction: 'at_least',
  baselineYear: '2014',
  baselineValue: '1.600',
  targetValue: '2000',
});

describe(`targets (${testDriver()})`, () => {
  it('keeps every version: an edit closes the current one and adds the next, both audited', async () => {
    expect(await saveTarget(database.db, owner, setId, innovation)).toMatchObject({ version: 1 });
    expect(await saveTarget(database.db, owner, setId, { ...innovation, targetValue: 2200 })).toMatchObject({
      version: 2,
    });
    const set = await targetSetById(database.db, setId);
    expect(set?.targets).toHaveLength(1);
    expect(set?.targets[0]).toMatchObject({ code: '1', version: 2, targetValue: 2200, baselineValue: 1600 });
    const history = await targetHistory(database.db, setId);
    expect(history.map((h) => [h.version, h.targetValue, h.supersededAt === null])).toEqual([
      [2, 2200, true],
      [1, 2000, false],
    ]);
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where entity = 'targets' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'insert']);
  });

  it('adds custom targets after the existing ones', async () => {
    await saveTarget(database.db, owner, setId, {
      ...innovation,
      code: '6',
      metric: 'small_innovating_companies',
      labelDa: 'Små innovative virksomheder',
      labelEn: 'Small innovating companies',
    });
    const set = await targetSetById(database.db, setId);
    expect(set?.targets.map((x) => x.code)).toEqual(['1', '6']);
  });

  it('measures a year against the set in force that year, and no year outside every period', async () => {
    expect((await targetSetForYear(database.db, 2017))?.id).toBe(setId);
    expect(await targetSetForYear(database.db, 2023)).toBeNull();
    expect(await targetSetForYear(database.db, 2010)).toBeNull();
  });

  it('refuses a target with a direction but no number, and a set owned by a non-funder', async () => {
    const bad = targetInput.safeParse({ ...innovation, targetValue: '' });
    expect(bad.success).toBe(false);
    const cluster = await createOrganisation(database.db);
    await expect(
      createTargetSet(database.db, admin, cluster.id, {
        nameDa: 'x',
        nameEn: 'x',
        periodFrom: 2020,
        periodTo: 2021,
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'funderId', message: 'invalid' }] });
    await expect(
      createTargetSet(database.db, admin, 'not-a-uuid', {
        nameDa: 'x',
        nameEn: 'x',
        periodFrom: 2020,
        periodTo: 2021,
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'funderId', message: 'invalid' }] });
  });

  it('refuses commands by whom does not keep the funder’s targets, and writes nothing', async () => {
    const set = { nameDa: 'Fremmed', nameEn: 'Foreign', periodFrom: 2020, periodTo: 2021 };
    for (const who of [otherFunder, clusterStaff]) {
      await expect(createTargetSet(database.db, who, funderId, set)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        saveTarget(database.db, who, setId, { ...innovation, targetValue: 1 }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(saveTarget(database.db, owner, randomUUID(), innovation)).rejects.toMatchObject({
      code: 'not_found',
    });
    const [sets] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from target_sets`,
    );
    expect(sets?.n).toBe(1);
    expect((await targetSetById(database.db, setId))?.targets.find((x) => x.code === '1')?.targetValue).toBe(
      2200,
    );
  });

  it('shows each caller the sets it keeps and the funders it may create a set for', async () => {
    const mine = await targetSetsForManager(database.db, owner);
    expect(mine.funders.map((f) => f.id)).toEqual([funderId]);
    expect(mine.sets.map((s) => [s.id, s.manage])).toEqual([[setId, true]]);
    const theirs = await targetSetsForManager(database.db, otherFunder);
    expect(theirs.sets.map((s) => [s.id, s.manage])).toEqual([[setId, false]]);
    expect((await targetSetsForManager(database.db, admin)).funders).toHaveLength(2);
    await expect(targetSetsForManager(database.db, clusterStaff)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await managedTargetSet(database.db, owner, setId)).id).toBe(setId);
    await expect(managedTargetSet(database.db, otherFunder, setId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(managedTargetSet(database.db, owner, randomUUID())).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
