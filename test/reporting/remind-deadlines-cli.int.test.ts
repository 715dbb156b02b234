import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { startSmtpServer } from '../support/smtp.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
let dir: string;
let env: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let postgres: Database | undefined;

/**
 * The CLI runs against the test's own PostgreSQL database. On PGlite only one process may hold a
 * data directory, and migrating one for the CLI took 30 s of test time; the reminders themselves
 * are tested on both drivers (deadline-reminders.int.test.ts), the CLI's PGlite set-up by cli.int.test.ts.
 */
beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  dir = await mkdtemp(join(tmpdir(), 'klynge-deadlines-'));
  smtp = await startSmtpServer();
  const base = {
    ...process.env,
    LOG_LEVEL: 'error',
    PUBLIC_URL: 'https://klynge.example',
    SMTP_URL: smtp.url,
  } as Record<string, string>;
  postgres = await createTestDatabase();
  const raw = postgres.raw as { driver: 'postgres'; pool: { options: { connectionString: string } } };
  env = { ...base, DATABASE_URL: raw.pool.options.connectionString };
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  await postgres?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  if (!postgres) throw new Error('runs on PostgreSQL only');
  return work(postgres);
}

function run(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.runIf(testDriver() === 'postgres')('klynge reporting remind', () => {
  it('mails the reminder due on --today once; refuses a day that does not exist', async () => {
    const email = await withDb(async (database) => {
      const funder = await createOrganisation(database.db, { kind: 'funder' });
      const cluster = await createOrganisation(database.db, { name: 'Klynge CLI' });
      const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
      await withActor(database.db, systemActor('test'), (tx) =>
        tx
          .insert(fundingGrants)
          .values({ funderId: funder.id, clusterId: cluster.id, year: 2019, amountDkk: 1 }),
      );
      return staff.email;
    });
    // 1 March 2020 less 7 days is 23 February (2020 is a leap year).
    const first = await run(['reporting', 'remind', '--today=2020-02-23']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 deadline reminder e-mail(s) to 1 cluster year(s) on 2020-02-23\n');
    expect(smtp.received.map((m) => m.to)).toEqual([[email]]);
    const again = await run(['reporting', 'remind', '--today=2020-02-23']);
    expect(again.stdout).toBe('Sent 0 deadline reminder e-mail(s) to 0 cluster year(s) on 2020-02-23\n');
    expect(smtp.received).toHaveLength(1);
    const claims = await withDb((database) =>
      queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from reporting_reminders`),
    );
    expect(claims[0]?.n).toBe(1);
    const wrong = await run(['reporting', 'remind', '--today=2020-02-30']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'klynge reporting remind: --today must be a day as YYYY-MM-DD, not 2020-02-30\n',
    );
  }, 180_000);
});
