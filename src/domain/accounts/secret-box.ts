/**
 * Encryption at rest for secrets the platform must be able to read back: the TOTP secrets of
 * authenticator apps (a code can only be checked with the secret itself, so it cannot be hashed).
 * AES-256-GCM with a random 96-bit nonce per value; the stored text names the key it was sealed
 * with (`v1.<key id>.<nonce>.<ciphertext and tag>`, base64url), so a new key can replace an old
 * one: values sealed with the previous key are still opened and are sealed again with the
 * current one when the server starts (`sealStoredTotpSecrets` in second-factor.ts).
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface SecretBox {
  seal(plain: string): string;
  /** The plain value, or null when no configured key opens it (logged by `onUnreadable`). */
  open(stored: string): string | null;
  /** Whether a stored value is sealed with the current key. */
  isCurrent(stored: string): boolean;
}

interface Key {
  id: string;
  bytes: Buffer;
}

const keyOf = (bytes: Buffer): Key => ({
  id: createHash('sha256').update(bytes).digest('base64url').slice(0, 8),
  bytes,
});

/**
 * The key from `SECRETS_KEY` (32 bytes, base64), or one derived from the session secret with
 * HKDF when none is set (the session secret is then also what protects the TOTP secrets).
 */
export function secretKeyFrom(secretsKey: string | undefined, sessionSecret: string): Buffer {
  if (secretsKey) return Buffer.from(secretsKey, 'base64');
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'klyngeportalen', 'totp-secrets', 32));
}

export function createSecretBox(
  current: Buffer,
  previous: Buffer[] = [],
  onUnreadable: (keyId: string) => void = () => {},
): SecretBox {
  const key = keyOf(current);
  const keys = new Map([key, ...previous.map(keyOf)].map((k) => [k.id, k]));
  return {
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key.bytes, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, key.id, nonce.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(stored) {
      const [version, keyId = '', nonce = '', body = ''] = stored.split('.');
      // Written before secrets were sealed: read as it is until the server seals it at start.
      if (version !== VERSION) return stored;
      const k = keys.get(keyId);
      if (!k) {
        onUnreadable(keyId);
        return null;
      }
      try {
        const data = Buffer.from(body, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', k.bytes, Buffer.from(nonce, 'base64url'));
        decipher.setAuthTag(data.subarray(data.length - 16));
        return Buffer.concat([
          decipher.update(data.subarray(0, data.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        onUnreadable(keyId);
        return null;
      }
    },
    isCurrent: (stored) => stored.startsWith(`${VERSION}.${key.id}.`),
  };
}
