import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has safe development defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.secureCookies).toBe(false);
  });

  it('refuses to start in production without the required values, naming them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET, PUBLIC_URL, DATABASE_URL, SMTP_URL/,
    );
  });

  it('starts in production with them, with secure cookies over https', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://klyngeportalen.dk',
      DATABASE_URL: 'postgres://u:p@db/klynge',
      SMTP_URL: 'smtp://mail:25',
    });
    expect(c.secureCookies).toBe(true);
  });

  it('queues the scheduled jobs unless SCHEDULED_JOBS=off, and never on their own under tests', () => {
    expect(loadConfig({}).jobs.clock).toBe(true);
    expect(loadConfig({ SCHEDULED_JOBS: 'off' }).jobs.clock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SCHEDULED_JOBS: 'on' }).jobs.clock).toBe(false);
    expect(() => loadConfig({ SCHEDULED_JOBS: 'maybe' })).toThrow(/SCHEDULED_JOBS/);
  });

  it('times the steps of a delivery import only when KLYNGE_PROFILE says so', () => {
    expect(loadConfig({}).importProfile).toBe(false);
    expect(loadConfig({ KLYNGE_PROFILE: '1' }).importProfile).toBe(true);
    expect(loadConfig({ KLYNGE_PROFILE: 'no' }).importProfile).toBe(false);
    expect(() => loadConfig({ KLYNGE_PROFILE: 'verbose' })).toThrow(/KLYNGE_PROFILE/);
  });

  it('names the variable and the reason for bad values', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });

  it("reads an identity provider's private key as a JWK or as PEM, and names a key that is neither", () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = privateKey.export({ format: 'jwk' });
    const provider = (key: string) => ({
      OIDC_PROVIDERS: 'staff',
      OIDC_STAFF_ISSUER: 'https://login.example',
      OIDC_STAFF_CLIENT_ID: 'portal',
      OIDC_STAFF_PRIVATE_KEY: key,
    });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(loadConfig(provider(pem)).oidcProviders[0]?.privateKey).toEqual(jwk);
    expect(loadConfig(provider(JSON.stringify(jwk))).oidcProviders[0]?.privateKey).toEqual(jwk);
    expect(() =>
      loadConfig(provider('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----')),
    ).toThrow(/OIDC_STAFF_PRIVATE_KEY must be a private key: a JWK in JSON or PEM/);
  });
});
