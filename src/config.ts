import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { CLAIM_PROFILES, type ClaimProfile } from './domain/accounts/identity-claims.ts';
import { secretKeyFrom } from './domain/accounts/secret-box.ts';

/**
 * The only reader of process.env. Development gets safe defaults; production refuses to start
 * without the values that must never be defaulted (secrets, public URL, mail server).
 */
const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'SECRETS_KEY must be 32 bytes, base64-encoded')
    .optional(),
  SECRETS_KEY_PREVIOUS: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'SECRETS_KEY_PREVIOUS must be 32 bytes, base64-encoded',
    )
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klyngeportalen <noreply@klyngeportalen.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_CLIENT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  API_DELIVERY_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  API_DELIVERY_ORGANISATION_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(60),
  TRUST_PROXY: boolish.default(false),
  SCHEDULED_JOBS: z.enum(['on', 'off']).default('on'),
  KLYNGE_PROFILE: boolish.default(false),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(4),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TWO_STEP_LOGIN: z.enum(['required', 'off']).default('required'),
  OIDC_PROVIDERS: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,19}(,[a-z][a-z0-9]{0,19})*$/, 'OIDC_PROVIDERS must be ids like nemlogin,staff')
    .optional(),
});

/** One OpenID Connect identity provider, from OIDC_<ID>_* variables (see docs/identity.md). */
export interface OidcProviderConfig {
  /** Lower-case id, in paths and in the `oidc:<id>` sign-in method. */
  id: string;
  /** What the login button says, e.g. "MitID Erhverv". */
  name: string;
  issuer: string;
  clientId: string;
  /** client_secret_basic with this secret, or private_key_jwt (and signed request objects) with `privateKey`. */
  clientSecret: string | undefined;
  /** A private JWK (JSON) for private_key_jwt and for signing request objects. */
  privateKey: JsonWebKey | undefined;
  scopes: string;
  claims: ClaimProfile;
  /** Requested assurance, e.g. NemLog-in's https://data.gov.dk/concept/core/nsis/loa/Substantial. */
  acrValues: string | undefined;
  /** Sign every authorisation request (JAR), also where the provider's metadata does not demand it. */
  signedRequests: boolean;
  /** Standard claims only: link invitations by e-mail even without `email_verified` (e.g. Entra ID). */
  trustEmail: boolean;
}

/** A private key as a JWK, from JSON or from PEM (as key files usually come); undefined if it is neither. */
function privateJwk(text: string): JsonWebKey | undefined {
  try {
    const key = (
      text.trimStart().startsWith('-----BEGIN')
        ? createPrivateKey(text).export({ format: 'jwk' })
        : JSON.parse(text)
    ) as JsonWebKey;
    if (key && typeof key === 'object' && typeof key.kty === 'string' && 'd' in key) return key;
  } catch {}
  return undefined;
}

const oidcProviderSchema = (id: string) => {
  const v = (name: string) => `OIDC_${id.toUpperCase()}_${name}`;
  return z
    .object({
      [v('ISSUER')]: z.url(`${v('ISSUER')} must be a URL`),
      [v('CLIENT_ID')]: z.string().min(1, `${v('CLIENT_ID')} is required`),
      [v('CLIENT_SECRET')]: z.string().min(1).optional(),
      [v('PRIVATE_KEY')]: z
        .string()
        .transform((text, ctx) => {
          const key = privateJwk(text);
          if (key) return key;
          ctx.addIssue({
            code: 'custom',
            message: `${v('PRIVATE_KEY')} must be a private key: a JWK in JSON or PEM (PKCS#8)`,
          });
          return z.NEVER;
        })
        .optional(),
      [v('NAME')]: z
        .string()
        .min(1)
        .default(id === 'nemlogin' ? 'MitID Erhverv' : id),
      [v('SCOPES')]: z.string().min(1).default('openid email profile'),
      [v('CLAIMS')]: z.enum(CLAIM_PROFILES).default(id === 'nemlogin' ? 'nemlogin' : 'standard'),
      [v('ACR_VALUES')]: z.string().min(1).optional(),
      [v('SIGNED_REQUESTS')]: boolish.default(false),
      [v('TRUST_EMAIL')]: boolish.default(false),
    })
    .transform((e): OidcProviderConfig => {
      const get = (name: string) => e[v(name)] as never;
      return {
        id,
        name: get('NAME'),
        issuer: get('ISSUER'),
        clientId: get('CLIENT_ID'),
        clientSecret: get('CLIENT_SECRET'),
        privateKey: get('PRIVATE_KEY'),
        scopes: get('SCOPES'),
        claims: get('CLAIMS'),
        acrValues: get('ACR_VALUES'),
        signedRequests: get('SIGNED_REQUESTS'),
        trustEmail: get('TRUST_EMAIL'),
      };
    });
};

function oidcProviders(
  ids: string | undefined,
  env: Record<string, string | undefined>,
  production: boolean,
): OidcProviderConfig[] {
  const providers = (ids ? [...new Set(ids.split(','))] : []).map((id) => {
    const parsed = oidcProviderSchema(id).safeParse(env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new ConfigError(`Invalid configuration of identity provider ${id}:\n${lines.join('\n')}`);
    }
    return parsed.data;
  });
  for (const p of providers) {
    if (!p.clientSecret && !p.privateKey)
      throw new ConfigError(`OIDC_${p.id.toUpperCase()}_CLIENT_SECRET or _PRIVATE_KEY is required`);
    if (p.signedRequests && !p.privateKey)
      throw new ConfigError(
        `OIDC_${p.id.toUpperCase()}_SIGNED_REQUESTS needs OIDC_${p.id.toUpperCase()}_PRIVATE_KEY`,
      );
    if (production && !p.issuer.startsWith('https://'))
      throw new ConfigError(`OIDC_${p.id.toUpperCase()}_ISSUER must be an https:// URL in production`);
  }
  return providers;
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /**
   * The key that seals TOTP secrets at rest (src/domain/accounts/secret-box.ts): SECRETS_KEY, or
   * derived from the session secret; SECRETS_KEY_PREVIOUS still opens values sealed before a change.
   */
  secretsKey: Buffer;
  previousSecretsKeys: Buffer[];
  sessionTtlHours: number;
  /** A session ends after this many minutes without a request, besides its absolute lifetime. */
  sessionIdleMinutes: number;
  /** Cookies get the Secure flag and the __Host- prefix when the site is served over https. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Failed logins per client and e-mail per minute before 429. */
  loginRateLimit: number;
  /** Failed logins per client, whatever the e-mail, per 10 minutes before 429 (password spraying). */
  loginClientRateLimit: number;
  /** Deliveries (POST /api/v1/deliveries) per API token per minute before 429. */
  apiDeliveryRateLimit: number;
  /** Deliveries through the API per organisation (all its tokens together) per minute before 429. */
  apiDeliveryOrganisationRateLimit: number;
  trustProxy: boolean;
  /** Report how long each step of a delivery's import takes (benchmarks, diagnosis). */
  importProfile: boolean;
  /** Prometheus metrics at /metrics on this port of metricsHost, apart from the site; off when unset. */
  metricsPort: number | undefined;
  metricsHost: string;
  /**
   * Admins and funders signing in with a password must prove a second factor (TOTP). Only tests
   * of other areas turn it off; production refuses to.
   */
  twoStepLoginRequired: boolean;
  /** OpenID Connect identity providers offered on the login page, in the order configured. */
  oidcProviders: OidcProviderConfig[];
  /**
   * The job queue (src/jobs/queue.ts): how often an idle worker looks for jobs, how many times a
   * failed job is tried again, the first wait before that (doubling with each retry), and whether
   * this instance's clock queues the scheduled jobs (src/jobs/schedules.ts: reminders, retention;
   * SCHEDULED_JOBS=off, and never under NODE_ENV=test, where tests queue them).
   */
  jobs: {
    pollSeconds: number;
    retryLimit: number;
    retryDelaySeconds: number;
    /** How often the queue looks for jobs whose worker stopped beating (a process that died). */
    superviseSeconds: number;
    clock: boolean;
  };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEV_SESSION_SECRET = 'development-only-secret-never-used-in-production-0000';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = [
      !e.SESSION_SECRET && 'SESSION_SECRET',
      !e.PUBLIC_URL && 'PUBLIC_URL',
      !e.DATABASE_URL && 'DATABASE_URL',
      !e.SMTP_URL && 'SMTP_URL',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new ConfigError(`Refusing to start in production without: ${missing.join(', ')}`);
    }
    if (e.TWO_STEP_LOGIN === 'off')
      throw new ConfigError('TWO_STEP_LOGIN=off is for tests, never production');
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    secretsKey: secretKeyFrom(e.SECRETS_KEY, e.SESSION_SECRET ?? DEV_SESSION_SECRET),
    previousSecretsKeys: e.SECRETS_KEY_PREVIOUS ? [Buffer.from(e.SECRETS_KEY_PREVIOUS, 'base64')] : [],
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginClientRateLimit: e.LOGIN_CLIENT_RATE_LIMIT,
    apiDeliveryRateLimit: e.API_DELIVERY_RATE_LIMIT,
    apiDeliveryOrganisationRateLimit: e.API_DELIVERY_ORGANISATION_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    importProfile: e.KLYNGE_PROFILE,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    twoStepLoginRequired: e.TWO_STEP_LOGIN === 'required',
    oidcProviders: oidcProviders(e.OIDC_PROVIDERS, env, e.NODE_ENV === 'production'),
    jobs: {
      pollSeconds: e.JOB_POLL_SECONDS,
      retryLimit: e.JOB_RETRY_LIMIT,
      retryDelaySeconds: e.JOB_RETRY_DELAY_SECONDS,
      superviseSeconds: e.JOB_SUPERVISE_SECONDS,
      clock: e.SCHEDULED_JOBS === 'on' && e.NODE_ENV !== 'test',
    },
  };
}
