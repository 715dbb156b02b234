import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, secretKeyFrom } from './secret-box.ts';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('the secret box (TOTP secrets at rest)', () => {
  it('seals a value so the stored text does not contain it, and opens it again', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal(SECRET);
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain(SECRET);
    expect(box.seal(SECRET)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(SECRET);
    expect(box.isCurrent(sealed)).toBe(true);
  });

  it('refuses a value sealed with an unknown key or altered, and says which key it names', () => {
    const unreadable: string[] = [];
    const box = createSecretBox(randomBytes(32), [], (keyId) => unreadable.push(keyId));
    const other = createSecretBox(randomBytes(32)).seal(SECRET);
    expect(box.open(other)).toBeNull();
    const sealed = box.seal(SECRET);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toBeNull();
    expect(unreadable).toEqual([other.split('.')[1], parts[1]]);
  });

  it('opens values of the previous key, which are not current', () => {
    const previous = randomBytes(32);
    const old = createSecretBox(previous).seal(SECRET);
    const box = createSecretBox(randomBytes(32), [previous]);
    expect(box.open(old)).toBe(SECRET);
    expect(box.isCurrent(old)).toBe(false);
  });

  it('reads a value stored before sealing as it is', () => {
    expect(createSecretBox(randomBytes(32)).open(SECRET)).toBe(SECRET);
  });

  it('derives a 32-byte key from the session secret when no key is given, the same every time', () => {
    const derived = secretKeyFrom(undefined, 'a'.repeat(40));
    expect(derived).toHaveLength(32);
    expect(derived.equals(secretKeyFrom(undefined, 'a'.repeat(40)))).toBe(true);
    expect(derived.equals(secretKeyFrom(undefined, 'b'.repeat(40)))).toBe(false);
    const given = randomBytes(32);
    expect(secretKeyFrom(given.toString('base64'), 'a'.repeat(40)).equals(given)).toBe(true);
  });
});
