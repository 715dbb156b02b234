import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Db, migrationsFolder, queryRows } from './client.ts';

/** When each migration of this build was generated, read once: the files do not change while running. */
let migrationTimes: number[] | undefined;
const knownMigrationTimes = () => {
  migrationTimes ??= readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
  return migrationTimes;
};

/**
 * How many migrations of this build the database has not had yet. Drizzle's migrator records each
 * applied migration with its generation time and applies those newer than the last one recorded,
 * so the same comparison says what it would still apply. A database never migrated throws (the
 * table is missing), which is as unready as pending migrations.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  const [row] = await queryRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  const last = Number(row?.last ?? 0);
  return knownMigrationTimes().filter((when) => when > last).length;
}
