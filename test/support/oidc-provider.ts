/**
 * A real OpenID Connect provider (npm oidc-provider) on a free loopback port, with its signing
 * keys made at start, for the relying party's tests: no part of the protocol is mocked. People
 * are accounts with claims; `authorize` plays the person at the provider's own login and consent
 * pages and returns the redirect back to the site.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_CLIENT = { id: 'klyngeportalen', secret: 'test-client-secret-of-the-relying-party' };

export interface TestProvider {
  issuer: string;
  /** Everyone the provider knows, by subject; tests add people before they log in. */
  accounts: Map<string, Record<string, unknown>>;
  /** The environment that configures the site's provider `id` against this one. */
  env(id: string, extra?: Record<string, string>): Record<string, string>;
  /** Logs `subject` in at the provider from its authorisation URL; the redirect back to the site. */
  authorize(authorizationUrl: string, subject: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUris: string[], claimNames: string[]): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((u) => new URL('/log-ind?status=logged-out', u).href),
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', ...claimNames] },
    features: { rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
  });
  server.on('request', provider.callback());

  async function authorize(authorizationUrl: string, subject: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = authorizationUrl;
    let init: RequestInit = {};
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (!next.href.startsWith(issuer)) return next;
        url = next.href;
        init = {};
        continue;
      }
      // A page of the provider's own: the login form, then consent.
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt)
        throw new Error(`unexpected provider page (${res.status}): ${html.slice(0, 300)}`);
      url = new URL(action, url).href;
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(
          prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt },
        ).toString(),
      };
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    accounts,
    env: (id, extra = {}) => {
      const v = (name: string) => `OIDC_${id.toUpperCase()}_${name}`;
      return {
        OIDC_PROVIDERS: id,
        [v('ISSUER')]: issuer,
        [v('CLIENT_ID')]: TEST_CLIENT.id,
        [v('CLIENT_SECRET')]: TEST_CLIENT.secret,
        ...extra,
      };
    },
    authorize,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
