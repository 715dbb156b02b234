import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, clusterLabels, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { importLabelsCsv } from './commands.ts';

const fixture = (name: string) => new URL(`../../../test/fixtures/labels/${name}`, import.meta.url);

let database: Database;
let clusterA: string;
let clusterB: string;
/** The support function keeps the register. */
let actor: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  actor = await createCaller(database.db, 'support_staff');
  // The CVRs the fixture files use: two clusters and a funder (not a cluster).
  const rows = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(organisations)
      .values([
        { kind: 'cluster_organisation', name: 'Import A', slug: 'import-a', cvr: '31000017' },
        { kind: 'cluster_organisation', name: 'Import B', slug: 'import-b', cvr: '31000025' },
        { kind: 'funder', funderLevel: 'national', name: 'Import Funder', slug: 'import-f', cvr: '31000041' },
      ])
      .returning(),
  );
  [clusterA, clusterB] = rows.map((r) => r.id) as [string, string];
});
afterAll(() => database?.close());

const labelsOf = () =>
  database.db
    .select()
    .from(clusterLabels)
    .where(inArray(clusterLabels.organisationId, [clusterA, clusterB]))
    .orderBy(clusterLabels.awardedOn);

describe('importLabelsCsv', () => {
  it('imports a good file (BOM, CRLF, quoted comma) once, and a second import changes nothing', async () => {
    const first = await importLabelsCsv(database.db, actor, await readFile(fixture('good.csv')));
    expect(first).toEqual({ ok: true, inserted: 3, updated: 0, unchanged: 0 });
    const stored = await labelsOf();
    expect(
      stored.map((l) => [l.organisationId, l.level, l.awardedOn, l.validUntil, l.assessingBody]),
    ).toEqual([
      [clusterA, 'silver', '2022-05-01', '2024-05-01', 'ESCA, Bruxelles'],
      [clusterA, 'gold', '2025-06-30', '2028-06-30', 'ESCA'],
      [clusterB, 'bronze', '2026-01-15', '2028-01-15', 'Cluster Excellence Denmark'],
    ]);

    // The same list again, this time as a stream, as the command line would read it.
    const again = await importLabelsCsv(database.db, actor, createReadStream(fixture('good.csv')));
    expect(again).toEqual({ ok: true, inserted: 0, updated: 0, unchanged: 3 });
    expect(await labelsOf()).toHaveLength(3);
  });

  it('reads a semicolon file with tidy-up of spaces, and updates a registered label whose validity changed', async () => {
    expect(await importLabelsCsv(database.db, actor, await readFile(fixture('good-semicolon.csv')))).toEqual({
      ok: true,
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    const corrected =
      'cluster_cvr,level,awarded_on,valid_until,assessing_body\n31000025,gold,2026-03-01,2029-02-28,ESCA\n';
    expect(await importLabelsCsv(database.db, actor, corrected)).toEqual({
      ok: true,
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const [gold] = (await labelsOf()).filter((l) => l.organisationId === clusterB && l.level === 'gold');
    expect(gold?.validUntil).toBe('2029-02-28');
  });

  it('corrects several registered labels at once and leaves the identical ones alone', async () => {
    const corrected = [
      'cluster_cvr,level,awarded_on,valid_until,assessing_body',
      '31000017,gold,2025-06-30,2028-06-30,ESCA Gold',
      '31000017,silver,2022-05-01,2024-06-01,"ESCA, Bruxelles"',
      '31000025,bronze,2026-01-15,2028-01-15,Cluster Excellence Denmark',
    ].join('\n');
    expect(await importLabelsCsv(database.db, actor, corrected)).toEqual({
      ok: true,
      inserted: 0,
      updated: 2,
      unchanged: 1,
    });
    const stored = (await labelsOf()).filter((l) => l.organisationId === clusterA);
    expect(stored.map((l) => [l.level, l.validUntil, l.assessingBody])).toEqual([
      ['silver', '2024-06-01', 'ESCA, Bruxelles'],
      ['gold', '2028-06-30', 'ESCA Gold'],
    ]);
  });

  it('lists every bad row with line, column and value, and writes nothing', async () => {
    const before = await labelsOf();
    const result = await importLabelsCsv(database.db, actor, await readFile(fixture('bad-rows.csv')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column, e.value, e.code, e.detail])).toEqual([
      [3, 'cluster_cvr', '31000018', 'cvrInvalid', undefined],
      [4, 'cluster_cvr', '31000033', 'clusterUnknown', undefined],
      [5, 'cluster_cvr', '31000041', 'clusterUnknown', undefined],
      [6, 'level', 'platinum', 'levelInvalid', undefined],
      [7, 'awarded_on', '2025-02-30', 'dateInvalid', undefined],
      [8, 'valid_until', '2025-01-01', 'validUntilNotAfterAwarded', undefined],
      [9, 'assessing_body', '', 'required', undefined],
      [10, null, null, 'duplicateInFile', 2],
    ]);
    expect(await labelsOf()).toEqual(before);
  });

  it('refuses files with an unknown column, a missing column or nothing in them', async () => {
    const codes = async (name: string) => {
      const result = await importLabelsCsv(database.db, actor, await readFile(fixture(name)));
      return result.ok ? [] : result.errors.map((e) => [e.line, e.column, e.value, e.code]);
    };
    const before = await labelsOf();
    expect(await codes('unknown-column.csv')).toEqual([[1, null, 'comment', 'unknownColumn']]);
    expect(await codes('missing-column.csv')).toEqual([[1, 'valid_until', null, 'missingColumn']]);
    expect(await codes('empty.csv')).toEqual([[1, null, null, 'emptyFile']]);
    expect(await labelsOf()).toEqual(before);
  });

  it('refuses every caller but support staff and admins, before reading the file, and writes nothing', async () => {
    const before = await labelsOf();
    for (const role of ['cluster_staff', 'funder', 'assessor', 'business_service_staff'] as const) {
      const caller = await createCaller(
        database.db,
        role,
        role === 'cluster_staff' ? { organisationId: clusterA } : {},
      );
      await expectAppError(
        importLabelsCsv(database.db, caller, await readFile(fixture('good.csv'))),
        'forbidden',
      );
    }
    expect(await labelsOf()).toEqual(before);
  });

  it('records the importing user as the actor of every new label in the audit log', async () => {
    const admin = await createCaller(database.db, 'admin');
    const user = { id: admin.principal.userId, email: admin.email };
    const csv =
      'cluster_cvr,level,awarded_on,valid_until,assessing_body\n31000017,bronze,2019-01-01,2021-01-01,ESCA\n';
    const result = await importLabelsCsv(database.db, admin, csv);
    expect(result).toEqual({ ok: true, inserted: 1, updated: 0, unchanged: 0 });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'cluster_labels'), eq(auditLog.actorUserId, user.id)));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'insert',
        actorLabel: user.email,
        after: expect.objectContaining({
          level: 'bronze',
          awarded_on: '2019-01-01',
          organisation_id: clusterA,
        }),
      }),
    ]);
  });

  it('lets imports of the same list at once add each label only once', async () => {
    const days = Array.from({ length: 300 }, (_, i) =>
      new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const csv = `cluster_cvr,level,awarded_on,valid_until,assessing_body\n${days
      .map((d) => `31000025,silver,${d},2099-01-01,ESCA`)
      .join('\n')}`;
    const results = await Promise.all([1, 2, 3, 4].map(() => importLabelsCsv(database.db, actor, csv)));
    expect(results.map((r) => (r.ok ? r.inserted : -1)).sort()).toEqual([0, 0, 0, 300]);
  });
});
