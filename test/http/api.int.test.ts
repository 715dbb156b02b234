import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { CSV_COLUMNS, clusterDetailSchema, clusterListSchema } from '../../src/http/api/catalogue.ts';
import { labelListSchema } from '../../src/http/api/labels.ts';
import { searchResponseSchema } from '../../src/http/api/search.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

const SEED_TIMEOUT = 180_000;

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  t = createTestApp(database);
}, SEED_TIMEOUT);
afterAll(() => database?.close());

async function getJson(path: string, status = 200) {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

const today = () => new Date().toISOString().slice(0, 10);

describe(`open data API (${testDriver()})`, () => {
  it('lists every cluster in the documented shape, readable from any origin and briefly cacheable', async () => {
    const { res, body } = await getJson('/api/v1/clusters');
    const list = clusterListSchema.parse(body);
    expect(list.meta.count).toBe(21);
    expect(list.data).toHaveLength(21);
    const robotics = list.data.find((c) => c.slug === 'odense-robotics');
    // The cluster organisation's CVR, as the organisations register holds it
    const [registered] = await queryRows<{ cvr: string }>(
      database.db,
      sql`select cvr from organisations where slug = 'odense-robotics'`,
    );
    expect(registered?.cvr).toMatch(/^[1-9][0-9]{7}$/);
    expect(robotics).toMatchObject({
      name: 'Odense Robotics',
      cvr: registered?.cvr,
      league: 'world_class',
      themes: ['robotics', 'manufacturing'],
      seat: { municipality: { code: 461, name: 'Odense' }, region: { code: 1083 } },
      label: { level: 'gold' },
      links: { html: 'http://localhost:3000/klynger/odense-robotics' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('set-cookie')).toBeNull();
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await t.app.request('/api/v1/clusters', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('filters clusters by theme, region, league and current label, combined', async () => {
    const names = async (query: string) =>
      clusterListSchema.parse((await getJson(`/api/v1/clusters?${query}`)).body).data.map((c) => c.name);
    expect(await names('theme=energy')).toEqual([
      'Energy Cluster Denmark',
      'Sønderborg Brintnetværk',
      'Vestjysk Energi- og Brintklynge',
    ]);
    expect(await names('theme=energy&region=1083')).toEqual([
      'Energy Cluster Denmark',
      'Sønderborg Brintnetværk',
    ]);
    expect(await names('theme=energy&league=world_class')).toEqual(['Energy Cluster Denmark']);
    const gold = clusterListSchema.parse((await getJson('/api/v1/clusters?label=gold')).body).data;
    expect(gold.length).toBeGreaterThan(0);
    for (const c of gold) {
      expect(c.label?.level).toBe('gold');
      expect(c.label?.validUntil && c.label.validUntil >= today()).toBe(true);
    }
    expect(await names('theme=&region=')).toHaveLength(21);
  });

  it('answers invalid parameters with 400 and names each one', async () => {
    const { body } = await getJson('/api/v1/clusters?theme=nope&region=99&league=x', 400);
    const error = body.error as { code: string; message: string; issues: { field: string }[] };
    expect(error.code).toBe('bad_request');
    expect(error.issues.map((i) => i.field).sort()).toEqual(['league', 'region', 'theme']);
    expect((await getJson('/api/v1/labels?validOn=2025-13-45', 400)).body.error).toMatchObject({
      issues: [{ field: 'validOn' }],
    });
    expect((await getJson('/api/v1/search', 400)).body.error).toMatchObject({ issues: [{ field: 'q' }] });
    expect((await getJson('/api/v1/search?q=robot&page=0', 400)).body.error).toMatchObject({
      issues: [{ field: 'page' }],
    });
    const res = await t.app.request('/api/v1/search');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('gives one cluster by slug or by id, and a JSON 404 for an unknown one', async () => {
    const bySlug = clusterDetailSchema.parse((await getJson('/api/v1/clusters/odense-robotics')).body.data);
    const byId = clusterDetailSchema.parse((await getJson(`/api/v1/clusters/${bySlug.id}`)).body.data);
    expect(byId).toEqual(bySlug);
    expect(bySlug.labels.length).toBeGreaterThanOrEqual(2);
    expect(bySlug.labels[0]?.awardedOn.localeCompare(bySlug.labels[1]?.awardedOn ?? '')).toBe(1);
    const missing = await getJson('/api/v1/clusters/no-such-cluster', 404);
    expect(missing.body.error).toMatchObject({ code: 'not_found' });
    await getJson('/api/v1/clusters/00000000-0000-4000-8000-000000000000', 404);
    await getJson('/api/v1/nothing-here', 404);
  });

  it('serves the label register, by level and by the day a label is valid', async () => {
    const all = labelListSchema.parse((await getJson('/api/v1/labels')).body);
    expect(all.meta.count).toBeGreaterThan(21);
    const gold = labelListSchema.parse((await getJson('/api/v1/labels?level=gold')).body);
    expect(gold.data.every((l) => l.level === 'gold')).toBe(true);
    const onDay = labelListSchema.parse((await getJson('/api/v1/labels?validOn=2022-06-01')).body);
    expect(onDay.data.length).toBeGreaterThan(0);
    for (const l of onDay.data) {
      expect(l.awardedOn <= '2022-06-01' && l.validUntil >= '2022-06-01').toBe(true);
    }
    const own = labelListSchema.parse((await getJson('/api/v1/labels?cluster=odense-robotics')).body);
    expect(new Set(own.data.map((l) => l.cluster.slug))).toEqual(new Set(['odense-robotics']));
  });

  it('searches with the same results as the search page, in the documented shape', async () => {
    const body = searchResponseSchema.parse((await getJson('/api/v1/search?q=energi&region=1083')).body);
    expect(body.data[0]).toMatchObject({
      kind: 'cluster',
      title: 'Energy Cluster Denmark',
      url: 'http://localhost:3000/klynger/energy-cluster-denmark',
    });
    expect(body.meta.themes).toEqual(['energy']);
    expect(body.links.next).toContain('page=2');
    const { html } = await new Client(t.app).get('/soeg?q=energi&region=1083');
    expect(html).toContain(`<p role="status">${body.meta.total} resultater for »energi«</p>`);
    const en = searchResponseSchema.parse(
      (await getJson('/api/v1/search?q=robot&lang=en&type=cluster')).body,
    );
    expect(en.data[0]?.url).toBe('http://localhost:3000/en/clusters/odense-robotics');
    expect(en.data[0]?.summary).toMatch(/^Robotics, automation and drones cluster/);
  });

  it('answers CORS preflight requests', async () => {
    const res = await t.app.request('/api/v1/clusters', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('catalogue as CSV', () => {
  it('has a header and one row per cluster, and parses back with a CSV parser', async () => {
    const res = await t.app.request('/api/v1/clusters.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="klynger.csv"');
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(21);
    const food = rows.find((r) => r.slug === 'food-bio-cluster-denmark');
    expect(food).toMatchObject({ name: 'Food & Bio Cluster Denmark', themes: 'food', region_code: '1082' });
    expect(food?.cvr).toMatch(/^[1-9][0-9]{7}$/);
    expect(food?.summary_da).toContain(',');
  });

  it('takes the same filters as the list', async () => {
    const text = await (await t.app.request('/api/v1/clusters.csv?theme=energy&region=1083')).text();
    expect(parse(text, { columns: true })).toHaveLength(2);
    expect((await t.app.request('/api/v1/clusters.csv?label=platinum')).status).toBe(400);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 JSON that describes every API route, with resolvable references', async () => {
    const { body } = await getJson('/api/openapi.json');
    const doc = JSON.parse(JSON.stringify(body)) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    // The clusters carry their organisation's CVR, and the document says what it is.
    expect(JSON.stringify(doc.components.schemas)).toContain("The cluster organisation's CVR number");
    const routes = t.app.routes
      .filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/'))
      .map((r) => r.path.replace(/^\/api/, '').replace(/:([a-zA-Z]+)/g, '{$1}'));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of routes) expect(doc.paths[route]?.get, route).toBeDefined();
    for (const path of Object.keys(doc.paths)) expect(routes).toContain(path);
    const ids = Object.values(doc.paths).map((p) => p.get?.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').at(-1) ?? '']).toBeDefined();
  });

  it('is readable as a page at /api and /en/api listing every endpoint', async () => {
    const doc = (await getJson('/api/openapi.json')).body as { paths: Record<string, unknown> };
    for (const [path, lang] of [
      ['/api', 'da'],
      ['/en/api', 'en'],
    ] as const) {
      const { res, html } = await new Client(t.app).get(path);
      expect(res.status).toBe(200);
      expect(html).toContain(`<html lang="${lang}">`);
      for (const p of Object.keys(doc.paths)) expect(html).toContain(`<code>GET /api${p}</code>`);
      expect(html).toContain('href="/api/openapi.json"');
      expect(html).toContain('href="/api/v1/clusters?theme=energy"');
    }
  });
});
