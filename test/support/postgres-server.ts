import pg from 'pg';

// Helpers shared by the postgres global setup (main vitest process) and the test files (workers).

/** Test databases of one run share a prefix, so the run's teardown can sweep what a crash left. */
export const testDatabasePrefix = (runId: string | number): string => `klynge_t_${runId}_`;
export const templateDatabaseName = (runId: string | number): string => `klynge_test_template_${runId}`;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The same server and credentials, another database. */
export function databaseUrlFor(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

/** CREATE/DROP DATABASE run from a connection to another database: the one DATABASE_URL names. */
export async function withServer<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
