import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createTargetSet, saveTarget } from '../../src/domain/targets/commands.ts';
import { targetHistory, targetSetById, targetSetForYear } from '../../src/domain/targets/queries.ts';
import { targetInput } from '../../src/domain/targets/schemas.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;
let setId: string;
const actor = systemActor('test');

beforeAll(async () => {
  database = await createTestDatabase();
  const funder = await createOrganisation(database.db, { kind: 'funder' });
  setId = await createTargetSet(database.db, actor, funder.id, {
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
    expect(await saveTarget(database.db, actor, setId, innovation)).toMatchObject({ version: 1 });
    expect(await saveTarget(database.db, actor, setId, { ...innovation, targetValue: 2200 })).toMatchObject({
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
    await saveTarget(database.db, actor, setId, {
      ...innovation,
      code: '6',
      metric: 'small_innovating_companies',
      labelDa: 'Små innovative virksomheder',
      labelEn: 'Small innovating companies',
    });
    const set = await targetSetById(database.db, setId);
    expect(set?.targets.map((x) => x.code)).toEqual(['1', '6']);
  });

  it('measures a year against the set covering it, else the newest earlier set', async () => {
    expect((await targetSetForYear(database.db, 2017))?.id).toBe(setId);
    expect((await targetSetForYear(database.db, 2023))?.id).toBe(setId);
    expect(await targetSetForYear(database.db, 2010)).toBeNull();
  });

  it('refuses a target with a direction but no number, and a set owned by a non-funder', async () => {
    const bad = targetInput.safeParse({ ...innovation, targetValue: '' });
    expect(bad.success).toBe(false);
    const cluster = await createOrganisation(database.db);
    await expect(
      createTargetSet(database.db, actor, cluster.id, {
        nameDa: 'x',
        nameEn: 'x',
        periodFrom: 2020,
        periodTo: 2021,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
