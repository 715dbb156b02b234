import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { auditLog, municipalities, organisations, regions } from '../../src/db/schema/index.ts';
import { createTestDatabase, testDriver } from './database.ts';

describe(`test database on ${testDriver()}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is of the driver its vitest project stands for', ({ task }) => {
    expect(database.driver).toBe(testDriver());
    expect(task.file.projectName).toBe(testDriver());
  });

  it('has the migrations applied, reference data included', async () => {
    const [regionCount] = await database.db.select({ n: count() }).from(regions);
    const [municipalityCount] = await database.db.select({ n: count() }).from(municipalities);
    expect(regionCount?.n).toBe(5);
    expect(municipalityCount?.n).toBe(98);
  });

  it('is isolated from the database of another test file', async () => {
    const other = await createTestDatabase();
    try {
      await withActor(database.db, systemActor('test'), (tx) =>
        tx.insert(organisations).values({ kind: 'support_function', name: 'Kun her', slug: 'kun-her' }),
      );
      const here = await database.db.select().from(organisations).where(eq(organisations.slug, 'kun-her'));
      const there = await other.db.select().from(organisations).where(eq(organisations.slug, 'kun-her'));
      expect(here).toHaveLength(1);
      expect(there).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('refuses a change of audited data without an actor', async () => {
    const write = database.db
      .insert(organisations)
      .values({ kind: 'support_function', name: 'Uden aktør', slug: 'uden-aktoer' });
    await expect(write).rejects.toMatchObject({ cause: { code: 'KL001' } });
    const [row] = await database.db
      .select({ n: count() })
      .from(organisations)
      .where(eq(organisations.slug, 'uden-aktoer'));
    expect(row?.n).toBe(0);
  });

  it('records the actor of a change made through withActor in the audit log', async () => {
    const [created] = await withActor(database.db, systemActor('database-test'), (tx) =>
      tx
        .insert(organisations)
        .values({ kind: 'support_function', name: 'Med aktør', slug: 'med-aktoer' })
        .returning({ id: organisations.id }),
    );
    const entries = await database.db
      .select({
        actorLabel: auditLog.actorLabel,
        action: auditLog.action,
        name: sql<string>`${auditLog.after}->>'name'`,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'organisations'), eq(auditLog.entityId, created?.id ?? '')));
    expect(entries).toEqual([{ actorLabel: 'system:database-test', action: 'insert', name: 'Med aktør' }]);
  });
});
