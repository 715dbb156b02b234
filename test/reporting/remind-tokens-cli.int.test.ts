import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { createUserAndCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';
import { startSmtpServer } from '../support/smtp.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
let dir: string;
let env: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let postgres: Database | undefined;

/**
 * The CLI runs against the test's own PostgreSQL database. On PGlite only one process may hold a
 * data directory, and migrating one for the CLI took 30 s of test time; the reminders themselves
 * are tested on both drivers (token-reminders.int.test.ts), the CLI's PGlite set-up by cli.int.test.ts.
 */
beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  dir = await mkdtemp(join(tmpdir(), 'klynge-remind-'));
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

describe.runIf(testDriver() === 'postgres')('klynge remind-tokens', () => {
  it('mails the reminder once; a run that cannot reach the SMTP server exits 1 and leaves it for the next', async () => {
    const DAY = 86_400_000;
    const { tokenId, email } = await withDb(async (database) => {
      const org = await createOrganisation(database.db, { name: 'Klynge CLI' });
      const { user: creator, caller } = await createUserAndCaller(database.db, 'cluster_staff', {
        organisationId: org.id,
      });
      // Made 20 days ago with a 30-day lifetime: it expires in 10 days, by the real clock the CLI uses.
      const token = await createApiToken(database.db, caller, {
        organisationId: org.id,
        name: 'Lønsystem',
        now: new Date(Date.now() - 20 * DAY),
        lifetime: 30,
      });
      // Due in 20 days: not yet.
      await createApiToken(database.db, caller, {
        organisationId: org.id,
        name: 'Senere',
        now: new Date(Date.now() - 10 * DAY),
        lifetime: 30,
      });
      return { tokenId: token.id, email: creator.email };
    });
    const reminded = () =>
      withDb(async (database) => {
        const [row] = await queryRows<{ at: unknown }>(
          database.db,
          sql`select expiry_reminded_at as at from api_tokens where id = ${tokenId}`,
        );
        return row?.at ?? null;
      });

    const failed = await run(['remind-tokens'], { SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toContain('Sent 0 reminder e-mail(s) for 0 API token(s)');
    expect(failed.stdout).toContain('1 e-mail(s) failed, 1 token(s) left for the next run');
    expect(failed.stderr).toContain('API token expiry reminder not sent');
    expect(await reminded()).toBeNull();

    const first = await run(['remind-tokens']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 reminder e-mail(s) for 1 API token(s) expiring within 14 days\n');
    expect(smtp.received.map((m) => m.to)).toEqual([[email]]);
    const body = (smtp.received[0]?.data ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('https://klynge.example/arbejdsrum/api-noegler?organisation=');
    expect(await reminded()).not.toBeNull();

    const again = await run(['remind-tokens']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sent 0 reminder e-mail(s)');
    expect(smtp.received).toHaveLength(1);
  }, 180_000);
});
