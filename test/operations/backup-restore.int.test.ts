import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../src/db/backup.ts';
import { type Database, openDatabase, queryRows } from '../../src/db/client.ts';
import { pendingMigrations } from '../../src/db/readiness.ts';
import { clusterLabels } from '../../src/db/schema/index.ts';
import { countJobs } from '../../src/domain/jobs/overview.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { createJobQueue } from '../../src/jobs/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { BOTH, CVR, loadAccountFixture, ONLY_B } from '../performance/fixture.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';

/*
 * klynge backup / restore on the hand-made account fixture (test/performance/fixture.ts, every
 * figure worked out by hand): the account after a restore is the account of the backup, not of
 * the changes made after it.
 */

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
  dir = await mkdtemp(join(tmpdir(), 'klynge-backup-test-'));
}, 120_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const national2023 = (db: Database) => performanceAccount(db.db, 2023);
const clusterB2023 = (db: Database) => performanceAccount(db.db, 2023, { kind: 'cluster', cvr: CVR.B });

/** A change made after the backup: the labels are withdrawn, so the account has no gold or silver clusters. */
async function withdrawLabels(db: Database): Promise<void> {
  await withActor(db.db, systemActor('test'), (tx) => tx.delete(clusterLabels));
  expect(await national2023(db)).toEqual({ ...BOTH, gold_clusters: 0, silver_clusters: 0 });
}

/** The restored database still refuses a change without an actor and audits one with: its triggers came back. */
async function expectAuditedAgain(db: Database): Promise<void> {
  const before = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_log`);
  await withActor(db.db, systemActor('test'), (tx) => tx.delete(clusterLabels));
  const after = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from audit_log`);
  expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(2);
  await expect(db.db.execute(sql`delete from organisations`)).rejects.toThrow();
}

describe.runIf(testDriver() === 'postgres')('backup and restore of PostgreSQL', () => {
  const url = () => {
    if (database.raw.driver !== 'postgres') throw new Error('PostgreSQL only');
    return String(database.raw.pool.options.connectionString);
  };

  it('brings back the account of the backup after later changes, in the same database', async () => {
    expect(await national2023(database)).toEqual(BOTH);
    expect(await clusterB2023(database)).toEqual(ONLY_B);
    const file = join(dir, 'klynge.dump');
    await backupDatabase(database, file);
    expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('PGDMP');

    await withdrawLabels(database);
    await restoreDatabase({ databaseUrl: url() }, file);

    expect(await national2023(database)).toEqual(BOTH);
    expect(await clusterB2023(database)).toEqual(ONLY_B);
    expect(await pendingMigrations(database.db)).toBe(0);
    await expectAuditedAgain(database);
  });

  it('brings back the job queue with its queued jobs', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    // A queue with no workers in this process: the job stays queued.
    const queue = createJobQueue(database, createLogger(config), config.jobs);
    await queue.enqueue('survey-mails', { surveyId: '00000000-0000-4000-8000-000000000000' });
    await queue.stop();
    const queued = async () => (await countJobs(database.db)).find((k) => k.kind === 'survey-mails')?.counts;
    expect((await queued())?.created).toBe(1);
    const file = join(dir, 'queue.dump');
    await backupDatabase(database, file);
    await database.db.execute(sql`delete from pgboss.job`);
    expect((await queued())?.created).toBe(0);

    await restoreDatabase({ databaseUrl: url() }, file);
    expect((await queued())?.created).toBe(1);
    await database.db.execute(sql`delete from pgboss.job`);
  });

  it('changes nothing when the backup is cut short or is of the embedded database', async () => {
    const before = await national2023(database);
    const file = join(dir, 'whole.dump');
    await backupDatabase(database, file);
    const bytes = await readFile(file);
    const cut = join(dir, 'cut.dump');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreDatabase({ databaseUrl: url() }, cut)).rejects.toThrow(BackupError);
    expect(await national2023(database)).toEqual(before);

    const embedded = join(dir, 'embedded.tar.gz');
    await writeFile(embedded, Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    await expect(restoreDatabase({ databaseUrl: url() }, embedded)).rejects.toThrow(
      'is a backup of the embedded database, not of PostgreSQL',
    );
    expect(await national2023(database)).toEqual(before);
  });
});

describe.runIf(testDriver() === 'pglite')('backup and restore of the embedded database', () => {
  it('restores the account of the backup into a data directory, and again over a changed one', async () => {
    expect(await national2023(database)).toEqual(BOTH);
    const file = join(dir, 'klynge.tar.gz');
    await backupDatabase(database, file);
    const dataDir = join(dir, 'data');

    expect(await restoreDatabase({ dataDir }, file)).toEqual({});
    let restored = await openDatabase({ dataDir });
    try {
      expect(await national2023(restored)).toEqual(BOTH);
      expect(await clusterB2023(restored)).toEqual(ONLY_B);
      await withdrawLabels(restored);
    } finally {
      await restored.close();
    }

    const { previous } = await restoreDatabase({ dataDir }, file);
    expect(previous).toMatch(/data\.before-restore-/);
    expect((await stat(previous as string)).isDirectory()).toBe(true);
    restored = await openDatabase({ dataDir });
    try {
      expect(await national2023(restored)).toEqual(BOTH);
      expect(await pendingMigrations(restored.db)).toBe(0);
      await expectAuditedAgain(restored);
    } finally {
      await restored.close();
    }
  });

  it('refuses a PostgreSQL backup or a file that is no backup, and leaves the data directory alone', async () => {
    const pgDump = join(dir, 'postgres.dump');
    await writeFile(pgDump, 'PGDMP and more');
    const dataDir = join(dir, 'untouched');
    await expect(restoreDatabase({ dataDir }, pgDump)).rejects.toThrow(
      'is a backup of PostgreSQL; set DATABASE_URL to restore it',
    );
    const notBackup = join(dir, 'notes.txt');
    await writeFile(notBackup, 'hello');
    await expect(restoreDatabase({ dataDir }, notBackup)).rejects.toThrow(
      'is not a backup made by klynge backup',
    );
    await expect(stat(dataDir)).rejects.toThrow();
  });
});
