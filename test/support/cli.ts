/**
 * Running the `klynge` command as a user would, in a child process, for the CLI tests.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from './database.ts';
import { startSmtpServer } from './smtp.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `klynge <args>` with exactly `env` (and in `cwd`); resolves when it exits. */
export function runKlynge(args: string[], env: Record<string, string>, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The connection string of a test database on the PostgreSQL server, for a child process. */
export function databaseUrlOf(database: Database): string {
  const raw = database.raw as { driver: 'postgres'; pool: { options: { connectionString: string } } };
  return raw.pool.options.connectionString;
}

/**
 * A command that e-mails, tried on the test's own PostgreSQL database with a real SMTP server and a
 * working directory of its own (hooks registered for the calling file). On PGlite only one process
 * may hold a data directory, so it does nothing there: the commands' domain functions are tested
 * on both drivers in their own files.
 */
export function mailingCli(prefix: string) {
  let dir: string | undefined;
  let env: Record<string, string> = {};
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    if (testDriver() !== 'postgres') return;
    dir = await mkdtemp(join(tmpdir(), `klynge-${prefix}-`));
    smtp = await startSmtpServer();
    database = await createTestDatabase();
    env = {
      ...process.env,
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'https://klynge.example',
      SMTP_URL: smtp.url,
      DATABASE_URL: databaseUrlOf(database),
    } as Record<string, string>;
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const present = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what}: runs on PostgreSQL only`);
    return value;
  };
  return {
    run: (args: string[], extraEnv: Record<string, string> = {}) =>
      runKlynge(args, { ...env, ...extraEnv }, dir),
    db: () => present(database, 'the CLI test database'),
    smtp: () => present(smtp, 'the CLI test SMTP server'),
  };
}
