import { z } from 'zod';

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
  TOKEN_REMINDERS: z.enum(['on', 'off']).default('on'),
  KLYNGE_PROFILE: boolish.default(false),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
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
  /** The server e-mails reminders hourly before API tokens expire (never under NODE_ENV=test). */
  tokenReminders: boolean;
  /** Report how long each step of a delivery's import takes (benchmarks, diagnosis). */
  importProfile: boolean;
  /** Prometheus metrics at /metrics on this port of metricsHost, apart from the site; off when unset. */
  metricsPort: number | undefined;
  metricsHost: string;
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
    sessionTtlHours: e.SESSION_TTL_HOURS,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginClientRateLimit: e.LOGIN_CLIENT_RATE_LIMIT,
    apiDeliveryRateLimit: e.API_DELIVERY_RATE_LIMIT,
    apiDeliveryOrganisationRateLimit: e.API_DELIVERY_ORGANISATION_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    tokenReminders: e.TOKEN_REMINDERS === 'on' && e.NODE_ENV !== 'test',
    importProfile: e.KLYNGE_PROFILE,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
  };
}
