import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { performanceAccountSchema } from '../../src/domain/performance/schemas.ts';
import { formatNumber } from '../../src/http/i18n/index.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let robotics: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  t = createTestApp(database);
  const [row] = await queryRows<{ cvr: string }>(
    database.db,
    sql`select cvr from organisations where slug = 'odense-robotics'`,
  );
  robotics = row?.cvr ?? '';
}, 180_000);
afterAll(() => database?.close());

const da = (n: number) => formatNumber(n, 'da');
const MANAGE_TARGETS = 'Redigér pejlemærker';

describe(`performance API (${testDriver()})`, () => {
  it('serves exactly the account performanceAccount computes, nationally, per cluster, region and league', async () => {
    const cases: [string, Parameters<typeof performanceAccount>[2]][] = [
      ['year=2023', { kind: 'national' }],
      [`year=2022&cluster=${robotics}`, { kind: 'cluster', cvr: robotics }],
      ['year=2023&region=1083', { kind: 'region', regionCode: 1083 }],
      ['year=2021&league=world_class', { kind: 'league', league: 'world_class' }],
    ];
    for (const [query, scope] of cases) {
      const res = await t.app.request(`/api/v1/performance?${query}`);
      expect(res.status, query).toBe(200);
      const body = await res.json();
      const year = Number(/year=(\d+)/.exec(query)?.[1]);
      expect(body, query).toEqual(await performanceAccount(database.db, year, scope));
      expect(performanceAccountSchema.parse(body)).toEqual(body);
    }
    const national = (await (await t.app.request('/api/v1/performance?year=2023')).json()) as {
      participating_companies: number;
    };
    expect(national.participating_companies).toBeGreaterThan(1000);
  });

  it('answers 400 with the parameter named for a missing year, bad CVR, unknown region or two scopes', async () => {
    const cases: [string, string][] = [
      ['', 'year'],
      ['year=abc', 'year'],
      ['year=2023&cluster=12345678', 'cluster'],
      ['year=2023&cluster=30000005', 'cluster'],
      ['year=2023&region=1090', 'region'],
      ['year=2023&league=gold', 'league'],
      ['year=2023&region=1083&league=regional', 'query'],
    ];
    for (const [query, field] of cases) {
      const res = await t.app.request(`/api/v1/performance?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { message: string; issues: { field: string }[] } };
      expect(
        body.error.issues.map((i) => i.field),
        query,
      ).toContain(field);
      expect(body.error.message).toMatch(/Invalid query parameters/);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string; required: boolean }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/v1/performance']?.get;
    expect(op?.parameters.map((p) => p.name)).toEqual(['year', 'cluster', 'region', 'league', 'preliminary']);
    expect(op?.parameters.find((p) => p.name === 'year')?.required).toBe(true);
    expect(doc.components.schemas.PerformanceAccount).toBeTruthy();
  });
});

describe(`performance-account pages (${testDriver()})`, () => {
  it('shows the national account with the five targets, their status in words, and the numbers in tables', async () => {
    const client = new Client(t.app);
    const first = await client.request('/resultater');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/resultater/2023');
    const { res, html } = await client.get('/resultater/2023');
    expect(res.status).toBe(200);
    const account = await performanceAccount(database.db, 2023);
    expect(html).toContain('Performanceregnskab 2023');
    expect(html).toContain('Mindst 2.000 virksomheder har årligt udviklet nye innovationer');
    expect(html).toContain('1.600 (2014)');
    expect(html).toContain('mindst 2.000');
    expect(html).toMatch(/Nået|Ikke nået|På vej/);
    expect(html).toContain('Vises uden måltal');
    // Key figures, the small-company split and the regional table carry the account's numbers.
    expect(html).toContain(`<td class="results-number">${da(account.participating_companies)}</td>`);
    expect(html).toContain(`<td class="results-number">${da(account.small_innovating_companies)}</td>`);
    expect(html).toContain(
      `<td class="results-number">${da(account.innovating_companies_by_region['1083'] ?? 0)}</td>`,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('<figcaption');
    expect(html).toContain('Eksportér');
    expect(html).not.toMatch(/ style="/);
    // The drill-down lists the clusters whose 2023 is official; Odense Robotics' was returned.
    const [approved] = await queryRows<{ cvr: string }>(
      database.db,
      sql`select o.cvr from reporting_periods p join organisations o on o.id = p.cluster_id
          where p.year = 2023 and p.status in ('approved', 'locked') order by o.cvr limit 1`,
    );
    expect(html).toContain(`/resultater/2023/klynger/${approved?.cvr}`);
    expect(html).not.toContain(`/resultater/2023/klynger/${robotics}`);
    // The export links lead to the files of the same account.
    const xlsxLink = /href="(\/resultater\/2023\/eksport\.xlsx)"/.exec(html)?.[1];
    expect(xlsxLink).toBeDefined();
    const xlsx = await t.app.request(xlsxLink as string);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(html).toContain('href="/resultater/2023/eksport.pdf"');
    expect(html).toContain('href="/resultater/2023/eksport.xlsx?cluster=all"');
    expect(html).not.toContain(MANAGE_TARGETS); // a visitor
  });

  it("drills down to a cluster's account and compares two years with the change", async () => {
    const client = new Client(t.app);
    const cluster = await client.get(`/resultater/2022/klynger/${robotics}`);
    expect(cluster.res.status).toBe(200);
    const own = await performanceAccount(database.db, 2022, { kind: 'cluster', cvr: robotics });
    expect(cluster.html).toContain('Odense Robotics: performanceregnskab 2022');
    expect(cluster.html).toContain(`<td class="results-number">${da(own.participating_companies)}</td>`);
    expect(cluster.html).toContain(`href="/resultater/2022/eksport.pdf?cluster=${robotics}"`);
    expect((await client.get('/resultater/2022/klynger/30000005')).res.status).toBe(404);
    expect((await client.get('/resultater/1999')).res.status).toBe(404);

    const cmp = await client.get('/resultater/sammenlign?fra=2021&til=2023');
    expect(cmp.res.status).toBe(200);
    const [a, b] = [await performanceAccount(database.db, 2021), await performanceAccount(database.db, 2023)];
    const diff = b.activities - a.activities;
    expect(cmp.html).toContain(`${diff > 0 ? '+' : ''}${da(diff)}`);
    expect((await client.get('/resultater/sammenlign?fra=1999&til=2023')).res.status).toBe(400);
    const en = await client.get('/en/results/2023');
    expect(en.html).toContain('Performance account 2023');
  });

  it('lets the owning funder edit a target as a new version, and refuses cluster staff', async () => {
    const funder = new Client(t.app);
    const login = DEMO_LOGINS.find((d) => d.role === 'funder');
    await funder.login(login?.email ?? '', DEMO_PASSWORD);
    const list = await funder.get('/resultater/pejlemaerker');
    expect(list.res.status).toBe(200);
    const setPath = /href="(\/resultater\/pejlemaerker\/[0-9a-f-]{36})"/.exec(list.html)?.[1] ?? '';
    expect(setPath).toMatch(/^\/resultater\/pejlemaerker\/[0-9a-f-]{36}$/);
    const edit = await funder.get(`${setPath}/4`);
    expect(edit.html).toContain('value="1.500"');
    const saved = await funder.post(setPath, {
      code: '4',
      metric: 'international_companies',
      labelDa: 'Mindst 1.800 virksomheder i internationale aktiviteter',
      labelEn: 'At least 1,800 companies in international activities',
      direction: 'at_least',
      baselineYear: '2014',
      baselineValue: '900',
      targetValue: '1800',
      note: '',
    });
    expect(saved.res.status).toBe(303);
    const after = await funder.get(saved.res.headers.get('location') ?? '');
    expect(after.html).toContain('Pejlemærke 4 er gemt som version 2.');
    const year = await funder.get('/resultater/2023');
    expect(year.html).toContain('mindst 1.800');
    // The owning funder is offered the way to the targets from the results page; cluster staff are not.
    expect(year.html).toContain(`<a href="/resultater/pejlemaerker">${MANAGE_TARGETS}</a>`);
    const invalid = await funder.post(setPath, {
      code: '7',
      metric: 'activities',
      labelDa: 'x',
      labelEn: 'x',
      direction: 'at_least',
      targetValue: '',
    });
    expect(invalid.res.status).toBe(422);
    expect(invalid.html).toContain('Angiv et mål');

    const staff = new Client(t.app);
    const cl = DEMO_LOGINS.find((d) => d.role === 'cluster_staff');
    await staff.login(cl?.email ?? '', DEMO_PASSWORD);
    expect((await staff.get('/resultater/2023')).html).not.toContain(MANAGE_TARGETS);
    expect((await staff.get(setPath)).res.status).toBe(403);
    expect((await staff.get('/resultater/pejlemaerker')).res.status).toBe(403);
  });
});
