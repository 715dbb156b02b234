import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import type { AppEnv } from '../../src/http/context.ts';
import { errorHandler } from '../../src/http/errors.tsx';
import { createLogger } from '../../src/logger.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let apiToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const cluster = await createCluster(database.db, { cvr: '11223344', name: 'Klynge Input', slug: 'input' });
  apiToken = (
    await createApiToken(database.db, roleCaller('admin'), {
      organisationId: cluster.id,
      name: 'Input system',
      now: new Date(),
      lifetime: 30,
    })
  ).token;
});
afterAll(() => database?.close());

const NOT_A_UUID = ['abc', '1', '00000000-0000-0000-0000-00000000000g', "1' or '1'='1"];

describe(`ids in paths (${testDriver()})`, () => {
  it('answers a page whose id is not a UUID with 404, signed out and signed in', async () => {
    const admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
    for (const id of NOT_A_UUID) {
      for (const path of [
        `/ansoegninger/${encodeURIComponent(id)}`,
        `/en/applications/${encodeURIComponent(id)}`,
        `/ansoegninger/${encodeURIComponent(id)}/afgoerelse.pdf`,
        `/bilag/${encodeURIComponent(id)}`,
        `/arbejdsrum/indberetninger/${encodeURIComponent(id)}`,
        `/finansiering/planer/${encodeURIComponent(id)}`,
        `/resultater/pejlemaerker/${encodeURIComponent(id)}`,
      ]) {
        expect((await new Client(t.app).get(path)).res.status, `${path} signed out`).toBe(404);
        const { res, html } = await admin.get(path);
        expect(res.status, `${path} as admin`).toBe(404);
        expect(html).toContain(path.startsWith('/en/') ? 'Page not found' : 'Siden findes ikke');
      }
    }
  });

  it('answers an activity id that is not a whole number, or beyond any id, with 404', async () => {
    const staff = await signedInClient(t.app, (await createUser(database.db, 'cluster_staff')).email);
    for (const id of ['abc', '1.5', '-1', '99999999999999999999999']) {
      const path = `/arbejdsrum/aktiviteter/${id}`;
      expect((await staff.get(path)).res.status, path).toBe(404);
      expect((await staff.get(`${path}/deltagere/1`)).res.status, path).toBe(404);
      expect((await staff.get(`/arbejdsrum/aktiviteter/1/deltagere/${id}`)).res.status, path).toBe(404);
    }
  });

  it('still serves static pages that share a position with an id', async () => {
    const funder = await signedInClient(t.app, (await createUser(database.db, 'funder')).email);
    expect((await funder.get('/finansiering/planer/ny')).res.status).toBe(200);
    expect((await funder.get('/resultater/pejlemaerker')).res.status).toBe(200);
  });
});

describe(`NUL bytes (${testDriver()})`, () => {
  it('refuses a NUL byte in a path segment with 400, on every kind of page', async () => {
    for (const path of [
      '/klynger/%00',
      '/nyheder/%00',
      '/historier/a%00b',
      '/arrangementer/%00',
      '/opslag/%00',
      '/en/clusters/%00',
      '/klyngeforum/initiativer/%00',
      '/findes-ikke/%00',
      '/assets/%00',
      '/healthz/%00',
    ]) {
      const { res, html } = await new Client(t.app).get(path);
      expect(res.status, path).toBe(400);
      expect(html, path).toContain(path.startsWith('/en/') ? 'Invalid request' : 'Ugyldig forespørgsel');
    }
  });

  it('refuses a malformed %-escape in the path or the query with 400', async () => {
    for (const path of ['/klynger/%E0%A4%A', '/nyheder/%', '/soeg?q=%E0%A4%A', '/api/v1/clusters/%E0%A4%A']) {
      expect((await t.app.request(path)).status, path).toBe(400);
    }
  });

  it('refuses a NUL byte in a query parameter with 400', async () => {
    for (const path of [
      '/soeg?q=%00',
      '/klynger?tema=a%00',
      '/nyheder?side=%00',
      '/resultater?aar=%00',
      '/soeg?%00=1',
    ]) {
      expect((await new Client(t.app).get(path)).res.status, path).toBe(400);
    }
  });

  it('refuses a NUL byte in a form field with 400 before the page acts', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    await client.get('/log-ind');
    const login = await client.post('/log-ind', { email: `${user.email}\u0000`, password: TEST_PASSWORD });
    expect(login.res.status).toBe(400);
    expect(login.html).toContain('Ugyldig forespørgsel');
    expect(client.hasCookie('klynge_session')).toBe(false);

    const signedIn = await signedInClient(t.app, user.email);
    await signedIn.get('/konto');
    const account = await signedIn.post('/konto', { name: 'Ny\u0000navn' });
    expect(account.res.status).toBe(400);
  });
});

describe(`the JSON API (${testDriver()})`, () => {
  const api = (path: string, auth = false) =>
    t.app.request(path, auth ? { headers: { authorization: `Bearer ${apiToken}` } } : {});

  it('answers NUL bytes in paths and queries with a JSON 400', async () => {
    for (const path of ['/api/v1/clusters/%00', '/api/v1/clusters?theme=%00', '/api/v1/search?q=a%00']) {
      const res = await api(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('bad_request');
    }
    const tokenRoute = await api('/api/v1/activities?year=%00', true);
    expect(tokenRoute.status).toBe(400);
  });

  it('answers a delivery id that is not a UUID with a JSON 404', async () => {
    const res = await api('/api/v1/deliveries/abc', true);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe(`input refused further down (${testDriver()})`, () => {
  /** A route that hands its input to the real database or a schema, as a page that forgot a check would. */
  function appWithLog() {
    const lines: Record<string, unknown>[] = [];
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = createLogger(config, sink);
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', t.deps);
      c.set('log', log);
      await next();
    });
    app.get('/api/uuid/:value', async (c) => {
      await database.db.execute(sql`select ${c.req.param('value')}::uuid as id`);
      return c.json({});
    });
    app.get('/api/number/:value', async (c) => {
      await database.db.execute(sql`select ${c.req.param('value')}::integer as n`);
      return c.json({});
    });
    app.get('/api/score/:value', (c) =>
      c.json(z.object({ score: z.coerce.number().int() }).parse(c.req.param())),
    );
    app.get('/api/broken', async () => {
      await database.db.execute(sql`select * from no_such_table where id = ${'kept-out-of-logs'}`);
    });
    app.onError(errorHandler);
    return { app, lines };
  }

  it('answers a value PostgreSQL refuses with 400 and logs it as a warning without SQL or parameters', async () => {
    const { app, lines } = appWithLog();
    for (const path of ['/api/uuid/not-a-uuid-secret', '/api/number/99999999999']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    const score = await app.request('/api/score/3,5');
    expect(score.status).toBe(400);
    expect(lines.map((l) => l.level)).toEqual([40, 40, 40]);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('not-a-uuid-secret');
    expect(logged).not.toContain('99999999999');
    expect(logged).not.toContain('select');
  });

  it('still answers a fault of the server with 500, logged as an error', async () => {
    const { app, lines } = appWithLog();
    const res = await app.request('/api/broken');
    expect(res.status).toBe(500);
    expect(lines.map((l) => l.level)).toEqual([50]);
  });
});
