/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226) with node:crypto, as authenticator
 * apps use them: HMAC-SHA1, 6 digits, 30-second steps, secrets in base32 (RFC 4648). Small enough
 * to keep here rather than in a dependency; tested against the RFC's own test vectors.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits?: number;
  stepSeconds?: number;
  algorithm?: TotpAlgorithm;
}

const DEFAULTS: Required<TotpOptions> = { digits: 6, stepSeconds: 30, algorithm: 'sha1' };

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as apps show it: any case, spaces and padding ignored. Null for other characters. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret of 160 bits, the HMAC-SHA1 key length RFC 4226 recommends. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

/** The time step of a moment (RFC 6238 T). */
export const timeStep = (at: Date, stepSeconds = DEFAULTS.stepSeconds): number =>
  Math.floor(at.getTime() / 1000 / stepSeconds);

/** HOTP (RFC 4226) of a counter: dynamic truncation of the HMAC, `digits` decimal digits. */
export function hotp(key: Uint8Array, counter: number, opts: TotpOptions = {}): string {
  const { digits, algorithm } = { ...DEFAULTS, ...opts };
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows at `at` for a base32 secret. */
export function totpCode(secret: string, at: Date, opts: TotpOptions = {}): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('TOTP secret is not base32');
  return hotp(key, timeStep(at, opts.stepSeconds), opts);
}

/**
 * The time step whose code `code` is, looking one step back and one ahead for clocks that drift
 * (RFC 6238 section 5.2 recommends at most one step of delay), or null. Constant-time comparison.
 */
export function matchingStep(secret: string, code: string, at: Date, opts: TotpOptions = {}): number | null {
  const key = base32Decode(secret);
  if (!key || !/^\d+$/.test(code)) return null;
  const now = timeStep(at, opts.stepSeconds);
  const given = Buffer.from(code);
  for (const step of [now - 1, now, now + 1]) {
    const expected = Buffer.from(hotp(key, step, opts));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
  }
  return null;
}

/** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${params}`;
}
