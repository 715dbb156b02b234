import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../test/support/database.ts';
import { createUser } from '../../test/support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../../test/support/http.ts';
import { startTestProvider, type TestProvider } from '../../test/support/oidc-provider.ts';
import type { OidcProviderConfig } from '../config.ts';
import { withActor } from '../db/actor.ts';
import type { Database } from '../db/client.ts';
import { memberships, organisations, userIdentities, users } from '../db/schema/index.ts';
import { unlinkIdentity } from '../domain/accounts/identities.ts';
import { NEMLOGIN_CLAIMS } from '../domain/accounts/identity-claims.ts';
import { isValidCvr } from '../domain/reference/identifiers.ts';
import { createRelyingParty, LoginFailed } from './relying-party.ts';

const PUBLIC_URL = 'http://klynge.test';
const REDIRECT_URI = `${PUBLIC_URL}/log-ind/retur/nemlogin`;
const n = NEMLOGIN_CLAIMS;
const SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';

let database: Database;
let provider: TestProvider;
let t: TestApp;

/** A valid CVR number no test used before (the check digit of mod 11). */
let nextCvr = 39_000_000 + Math.floor(Math.random() * 900_000);
function freshCvr(): string {
  while (!isValidCvr(String(++nextCvr)));
  return String(nextCvr);
}

beforeAll(async () => {
  database = await createTestDatabase();
  provider = await startTestProvider([REDIRECT_URI], Object.values(n));
  // Two-step login is required here: MitID Erhverv at level Substantial counts as two factors.
  t = createTestApp(database, { PUBLIC_URL, TWO_STEP_LOGIN: 'required', ...provider.env('nemlogin') });
}, 60_000);
afterAll(async () => {
  await provider?.close();
  await database?.close();
});

/** A person at the provider, by a new subject. */
function person(claims: Record<string, unknown>): string {
  const subject = randomUUID();
  provider.accounts.set(subject, claims);
  return subject;
}

/** The browser's round trip: the site's login button, the provider's pages, the return to the site. */
async function logIn(
  client: Client,
  subject: string,
  tamper: (back: URL) => void = () => {},
  at: TestProvider = provider,
) {
  const start = await client.request('/log-ind/med/nemlogin');
  expect(start.status).toBe(303);
  const back = await at.authorize(start.headers.get('location') ?? '', subject);
  expect(back.href.startsWith(REDIRECT_URI)).toBe(true);
  tamper(back);
  return client.get(`${back.pathname}${back.search}`);
}

describe(`login with MitID Erhverv through a real OIDC provider (${testDriver()})`, () => {
  it('makes a company account for a first login with a CVR number the portal does not know', async () => {
    const cvr = freshCvr();
    const email = `mette-${cvr}@firma.example`;
    const client = new Client(t.app);
    const { res } = await logIn(
      client,
      person({
        email,
        [n.fullName]: 'Mette Madsen',
        [n.cvr]: cvr,
        [n.orgName]: `Firma ${cvr} ApS`,
        [n.loa]: SUBSTANTIAL,
      }),
    );
    expect(res.status).toBe(303);
    // A company user lands on the company's page, which works before any profile is written.
    expect(res.headers.get('location')).toBe('/virksomhed');
    expect((await client.get('/virksomhed')).res.status).toBe(200);
    const account = await client.get('/konto');
    expect(account.res.status).toBe(200);
    expect(account.html).toContain(`Firma ${cvr} ApS`);
    const [company] = await database.db.select().from(organisations).where(eq(organisations.cvr, cvr));
    expect(company?.kind).toBe('company');
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    expect(user?.name).toBe('Mette Madsen');
    const roles = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user?.id ?? ''));
    expect(roles.map((r) => [r.organisationId, r.role])).toEqual([[company?.id, 'company_user']]);
    // A company's user has no administration.
    expect((await client.request('/admin')).status).toBe(403);
  });

  it("links an invited funder by e-mail; MitID's level Substantial is the second factor", async () => {
    const funder = await createUser(database.db, 'funder');
    await withActor(database.db, { userId: null, label: 'test' }, (tx) =>
      tx.update(users).set({ invitedAt: new Date() }).where(eq(users.id, funder.id)),
    );
    const client = new Client(t.app);
    const { res } = await logIn(
      client,
      person({ email: funder.email, [n.fullName]: 'Fie Fond', [n.loa]: SUBSTANTIAL }),
    );
    // A funder lands on the funding overview.
    expect(res.headers.get('location')).toBe('/finansiering');
    expect((await client.request('/opslag/ny')).status).toBe(200);
    expect((await client.request('/admin')).status).toBe(403);
    const [linked] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, funder.id));
    expect(linked?.provider).toBe('nemlogin');
    const [user] = await database.db.select().from(users).where(eq(users.id, funder.id));
    expect(user?.invitedAt).toBeNull();
  });

  it('sends a funder whose provider login was one factor (level Low) to the second factor', async () => {
    const funder = await createUser(database.db, 'funder');
    await withActor(database.db, { userId: null, label: 'test' }, (tx) =>
      tx.update(users).set({ invitedAt: new Date() }).where(eq(users.id, funder.id)),
    );
    const client = new Client(t.app);
    const low = 'https://data.gov.dk/concept/core/nsis/loa/Low';
    const { res } = await logIn(client, person({ email: funder.email, [n.loa]: low }));
    expect(res.headers.get('location')).toBe('/log-ind/engangskode?next=%2Ffinansiering');
    const blocked = await client.request('/opslag/ny');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/log-ind/engangskode?next=%2Fopslag%2Fny');
  });

  it('refuses a person who is neither invited nor acting for a company, and starts no session', async () => {
    const client = new Client(t.app);
    const { res, html } = await logIn(client, person({ email: 'nobody@example.com', [n.loa]: SUBSTANTIAL }));
    expect(res.status).toBe(403);
    expect(html).toContain('Du er ikke oprettet som bruger');
    expect((await client.request('/konto')).status).toBe(303);
  });

  it('refuses a return with another state than the login started with', async () => {
    const client = new Client(t.app);
    const subject = person({
      email: `x-${randomUUID()}@firma.example`,
      [n.cvr]: freshCvr(),
      [n.loa]: SUBSTANTIAL,
    });
    const { res } = await logIn(client, subject, (back) => back.searchParams.set('state', 'forged'));
    expect(res.status).toBe(400);
    const account = await client.request('/konto');
    expect(account.status).toBe(303);
    expect(account.headers.get('location')).toBe('/log-ind?next=%2Fkonto');
  });

  it('refuses a return without a login started in this browser', async () => {
    const client = new Client(t.app);
    const { res } = await client.get('/log-ind/retur/nemlogin?code=abc&state=def');
    expect(res.status).toBe(400);
  });

  it('logs out at the provider too (RP-initiated logout with the ID token)', async () => {
    const client = new Client(t.app);
    const cvr = freshCvr();
    await logIn(client, person({ email: `logout-${cvr}@firma.example`, [n.cvr]: cvr, [n.loa]: SUBSTANTIAL }));
    await client.get('/konto');
    const { res } = await client.post('/log-ud', {});
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(
      `${PUBLIC_URL}/log-ind?status=logged-out`,
    );
    expect((await client.request('/konto')).status).toBe(303);
  });

  it('links MitID Erhverv to a password account from the account page; it then signs that user in', async () => {
    const staff = await createUser(database.db, 'cluster_staff');
    const client = await signedInClient(t.app, staff.email);
    await client.get('/konto');
    const start = await client.post('/konto/kobl/nemlogin', {});
    expect(start.res.status).toBe(303);
    const subject = person({ email: `other-${staff.id}@firma.example`, [n.loa]: SUBSTANTIAL });
    const back = await provider.authorize(start.res.headers.get('location') ?? '', subject);
    const linked = await client.get(`${back.pathname}${back.search}`);
    expect(linked.res.headers.get('location')).toBe('/konto?status=linked&provider=nemlogin');
    const again = await logIn(new Client(t.app), subject);
    // Cluster staff land on their workspace.
    expect(again.res.headers.get('location')).toBe('/arbejdsrum');
    const [identity] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, subject));
    expect(identity?.userId).toBe(staff.id);
  });

  it('lets an administrator unlink an identity (and no one else); the next login is a first login', async () => {
    const cvr = freshCvr();
    const email = `unlink-${cvr}@firma.example`;
    const subject = person({ email, [n.cvr]: cvr, [n.loa]: SUBSTANTIAL });
    await logIn(new Client(t.app), subject);
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    const [identity] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, user?.id ?? ''));
    const staff = await createCaller(database.db, 'cluster_staff');
    await expectAppError(unlinkIdentity(database.db, staff, user?.id ?? '', identity?.id ?? ''), 'forbidden');
    const admin = await createCaller(database.db, 'admin');
    await unlinkIdentity(database.db, admin, user?.id ?? '', identity?.id ?? '');
    const left = await database.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, 'nemlogin'), eq(userIdentities.subject, subject)));
    expect(left).toEqual([]);
    // The e-mail is an account's already: the person links the identity from that account.
    const again = await logIn(new Client(t.app), subject);
    expect(again.res.status).toBe(403);
  });
});

describe(`the relying party's protocol checks (${testDriver()})`, () => {
  /** A login up to the provider's answer, and what the site kept for it. */
  async function answered(subject: string) {
    const rp = t.deps.identityProviders;
    const { url, pending } = await rp.startLogin('nemlogin', REDIRECT_URI);
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    return { callback: await provider.authorize(url, subject), pending };
  }

  it('accepts a code once: a replayed code is refused by the provider', async () => {
    const subject = person({ email: 'replay@example.com' });
    const { callback, pending } = await answered(subject);
    const first = await t.deps.identityProviders.finishLogin('nemlogin', callback, pending);
    expect(first.claims.sub).toBe(subject);
    expect(first.claims.email).toBe('replay@example.com');
    await expect(t.deps.identityProviders.finishLogin('nemlogin', callback, pending)).rejects.toThrow(
      LoginFailed,
    );
  });

  it('refuses an ID token whose nonce is not the one the login sent', async () => {
    const { callback, pending } = await answered(person({ email: 'nonce@example.com' }));
    await expect(
      t.deps.identityProviders.finishLogin('nemlogin', callback, { ...pending, nonce: 'another-nonce' }),
    ).rejects.toThrow(LoginFailed);
  });

  it('refuses a PKCE verifier other than the one the login sent', async () => {
    const { callback, pending } = await answered(person({ email: 'pkce@example.com' }));
    await expect(
      t.deps.identityProviders.finishLogin('nemlogin', callback, {
        ...pending,
        codeVerifier: 'x'.repeat(43),
      }),
    ).rejects.toThrow(LoginFailed);
  });

  it('refuses an ID token that has expired by the site clock', async () => {
    const { callback, pending } = await answered(person({ email: 'expired@example.com' }));
    const later = createRelyingParty(t.deps.config.oidcProviders, {
      clock: () => new Date(Date.now() + 3 * 3600_000),
      allowHttp: true,
    });
    await expect(later.finishLogin('nemlogin', callback, pending)).rejects.toThrow(/exp|expired|timestamp/i);
  });
});

/** A login whose token response the network between site and provider changes: refused, with the failure page and no session. */
async function expectRefusedTokens(alter: (body: Record<string, unknown>) => void) {
  const client = new Client(t.app);
  const cvr = freshCvr();
  provider.alterTokenResponse = alter;
  try {
    const { res, html } = await logIn(
      client,
      person({ email: `tokens-${cvr}@firma.example`, [n.cvr]: cvr, [n.loa]: SUBSTANTIAL }),
    );
    expect(res.status).toBe(400);
    expect(html).toContain('Vi kunne ikke gennemføre login hos identitetsudbyderen. Prøv igen.');
  } finally {
    provider.alterTokenResponse = null;
  }
  const account = await client.request('/konto');
  expect(account.status).toBe(303);
  expect(account.headers.get('location')).toBe('/log-ind?next=%2Fkonto');
  expect(await database.db.select().from(organisations).where(eq(organisations.cvr, cvr))).toEqual([]);
}

describe(`ID tokens the site must refuse (${testDriver()})`, () => {
  it('refuses an altered ID token: claims changed after the provider signed them', async () => {
    await expectRefusedTokens((body) => {
      // Everything else stays as signed (nonce, audience, subject): only the signature can tell.
      const [header, payload = '', signature] = String(body.id_token).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const forged = { ...claims, [n.cvr]: freshCvr(), exp: Number(claims.exp) + 3600 };
      body.id_token = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    });
  });

  it('refuses an ID token with a broken signature', async () => {
    await expectRefusedTokens((body) => {
      const token = String(body.id_token);
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      body.id_token = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    });
  });

  it('refuses an ID token the provider signed with an expiry an hour ago', async () => {
    await expectRefusedTokens((body) => {
      body.id_token = provider.resign(String(body.id_token), (claims) => {
        const now = Math.floor(Date.now() / 1000);
        Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
      });
    });
  });

  it('accepts the same login when nothing changes the answer (the refusals above are the changes)', async () => {
    const client = new Client(t.app);
    const cvr = freshCvr();
    const { res } = await logIn(
      client,
      person({ email: `intact-${cvr}@firma.example`, [n.cvr]: cvr, [n.loa]: SUBSTANTIAL }),
    );
    expect(res.status).toBe(303);
    expect((await client.request('/konto')).status).toBe(200);
  });
});

describe(`a provider that requires signed request objects and private_key_jwt (${testDriver()})`, () => {
  let strict: TestProvider;
  let app: TestApp;

  beforeAll(async () => {
    strict = await startTestProvider([REDIRECT_URI], Object.values(n), { signedRequests: true });
    // The key comes from the environment as PEM, as a key file would give it.
    app = createTestApp(database, { PUBLIC_URL, TWO_STEP_LOGIN: 'required', ...strict.env('nemlogin') });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('is sent a signed request object and a signed client assertion; the login succeeds', async () => {
    const metadata = (await (await fetch(`${strict.issuer}/.well-known/openid-configuration`)).json()) as {
      require_signed_request_object?: boolean;
    };
    expect(metadata.require_signed_request_object).toBe(true);
    const client = new Client(app.app);
    const start = await client.request('/log-ind/med/nemlogin');
    const sent = new URL(start.headers.get('location') ?? '');
    // The parameters travel inside the signed request object, not as plain query parameters.
    expect(sent.searchParams.get('request')?.split('.')).toHaveLength(3);
    expect(sent.searchParams.get('nonce')).toBeNull();

    const cvr = freshCvr();
    const subject = randomUUID();
    strict.accounts.set(subject, { email: `jar-${cvr}@firma.example`, [n.cvr]: cvr, [n.loa]: SUBSTANTIAL });
    const { res } = await logIn(new Client(app.app), subject, () => {}, strict);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/virksomhed');
  });

  it('cannot be used without a private key: the login does not start, naming what is missing', async () => {
    const unsigned = createRelyingParty(
      [
        {
          ...(app.deps.config.oidcProviders[0] as OidcProviderConfig),
          privateKey: undefined,
          clientSecret: 'x',
        },
      ],
      { clock: () => new Date(), allowHttp: true },
    );
    await expect(unsigned.startLogin('nemlogin', REDIRECT_URI)).rejects.toThrow(
      'nemlogin demands signed requests: configure a private key',
    );
  });
});
