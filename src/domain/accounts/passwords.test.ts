import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords.ts';

const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('the dummy password hash', () => {
  it('has the parameters of every stored hash, so verifying against it costs the same', async () => {
    const real = await hashPassword('a-real-long-password');
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(real));
  });

  it('matches no password anyone would send', async () => {
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, '')).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, 'not-a-real-password-only-for-timing')).toBe(false);
  });
});
