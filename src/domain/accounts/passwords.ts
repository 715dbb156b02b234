import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane).
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password nobody knows, with the same parameters as every stored hash,
 * verified against when the e-mail is unknown so that the time taken does not tell. Fixed in
 * the code, so even the first unknown e-mail after a start costs one verification, not a hash
 * and a verification; passwords.test.ts keeps its parameters those of hashPassword.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$VFI3HvpIhqbts4OfM/jc+A$bgmK4stIjiM5aN01avt3iTf4c2jIswk4LmuopVtSSI8';
