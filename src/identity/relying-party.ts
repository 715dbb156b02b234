/**
 * The site as an OpenID Connect relying party (openid-client) of each configured identity
 * provider: the authorization code flow with PKCE, state and nonce, a signed request object
 * (JAR) where the provider demands one or the configuration asks for it, ID token validation on
 * the app's clock (its signature included, against the provider's published keys), the user
 * info, and RP-initiated logout. What the claims mean is the domain's
 * business (src/domain/accounts/identity-claims.ts); this module only speaks the protocol.
 */
import * as oidc from 'openid-client';
import type { OidcProviderConfig } from '../config.ts';

/** What the browser must bring back to the callback, kept by the caller (a signed cookie). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CompletedLogin {
  /** The ID token's claims merged with the user info's (the ID token wins on `sub`). */
  claims: Record<string, unknown>;
  /** The raw ID token, for logging out at the provider later. */
  idToken: string;
}

export interface RelyingParty {
  readonly providers: readonly OidcProviderConfig[];
  provider(id: string): OidcProviderConfig | undefined;
  /** The provider's authorization URL for a new login, and what the callback must check. */
  startLogin(providerId: string, redirectUri: string): Promise<{ url: string; pending: PendingLogin }>;
  /** Validates the callback (state, code, PKCE, ID token, nonce) and returns the claims. */
  finishLogin(providerId: string, callbackUrl: URL, pending: PendingLogin): Promise<CompletedLogin>;
  /** Where to send the browser to log out at the provider too; null when it offers no logout. */
  logoutUrl(providerId: string, idTokenHint: string, postLogoutRedirectUri: string): Promise<string | null>;
}

/** Any failure of the protocol: the page says the login failed, the log says why. */
export class LoginFailed extends Error {
  override name = 'LoginFailed';
}

interface Provider {
  config: OidcProviderConfig;
  server: Promise<oidc.ServerMetadata> | undefined;
  auth: Promise<oidc.ClientAuth>;
  signingKey: Promise<{ key: CryptoKey; kid?: string } | undefined>;
  /** The provider's signing keys as last fetched, so a login does not fetch them again. */
  jwks: oidc.ExportedJWKSCache | undefined;
}

export function createRelyingParty(
  providers: readonly OidcProviderConfig[],
  opts: { clock: () => Date; allowHttp: boolean },
): RelyingParty {
  const byId = new Map<string, Provider>(
    providers.map((config) => {
      const signingKey = config.privateKey ? importSigningKey(config.privateKey) : Promise.resolve(undefined);
      const auth = config.privateKey
        ? signingKey.then((k) => oidc.PrivateKeyJwt(k as { key: CryptoKey; kid?: string }))
        : Promise.resolve(oidc.ClientSecretBasic(config.clientSecret));
      return [config.id, { config, server: undefined, auth, signingKey, jwks: undefined }];
    }),
  );

  const known = (id: string) => {
    const p = byId.get(id);
    if (!p) throw new LoginFailed(`unknown identity provider ${id}`);
    return p;
  };

  /** The provider's metadata, discovered once; a failed discovery is retried on the next login. */
  const serverOf = (p: Provider) => {
    p.server ??= oidc
      .discovery(new URL(p.config.issuer), p.config.clientId, undefined, undefined, {
        execute: opts.allowHttp ? [oidc.allowInsecureRequests] : [],
      })
      .then((c) => c.serverMetadata())
      .catch((err: unknown) => {
        p.server = undefined;
        throw new LoginFailed(`discovery of ${p.config.issuer} failed: ${String(err)}`);
      });
    return p.server;
  };

  /**
   * A configuration on the app's clock: ID tokens are judged by the same time as everything else
   * (clockSkew is the app clock's lead over the system clock, in seconds).
   */
  const configurationOf = async (p: Provider) => {
    const skew = Math.round((opts.clock().getTime() - Date.now()) / 1000);
    const config = new oidc.Configuration(
      await serverOf(p),
      p.config.clientId,
      { [oidc.clockSkew]: skew },
      await p.auth,
    );
    if (opts.allowHttp) oidc.allowInsecureRequests(config);
    // openid-client trusts an ID token from the token endpoint on TLS alone unless told to check
    // its signature; a token altered on the way (or by a proxy that ends TLS) must be refused.
    oidc.enableNonRepudiationChecks(config);
    if (p.jwks) oidc.setJwksCache(config, p.jwks);
    return config;
  };

  return {
    providers,
    provider: (id) => byId.get(id)?.config,

    async startLogin(providerId, redirectUri) {
      const p = known(providerId);
      const config = await configurationOf(p);
      const pending: PendingLogin = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: p.config.scopes,
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (p.config.acrValues) params.acr_values = p.config.acrValues;
      const signingKey = await p.signingKey;
      const mustSign =
        p.config.signedRequests || config.serverMetadata().require_signed_request_object === true;
      if (mustSign && !signingKey)
        throw new LoginFailed(`${providerId} demands signed requests: configure a private key`);
      const url =
        mustSign && signingKey
          ? await oidc.buildAuthorizationUrlWithJAR(config, params, signingKey)
          : oidc.buildAuthorizationUrl(config, params);
      return { url: url.href, pending };
    },

    async finishLogin(providerId, callbackUrl, pending) {
      const p = known(providerId);
      try {
        const config = await configurationOf(p);
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.codeVerifier,
          idTokenExpected: true,
        });
        p.jwks = oidc.getJwksCache(config) ?? p.jwks;
        const idClaims = tokens.claims();
        if (!idClaims || !tokens.id_token) throw new LoginFailed('no ID token');
        const userInfo = config.serverMetadata().userinfo_endpoint
          ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)
          : {};
        return { claims: { ...userInfo, ...idClaims }, idToken: tokens.id_token };
      } catch (err) {
        if (err instanceof LoginFailed) throw err;
        throw new LoginFailed(describe(err));
      }
    },

    async logoutUrl(providerId, idTokenHint, postLogoutRedirectUri) {
      const p = byId.get(providerId);
      if (!p) return null;
      const config = await configurationOf(p).catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    },
  };
}

/** The error's own words and code, for the log (never shown to the person). */
function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    const detail =
      (err as { error_description?: string; error?: string }).error_description ??
      (err as { error?: string }).error;
    return [code, err.message, detail].filter(Boolean).join(': ');
  }
  return String(err);
}

/** RSA keys sign with RS256, P-256 keys with ES256 (the algorithms NemLog-in and Entra ID accept). */
async function importSigningKey(jwk: JsonWebKey): Promise<{ key: CryptoKey; kid?: string }> {
  const algorithm =
    jwk.kty === 'EC'
      ? { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']);
  const kid = (jwk as { kid?: string }).kid;
  return kid ? { key, kid } : { key };
}
