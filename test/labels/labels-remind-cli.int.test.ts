import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { clusterLabels } from '../../src/db/schema/index.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { startSmtpServer } from '../support/smtp.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
let dir: string;
let env: Record<string, string>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let postgres: Database | undefined;

/**
 * The CLI runs against the test's own PostgreSQL database (on PGlite only one process may hold
 * a data directory); the reminders themselves are tested on both drivers (src/domain/labels).
 */
beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  dir = await mkdtemp(join(tmpdir(), 'klynge-labels-'));
  smtp = await startSmtpServer();
  postgres = await createTestDatabase();
  const raw = postgres.raw as { driver: 'postgres'; pool: { options: { connectionString: string } } };
  env = {
    ...process.env,
    LOG_LEVEL: 'error',
    PUBLIC_URL: 'https://klynge.example',
    SMTP_URL: smtp.url,
    DATABASE_URL: raw.pool.options.connectionString,
  } as Record<string, string>;
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  await postgres?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.runIf(testDriver() === 'postgres')('klynge labels remind', () => {
  it('sends the reminders due on --today once, and refuses a day that is not one', async () => {
    const db = (postgres as Database).db;
    const cluster = await createOrganisation(db, { name: 'CLI-klyngen' });
    const staff = await createUser(db, 'cluster_staff', { organisationId: cluster.id });
    await withActor(db, systemActor('test'), (tx) =>
      tx.insert(clusterLabels).values({
        organisationId: cluster.id,
        level: 'silver',
        awardedOn: '2025-09-01',
        validUntil: '2027-09-01',
        assessingBody: 'ESCA',
      }),
    );

    const bad = await run(['labels', 'remind', '--today=2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--today must be a date YYYY-MM-DD, not '2026-02-30'");

    const first = await run(['labels', 'remind', '--today=2026-09-01']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 reminder e-mail(s) for 1 label(s) expiring in 12, 6, 3 months\n');
    expect(smtp.received.map((m) => m.to)).toEqual([[staff.email]]);

    const again = await run(['labels', 'remind', '--today=2026-09-01']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sent 0 reminder e-mail(s) for 0 label(s)');
    expect(smtp.received).toHaveLength(1);
  }, 180_000);
});
