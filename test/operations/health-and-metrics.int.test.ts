import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/main.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

/** The value of one series of the app's metrics, by name and exact labels (0 when absent). */
async function metricValue(app: TestApp, name: string, labels: Record<string, string>): Promise<number> {
  const all = await app.deps.metrics.registry.getMetricsAsJSON();
  const values = all.find((m) => m.name === name)?.values ?? [];
  const wanted = Object.entries(labels);
  const found = values.find(
    (v) =>
      wanted.every(([k, value]) => String(v.labels[k]) === value) &&
      Object.keys(v.labels).length === wanted.length,
  );
  return found?.value ?? 0;
}

describe(`readiness (${testDriver()})`, () => {
  it('is ready when the database answers and has every migration', async () => {
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: testDriver(), pendingMigrations: 0 });
  });

  it('is not ready while a migration of this build is missing from the database', async () => {
    const own = await createTestDatabase();
    try {
      // As a database migrated by the previous release looks: its newest migration not yet applied.
      await own.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const res = await createTestApp(own).app.request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not ready', database: testDriver(), pendingMigrations: 1 });
    } finally {
      await own.close();
    }
  });

  it('is not ready, with 503 and no details, when the database does not answer', async () => {
    const own = await createTestDatabase();
    const broken = createTestApp(own);
    await own.close();
    const res = await broken.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not ready',
      database: testDriver(),
      error: 'database unavailable',
    });
  });
});

describe(`request metrics (${testDriver()})`, () => {
  it('times requests per route pattern, not per path', async () => {
    const app = createTestApp(database);
    await createCluster(database.db, { cvr: '29403473', name: 'Metrik A', slug: 'metrik-a' });
    await createCluster(database.db, { cvr: '20000007', name: 'Metrik B', slug: 'metrik-b' });
    for (const path of [
      '/klynger/metrik-a',
      '/klynger/metrik-b',
      '/klynger/metrik-a',
      '/klynger/findes-ikke',
    ]) {
      await app.app.request(path);
    }
    const count = (route: string, status: string) =>
      metricValue(app, 'klynge_http_request_duration_seconds', { method: 'GET', route, status, le: '+Inf' });
    expect(await count('/klynger/:slug', '200')).toBe(3);
    expect(await count('/klynger/:slug', '404')).toBe(1);
    const text = await app.deps.metrics.registry.metrics();
    expect(text).not.toContain('metrik-a');
  });

  it('counts the rows of loaded deliveries per channel and table, and nothing of a rejected one', async () => {
    const app = createTestApp(database);
    const cvr = '10000009';
    const org = await createCluster(database.db, { cvr, name: 'Metrik C', slug: 'metrik-c' });
    const { token } = await createApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      name: 'metrics',
      now: new Date(),
      lifetime: 30,
    });
    const post = (activities: string) => {
      const form = new FormData();
      form.append('files', new File([activities], 'activities.csv', { type: 'text/csv' }));
      return app.app.request('/api/v1/deliveries', {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
    };
    const header = 'cluster_cvr,activity_ref,title,category,start_date';
    const loaded = await post(
      `${header}\n${cvr},M1,Et,networking,2024-05-01\n${cvr},M2,To,networking,2024-06-01\n`,
    );
    expect(loaded.status).toBe(201);
    const rejected = await post(`${header}\n${cvr},M3,Tre,networking,2024-02-30\n`);
    expect(rejected.status).toBe(422);
    const rows = (table: string) =>
      metricValue(app, 'klynge_delivery_rows_loaded_total', { channel: 'api', table });
    expect(await rows('activities')).toBe(2);
    expect(await rows('participants')).toBe(0);
  });
});

describe(`metrics port (${testDriver()})`, () => {
  it('serves /metrics on its own port when METRICS_PORT is set, and not on the site', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
    });
    const server = await startServer(config, database, createLogger(config));
    try {
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const metrics = await fetch(server.metricsUrl as string);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain(
        'klynge_http_request_duration_seconds_count{method="GET",route="/readyz",status="200"} 1',
      );
      expect(text).toContain('process_resident_memory_bytes');
      expect((await fetch(server.metricsUrl?.replace('/metrics', '/other') as string)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
