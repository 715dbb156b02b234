/**
 * A real OpenID Connect provider (npm oidc-provider) on a free loopback port, with its signing
 * keys made at start, for the relying party's tests: no part of the protocol is mocked. People
 * are accounts with claims; `authorize` plays the person at the provider's own login and consent
 * pages and returns the redirect back to the site.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
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
  /**
   * Changes the provider's next answers from its token endpoint (the JSON body), as a network
   * between site and provider could; null leaves them as the provider made them.
   */
  alterTokenResponse: ((body: Record<string, unknown>) => void) | null;
  /** An ID token with the claims of `idToken` changed by `change`, signed again with the provider's own key. */
  resign(idToken: string, change: (claims: Record<string, unknown>) => void): string;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  /**
   * The client authenticates with private_key_jwt and must sign its request objects (JAR), as
   * the provider's metadata says (require_signed_request_object); `env` then gives the client's
   * private key, as PEM, instead of a secret.
   */
  signedRequests?: boolean;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export async function startTestProvider(
  redirectUris: string[],
  claimNames: string[],
  opts: TestProviderOptions = {},
): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientKey = opts.signedRequests ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : undefined;
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((u) => new URL('/log-ind?status=logged-out', u).href),
        ...(clientKey
          ? {
              token_endpoint_auth_method: 'private_key_jwt',
              request_object_signing_alg: 'RS256',
              jwks: {
                keys: [{ ...clientKey.publicKey.export({ format: 'jwk' }), kid: 'client', use: 'sig' }],
              },
            }
          : { client_secret: TEST_CLIENT.secret, token_endpoint_auth_method: 'client_secret_basic' }),
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', ...claimNames] },
    features: {
      rpInitiatedLogout: { enabled: true },
      requestObjects: {
        enabled: clientKey !== undefined,
        requireSignedRequestObject: clientKey !== undefined,
      },
    },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
  });
  const testProvider = { alterTokenResponse: null } as Pick<TestProvider, 'alterTokenResponse'>;
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.status === 200 && testProvider.alterTokenResponse)
      testProvider.alterTokenResponse(ctx.body as Record<string, unknown>);
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

  return Object.assign(testProvider, {
    issuer,
    accounts,
    env: (id: string, extra: Record<string, string> = {}) => {
      const v = (name: string) => `OIDC_${id.toUpperCase()}_${name}`;
      return {
        OIDC_PROVIDERS: id,
        [v('ISSUER')]: issuer,
        [v('CLIENT_ID')]: TEST_CLIENT.id,
        ...(clientKey
          ? { [v('PRIVATE_KEY')]: clientKey.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }
          : { [v('CLIENT_SECRET')]: TEST_CLIENT.secret }),
        ...extra,
      };
    },
    authorize,
    resign: (idToken: string, change: (claims: Record<string, unknown>) => void) => {
      const [header = '', payload = ''] = idToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      change(claims);
      return signJwt(JSON.parse(Buffer.from(header, 'base64url').toString()), claims, privateKey);
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}
