import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import type { AppEnv } from '../../src/http/context.ts';
import { createLogger } from '../../src/logger.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  deps: Deps;
  /** Moves the app's clock; starts at the real time. */
  advanceClock(ms: number): void;
}

export function createTestApp(
  database: Database,
  env: Record<string, string> = {},
  overrides: Partial<Pick<Deps, 'mailer'>> = {},
): TestApp {
  // Other areas' tests sign admins and funders in with a password alone; the two-step login's
  // own tests pass TWO_STEP_LOGIN: 'required'.
  // Jobs are looked for often and retried soon, so tests wait little for them.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TWO_STEP_LOGIN: 'off',
    JOB_POLL_SECONDS: '0.5',
    JOB_RETRY_DELAY_SECONDS: '1',
    ...env,
  });
  let offset = 0;
  const deps = createDeps(config, database, createLogger(config), {
    ...overrides,
    clock: () => new Date(Date.now() + offset),
  });
  // The job queue (started by the first job) stops before the test's database closes.
  const closeDatabase = database.close.bind(database);
  database.close = async () => {
    await deps.jobs.stop();
    await closeDatabase();
  };
  return { app: createApp(deps), deps, advanceClock: (ms) => (offset += ms) };
}

/**
 * A cookie-keeping client for in-process requests, like a browser without JavaScript: it
 * follows nothing by itself, and reads the CSRF token from the last HTML page it fetched.
 */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken = '';
  lastHtml = '';

  constructor(private readonly app: Hono<AppEnv>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    this.lastHtml = html;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    return { res, html };
  }

  /** Posts a form with the CSRF token from the last page, unless `csrf: false`. */
  async post(
    path: string,
    fields: Record<string, string>,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const body = new URLSearchParams(fields);
    if (opts.csrf !== false) body.set('_csrf', this.csrfToken);
    const res = await this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    });
    const html = res.headers.get('content-type')?.includes('text/html') ? await res.text() : '';
    return { res, html };
  }

  async login(email: string, password: string) {
    await this.get('/log-ind');
    return this.post('/log-ind', { email, password });
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** A client signed in through the login form as the user with this e-mail (TEST_PASSWORD). */
export async function signedInClient(app: Hono<AppEnv>, email: string): Promise<Client> {
  const client = new Client(app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

/**
 * Uploads files as a web delivery, waits for its loading in the background and follows the
 * progress page to the result page. A refused upload (no redirect) comes back as it is.
 */
export async function uploadDelivery(
  t: TestApp,
  client: Client,
  files: Record<string, string | Uint8Array>,
  path = '/arbejdsrum/indberetninger',
) {
  await client.get(path);
  const form = new FormData();
  form.set('_csrf', client.csrfToken);
  for (const [name, text] of Object.entries(files))
    form.append(
      'files',
      new File([typeof text === 'string' ? text : new Uint8Array(text)], name, { type: 'text/csv' }),
    );
  const posted = await client.request(path, { method: 'POST', body: form });
  const jobPath = posted.headers.get('location');
  if (posted.status !== 303 || !jobPath)
    return { res: posted, html: await posted.text(), location: null, jobPath };
  await t.deps.jobs.idle();
  const done = await client.request(jobPath);
  const location = done.headers.get('location');
  if (done.status !== 303 || !location)
    throw new Error(`delivery job did not end in a result: ${done.status}`);
  return { ...(await client.get(location)), location, jobPath };
}
