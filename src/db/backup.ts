import { spawn } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PGlite } from '@electric-sql/pglite';
import { type Database, pgliteExtensions } from './client.ts';

/**
 * Backups of the whole database in the form its own tools read back: pg_dump's custom format for
 * PostgreSQL, PGlite's dump of its data directory (a gzipped tar) for the embedded database.
 * A restore replaces everything; the file says which kind it is, so a PostgreSQL backup is never
 * loaded into PGlite or the other way round.
 */

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Where a restore goes: a PostgreSQL database, or the embedded database's directory (closed). */
export type RestoreTarget = { databaseUrl: string } | { dataDir: string };

type BackupKind = 'postgres' | 'pglite';

/** A connection URL without its password, and the password apart: it goes to the tools' environment, never their command line. */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL tool; its error output becomes the error when it fails. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', (err) => fail(new BackupError(`${command} could not be started: ${err.message}`)));
    child.on('close', (code) =>
      code === 0 ? done() : fail(new BackupError(`${command} failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

/** Writes a backup of the open database to `file` (via a temporary name, so a failed backup leaves no file). */
export async function backupDatabase(database: Database, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    if (database.raw.driver === 'pglite') {
      const dump = await database.raw.client.dumpDataDir('gzip');
      await writeFile(partial, Readable.fromWeb(dump.stream() as WebReadableStream<Uint8Array>));
    } else {
      const { url, env } = connection(String(database.raw.pool.options.connectionString));
      await runTool(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, url],
        env,
      );
    }
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

async function kindOf(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupError(`cannot read the backup ${file}`);
  });
  try {
    const { buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (buffer.toString('latin1') === 'PGDMP') return 'postgres';
    if (buffer[0] === 0x1f && buffer[1] === 0x8b) return 'pglite';
    throw new BackupError(`${file} is not a backup made by klynge backup`);
  } finally {
    await handle.close();
  }
}

/**
 * Replaces the database with the backup in `file`. PostgreSQL: in one transaction, the schemas are
 * emptied and the dump replayed (pg_restore writes the SQL, psql runs it), so a failed restore
 * changes nothing and no table of a later migration survives beside the restored ones. PGlite: the
 * dump is unpacked into a new directory that then takes the data directory's place; the old one is
 * kept beside it and its path returned.
 */
export async function restoreDatabase(target: RestoreTarget, file: string): Promise<{ previous?: string }> {
  const kind = await kindOf(file);
  if ('databaseUrl' in target) {
    if (kind !== 'postgres')
      throw new BackupError(`${file} is a backup of the embedded database, not of PostgreSQL`);
    await restorePostgres(target.databaseUrl, file);
    return {};
  }
  if (kind !== 'pglite')
    throw new BackupError(`${file} is a backup of PostgreSQL; set DATABASE_URL to restore it`);
  return restorePglite(target.dataDir, file);
}

/** The job queue's schema (pg-boss, `src/jobs/queue.ts`) is part of the backup: queued jobs come back. */
const EMPTY_SCHEMAS =
  'drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; drop schema public cascade; create schema public;';

/**
 * pg_restore first writes the whole SQL script to a file: were it piped straight into psql, a
 * backup cut short would end the script early and psql would commit what it had read.
 */
async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), 'klynge-restore-'));
  try {
    const script = join(dir, 'restore.sql');
    await runTool('pg_restore', ['--no-owner', '--no-privileges', `--file=${script}`, file], env).catch(
      () => {
        throw new BackupError(`${file} could not be read as a PostgreSQL backup; nothing was changed`);
      },
    );
    await runTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        '--command',
        EMPTY_SCHEMAS,
        `--file=${script}`,
        url,
      ],
      env,
    ).catch((err: Error) => {
      throw new BackupError(`restore failed, nothing was changed: ${err.message}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function restorePglite(dataDir: string, file: string): Promise<{ previous?: string }> {
  const target = resolve(dataDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const incoming = `${target}.restoring-${stamp}`;
  try {
    const client = await PGlite.create(incoming, {
      loadDataDir: await openAsBlob(file),
      extensions: pgliteExtensions,
    });
    await client.close();
  } catch (err) {
    await rm(incoming, { recursive: true, force: true });
    throw new BackupError(`the backup could not be unpacked: ${(err as Error).message}`);
  }
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  const previous = exists ? `${target}.before-restore-${stamp}` : undefined;
  if (previous) await rename(target, previous);
  await rename(incoming, target);
  return previous ? { previous } : {};
}
