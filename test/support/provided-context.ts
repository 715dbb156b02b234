// Values the global setups hand to test files through vitest's provide/inject. They must be
// plain JSON: each test file runs in its own forked process.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a tar dump of a migrated PGlite data directory (PGlite projects only). */
    pgliteTemplatePath: string;
    /** The migrated template database on the PostgreSQL server (postgres project only). */
    postgresTemplate: { databaseUrl: string; templateName: string; databasePrefix: string };
  }
}

export {};
