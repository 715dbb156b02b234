import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { auditFilter, readAuditLog } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('readAuditLog', () => {
  it('is refused to everyone but admins', async () => {
    const filter = auditFilter.parse({});
    for (const role of ['funder', 'support_staff', 'cluster_staff'] as const) {
      await expectAppError(
        readAuditLog(database.db, await createCaller(database.db, role), filter),
        'forbidden',
      );
    }
  });

  it('gives an admin the matching entries, their count and the pages', async () => {
    const admin = await createCaller(database.db, 'admin');
    await withActor(database.db, systemActor('audit-log-test'), (tx) =>
      tx.insert(organisations).values(
        [1, 2, 3].map((i) => ({
          kind: 'funder' as const,
          funderLevel: 'regional' as const,
          name: `Revision ${i}`,
          slug: `revision-${i}`,
        })),
      ),
    );
    const log = await readAuditLog(
      database.db,
      admin,
      auditFilter.parse({ entity: 'organisations', actor: 'audit-log-test' }),
    );
    expect([log.total, log.pages]).toEqual([3, 1]);
    expect(
      log.entries.map((e) => [e.actorLabel, e.action, e.changes.find((c) => c.field === 'name')?.after]),
    ).toEqual([
      ['system:audit-log-test', 'insert', 'Revision 3'],
      ['system:audit-log-test', 'insert', 'Revision 2'],
      ['system:audit-log-test', 'insert', 'Revision 1'],
    ]);
    expect(log.entities).toEqual(expect.arrayContaining(['memberships', 'organisations', 'users']));
  });
});
