import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { DEMO_REFERENCE_DATE, seedDemo } from '../demo/seed.ts';
import { currentLabels, expiringLabels, labelCounts, labelRegister } from './queries.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
}, 120_000);
afterAll(() => database?.close());

// The demo data is designed around its reference date; the register must show what it was built for.
describe('the label register over the demo data on its reference date', () => {
  const today = DEMO_REFERENCE_DATE;

  it('holds 46 labels, seven of them expiring within six months', async () => {
    const rows = await labelRegister(database.db, { today });
    expect(rows).toHaveLength(46);
    expect(rows.filter((r) => r.status === 'expiring')).toHaveLength(7);
    expect(await expiringLabels(database.db, { today })).toHaveLength(7);
  });

  it('has four active clusters with only expired labels, besides MARLOG that ended in 2022', async () => {
    const rows = await labelRegister(database.db, { today });
    const clusters = new Set(rows.map((r) => r.organisationId));
    const current = await currentLabels(database.db, today);
    const onlyExpired = [...clusters].filter((id) =>
      rows.filter((r) => r.organisationId === id).every((r) => r.status === 'expired'),
    );
    const ended = await queryRows<{ id: string; name: string }>(
      database.db,
      sql`select o.id, o.name from clusters c join organisations o on o.id = c.organisation_id
          where c.ended_on is not null`,
    );
    expect(ended.map((e) => e.name)).toEqual(['MARLOG']);
    expect(onlyExpired.filter((id) => !ended.some((e) => e.id === id))).toHaveLength(4);
    expect(onlyExpired).toHaveLength(5);
    expect(onlyExpired.some((id) => current.has(id))).toBe(false);
    const counts = await labelCounts(database.db, today);
    expect(counts.gold + counts.silver + counts.bronze).toBeGreaterThanOrEqual(current.size);
  });
});
