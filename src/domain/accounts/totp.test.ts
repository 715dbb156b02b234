import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUri,
  type TotpAlgorithm,
  totpCode,
} from './totp.ts';

// RFC 6238 appendix B: the seeds are the ASCII strings below; 8 digits, 30-second steps.
const SEEDS: Record<TotpAlgorithm, string> = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const RFC6238: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, sha1, sha256, sha512] of RFC6238) {
    it(`gives the RFC's codes at T = ${seconds} s`, () => {
      const at = new Date(seconds * 1000);
      const code = (algorithm: TotpAlgorithm) =>
        totpCode(base32Encode(Buffer.from(SEEDS[algorithm])), at, { digits: 8, algorithm });
      expect([code('sha1'), code('sha256'), code('sha512')]).toEqual([sha1, sha256, sha512]);
    });
  }

  it('gives the HOTP values of RFC 4226 appendix D', () => {
    const key = Buffer.from(SEEDS.sha1);
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expect(expected.map((_, counter) => hotp(key, counter))).toEqual(expected);
  });

  it('accepts the code of the step before and after, and nothing further off', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const at = new Date('2026-03-01T12:00:10Z');
    const step = Math.floor(at.getTime() / 30_000);
    const codeAt = (offsetSteps: number) => totpCode(secret, new Date(at.getTime() + offsetSteps * 30_000));
    expect(matchingStep(secret, codeAt(0), at)).toBe(step);
    expect(matchingStep(secret, codeAt(-1), at)).toBe(step - 1);
    expect(matchingStep(secret, codeAt(1), at)).toBe(step + 1);
    expect(matchingStep(secret, codeAt(2), at)).toBe(null);
    expect(matchingStep(secret, codeAt(-2), at)).toBe(null);
    expect(matchingStep(secret, 'abcdef', at)).toBe(null);
    expect(matchingStep(secret, '', at)).toBe(null);
  });

  it('round-trips base32 and refuses characters outside its alphabet', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 17]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('MZXW1')).toBe(null);
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('names the account and issuer in the otpauth URI', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'a@b.dk', 'Klyngeportalen')).toBe(
      'otpauth://totp/Klyngeportalen%3Aa%40b.dk?secret=JBSWY3DPEHPK3PXP&issuer=Klyngeportalen&algorithm=SHA1&digits=6&period=30',
    );
  });
});
