import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

const cookieOf = (res: Response, name: string) =>
  new RegExp(`${name}=([^;]+)`).exec(res.headers.getSetCookie().join('; '))?.[1] ?? '';

/** A form post to the account page (an empty password change: 422 once past the CSRF check). */
function postAccount(
  init: { cookie: string; token: string; headers?: Record<string, string> },
  path = '/konto',
) {
  return t.app.request(path, {
    method: 'POST',
    headers: { cookie: init.cookie, 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
    body: new URLSearchParams({ _csrf: init.token }).toString(),
  });
}

/** A signed-in browser: its cookies and the token of its forms. */
async function victim() {
  const user = await createUser(database.db, 'cluster_staff');
  const login = await t.app.request('/log-ind');
  const visitorCookie = `klynge_csrf=${cookieOf(login, 'klynge_csrf')}`;
  const visitorToken = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
  const signedIn = await t.app.request('/log-ind', {
    method: 'POST',
    headers: { cookie: visitorCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: visitorToken, email: user.email, password: TEST_PASSWORD }).toString(),
  });
  expect(signedIn.status).toBe(303);
  const session = `klynge_session=${cookieOf(signedIn, 'klynge_session')}`;
  const account = await t.app.request('/konto', { headers: { cookie: `${session}; ${visitorCookie}` } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await account.text())?.[1] ?? '';
  // Everything such a browser could still send (the visitor cookie too), so that only the origin decides.
  const browser = `${session}; ${visitorCookie}`;
  return { user, session, visitorCookie, visitorToken, token, browser };
}

describe(`CSRF tokens belong to the session (${testDriver()})`, () => {
  it('accepts a signed-in form with the token of its own session', async () => {
    const v = await victim();
    expect((await postAccount({ cookie: v.session, token: v.token })).status).toBe(422);
  });

  it("refuses the victim's session with an attacker's own CSRF cookie and token", async () => {
    const v = await victim();
    const attacker = await t.app.request('/log-ind');
    const attackerCookie = `klynge_csrf=${cookieOf(attacker, 'klynge_csrf')}`;
    const attackerToken = /name="_csrf" value="([^"]+)"/.exec(await attacker.text())?.[1] ?? '';
    const res = await postAccount({ cookie: `${v.session}; ${attackerCookie}`, token: attackerToken });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Formularen er udløbet');
  });

  it("refuses a token of another user's session, and of the same user's earlier session", async () => {
    const v = await victim();
    const other = await victim();
    expect((await postAccount({ cookie: v.session, token: other.token })).status).toBe(403);
    const again = await signedInClient(t.app, v.user.email);
    await again.get('/konto');
    expect((await postAccount({ cookie: v.session, token: again.csrfToken })).status).toBe(403);
    expect((await again.post('/konto', {})).res.status).toBe(422);
  });

  it('rotates on login: the token of the login page does not carry over into the session', async () => {
    const v = await victim();
    const res = await postAccount({ cookie: `${v.session}; ${v.visitorCookie}`, token: v.visitorToken });
    expect(res.status).toBe(403);
  });

  it('sends a browser whose session ended to the login page instead of acting', async () => {
    const v = await victim();
    const out = await t.app.request('/log-ud', {
      method: 'POST',
      headers: { cookie: v.session, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: v.token }).toString(),
    });
    expect(out.status).toBe(303);
    const stale = await postAccount({ cookie: v.session, token: v.token });
    expect(stale.status).toBe(303);
    expect(stale.headers.get('location')).toBe('/log-ind?next=%2Fkonto');
  });
});

describe(`cross-site requests (${testDriver()})`, () => {
  it('refuses a form posted from another origin, whatever its token', async () => {
    const v = await victim();
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost:3000.evil.example',
      'https://localhost:3000',
    ]) {
      const res = await postAccount({ cookie: v.browser, token: v.token, headers: { origin } });
      expect(res.status, origin).toBe(403);
    }
  });

  it('refuses a post without Origin that the browser marks cross-site', async () => {
    const v = await victim();
    const res = await postAccount({
      cookie: v.browser,
      token: v.token,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });

  it("accepts the site's own origin, same-origin fetch metadata, and a post with neither", async () => {
    const v = await victim();
    const cases: Record<string, string>[] = [
      { origin: 'http://localhost:3000' },
      { 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const headers of cases) {
      expect(
        (await postAccount({ cookie: v.browser, token: v.token, headers })).status,
        JSON.stringify(headers),
      ).toBe(422);
    }
  });

  it('accepts the origin the request was sent to (the server on another port)', async () => {
    const v = await victim();
    const res = await postAccount(
      { cookie: v.browser, token: v.token, headers: { origin: 'http://127.0.0.1:4321' } },
      'http://127.0.0.1:4321/konto',
    );
    expect(res.status).toBe(422);
  });

  it('takes the public address behind a trusted proxy, and not a forwarded host without one', async () => {
    const proxied = createTestApp(database, { PUBLIC_URL: 'https://klynger.example', TRUST_PROXY: 'true' });
    const user = await createUser(database.db, 'funder');
    const client = await signedInClient(proxied.app, user.email);
    await client.get('/konto');
    const post = (headers: Record<string, string>) =>
      client.request('http://127.0.0.1:3999/konto', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ _csrf: client.csrfToken }).toString(),
      });
    expect((await post({ origin: 'https://klynger.example' })).status).toBe(422);
    expect(
      (
        await post({
          origin: 'https://intra.example',
          'x-forwarded-host': 'intra.example',
          'x-forwarded-proto': 'https',
        })
      ).status,
    ).toBe(422);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);

    const direct = createTestApp(database, { PUBLIC_URL: 'https://klynger.example' });
    const other = await signedInClient(direct.app, user.email);
    await other.get('/konto');
    const forwarded = await other.request('/konto', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
      body: new URLSearchParams({ _csrf: other.csrfToken }).toString(),
    });
    expect(forwarded.status).toBe(403);
  });

  it('refuses a cross-site upload before reading it', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const client = await signedInClient(t.app, user.email);
    await client.get('/arbejdsrum/indberetninger');
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    form.append('files', new File(['cvr;name\n'], 'companies.csv', { type: 'text/csv' }));
    const res = await client.request('/arbejdsrum/indberetninger', {
      method: 'POST',
      body: form,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('leaves the token API alone: it takes no cookies', async () => {
    const res = await t.app.request('/api/v1/deliveries', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});
