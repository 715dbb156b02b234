import { stat } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../db/backup.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';

const where = (config: Config) =>
  config.databaseUrl ? 'the PostgreSQL database' : `the embedded database in ${config.dataDir}`;

/** Failures of the tools or the file are the user's to act on: a message and exit 1, no stack. */
async function reported(command: string, work: () => Promise<string>): Promise<number> {
  try {
    process.stderr.write(`${await work()}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    process.stderr.write(`klynge ${command}: ${err.message}\n`);
    return 1;
  }
}

/** `klynge backup <file>`: the whole database as it is now; the database is not migrated or changed. */
export function backupCommand(config: Config, file: string): Promise<number> {
  return reported('backup', async () => {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await backupDatabase(database, file);
    } finally {
      await database.close();
    }
    const { size } = await stat(file);
    return `Backup of ${where(config)} written to ${file} (${(size / 1e6).toFixed(1)} MB)`;
  });
}

/**
 * `klynge restore <file>`: replaces the database with the backup, then migrates it, so a backup
 * made by an earlier release is brought up to this one's schema.
 */
export function restoreCommand(config: Config, file: string): Promise<number> {
  return reported('restore', async () => {
    const target = config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
    const { previous } = await restoreDatabase(target, file);
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    return `Restored ${where(config)} from ${file}${previous ? `; the database it replaced is kept in ${previous}` : ''}`;
  });
}
