import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, memberships, organisations, users } from '../../db/schema/index.ts';
import { createFirstAdministrator } from './bootstrap.ts';
import { authenticateWithPassword, resetPassword } from './commands.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const NOW = new Date('2026-01-05T09:00:00Z');

describe('the first administrator', () => {
  it('refuses bad input before writing anything', async () => {
    await expectAppError(createFirstAdministrator(database.db, { email: 'not-an-email' }, NOW), 'validation');
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it('is created once, in a new support-function organisation, audited, and sets a password by the link', async () => {
    const first = await createFirstAdministrator(
      database.db,
      { email: ' Ida@Styrelse.DK ', name: 'Ida Drift', organisation: 'Erhvervsstyrelsen drift' },
      NOW,
    );
    expect(first.email).toBe('ida@styrelse.dk');
    expect(first.organisationName).toBe('Erhvervsstyrelsen drift');
    const rows = await database.db
      .select({
        name: users.name,
        role: memberships.role,
        kind: organisations.kind,
        hash: users.passwordHash,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(users.email, 'ida@styrelse.dk'));
    expect(rows).toEqual([{ name: 'Ida Drift', role: 'admin', kind: 'support_function', hash: null }]);
    const audited = await database.db
      .select({ entity: auditLog.entity, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorLabel, 'system:init'));
    expect(audited.map((a) => `${a.entity}:${a.action}`).sort()).toEqual([
      'memberships:insert',
      'organisations:insert',
      'users:insert',
    ]);

    await resetPassword(database.db, first.token, 'et-langt-nyt-kodeord', new Date(NOW.getTime() + 60_000));
    const signedIn = await authenticateWithPassword(database.db, 'ida@styrelse.dk', 'et-langt-nyt-kodeord');
    expect(signedIn?.email).toBe('ida@styrelse.dk');
    // The link works once.
    await expectAppError(
      resetPassword(database.db, first.token, 'et-andet-kodeord-x', new Date(NOW.getTime() + 120_000)),
      'validation',
    );
  });

  it('refuses when an administrator exists, and changes nothing', async () => {
    const before = await database.db.select({ id: users.id }).from(users);
    await expectAppError(
      createFirstAdministrator(database.db, { email: 'anden@styrelse.dk' }, NOW),
      'conflict',
    );
    expect(await database.db.select({ id: users.id }).from(users)).toEqual(before);
  });
});

describe('the first administrator on a database with organisations but no administrator', () => {
  let other: Database;
  beforeAll(async () => {
    other = await createTestDatabase();
  });
  afterAll(() => other?.close());

  it('joins the organisation of that name instead of creating a second one', async () => {
    const existing = await createOrganisation(other.db, { name: 'Klyngeportalen', kind: 'support_function' });
    await createFirstAdministrator(other.db, { email: 'drift@klynge.dk' }, NOW);
    const [membership] = await other.db
      .select({ organisationId: memberships.organisationId })
      .from(memberships)
      .innerJoin(users, and(eq(users.id, memberships.userId), eq(users.email, 'drift@klynge.dk')));
    expect(membership?.organisationId).toBe(existing.id);
    expect(
      await other.db.select().from(organisations).where(eq(organisations.name, 'Klyngeportalen')),
    ).toHaveLength(1);
  });
});
