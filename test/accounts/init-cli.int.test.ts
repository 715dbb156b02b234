import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { memberships, users } from '../../src/db/schema/index.ts';
import { authenticateWithPassword, resetPassword } from '../../src/domain/accounts/commands.ts';
import { databaseUrlOf, runKlynge } from '../support/cli.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';

let postgres: Database | undefined;
let env: Record<string, string>;

/**
 * The CLI runs against the test's own PostgreSQL database (one process per PGlite directory: the
 * command itself is tested on both drivers in src/domain/accounts/bootstrap.int.test.ts).
 */
beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  postgres = await createTestDatabase();
  env = {
    ...process.env,
    LOG_LEVEL: 'error',
    PUBLIC_URL: 'https://klynge.example/',
    DATABASE_URL: databaseUrlOf(postgres),
  } as Record<string, string>;
}, 120_000);
afterAll(() => postgres?.close());

const run = (args: string[]) => runKlynge(args, env);

describe.runIf(testDriver() === 'postgres')('klynge init', () => {
  it('without --email: usage error 2', async () => {
    const result = await run(['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('klynge init: --email is required\n');
  });

  it('creates the first administrator and prints a working one-time link; a second init exits 1', async () => {
    if (!postgres) throw new Error('runs on PostgreSQL only');
    const first = await run(['init', '--email', 'drift@styrelse.dk', '--name', 'Dorte Drift']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const link = /https:\/\/klynge\.example\/nulstil-adgangskode\?token=([A-Za-z0-9_-]+)/.exec(first.stdout);
    expect(link).not.toBeNull();
    const [admin] = await postgres.db
      .select({ role: memberships.role })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, 'drift@styrelse.dk'));
    expect(admin).toEqual({ role: 'admin' });
    await resetPassword(postgres.db, String(link?.[1]), 'drift-kodeord-2026', new Date());
    expect(
      (await authenticateWithPassword(postgres.db, 'drift@styrelse.dk', 'drift-kodeord-2026'))?.email,
    ).toBe('drift@styrelse.dk');

    const second = await run(['init', '--email', 'andre@styrelse.dk']);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe('klynge init: an administrator exists already; nothing was changed\n');
    expect(await postgres.db.select().from(users).where(eq(users.email, 'andre@styrelse.dk'))).toEqual([]);
  });
});
