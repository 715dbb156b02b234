import type { TestProject } from 'vitest/node';
import { type Database, migrateDatabase, openDatabase } from '../../src/db/client.ts';
import {
  databaseUrlFor,
  quoteIdentifier,
  templateDatabaseName,
  testDatabasePrefix,
  withServer,
} from './postgres-server.ts';
import './provided-context.ts';

/**
 * Creates and migrates one template database on the server named by DATABASE_URL; each test file
 * then clones it with CREATE DATABASE … TEMPLATE, a fraction of the cost of running migrations.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return buildPostgresTemplate(project);
}

/** Builds the run's template database, migrated and then filled by `seed` when given. */
export async function buildPostgresTemplate(
  project: TestProject,
  seed?: (database: Database) => Promise<unknown>,
): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('the postgres test project needs DATABASE_URL');
  const started = performance.now();
  const templateName = templateDatabaseName(process.pid);
  const databasePrefix = testDatabasePrefix(process.pid);

  const dropTemplate = () =>
    withServer(databaseUrl, async (client) => {
      // Test files drop their own databases; a crashed worker cannot, so sweep its leftovers.
      const leftovers = await client.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [databasePrefix],
      );
      for (const datname of [...leftovers.rows.map((r) => r.datname), templateName]) {
        // A database an autovacuum worker still holds is left behind: harmless on a throwaway
        // test server, and no reason to fail a run whose tests passed.
        await client
          .query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`)
          .catch((err: Error) => process.stderr.write(`could not drop ${datname}: ${err.message}\n`));
      }
    });

  // Also clears a template left by a killed run that had the same pid.
  await dropTemplate();
  await withServer(databaseUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(templateName)}`));
  try {
    const template = await openDatabase({
      databaseUrl: databaseUrlFor(databaseUrl, templateName),
      poolSize: 1,
    });
    try {
      await migrateDatabase(template);
      await seed?.(template);
    } finally {
      // CREATE DATABASE … TEMPLATE refuses a template that still has connections.
      await template.close();
    }
  } catch (error) {
    // Vitest runs no teardown for a setup that threw.
    await dropTemplate();
    throw error;
  }
  project.provide('postgresTemplate', { databaseUrl, templateName, databasePrefix });
  console.log(`[${project.name}] PostgreSQL template built in ${Math.round(performance.now() - started)} ms`);

  return dropTemplate;
}
