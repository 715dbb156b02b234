import { describe, expect, it } from 'vitest';
import { invitationKeyOf, looksLikeToken, newSurveyToken, optOutKeyOf, responseKeyOf } from './tokens.ts';

describe('survey tokens', () => {
  it('are 43 URL-safe characters (32 random bytes), different every time', () => {
    const a = newSurveyToken();
    const b = newSurveyToken();
    expect(looksLikeToken(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(looksLikeToken('not-a-token')).toBe(false);
    expect(looksLikeToken(`${a}/x`)).toBe(false);
  });

  it('hash to a different key for the invitation and the response, so one cannot be found from the other', () => {
    const token = 'A'.repeat(43);
    // sha256("invitation:AAA…") and sha256("response:AAA…"), computed with coreutils.
    expect(invitationKeyOf(token)).toBe('427f75e99dd22edbaaf1cdb64c0e642bcf36de0a46b0e7fcbc49e9747a3f34e2');
    expect(responseKeyOf(token)).toBe('4d941bbff6e5b4cd45a2461e95618a29720b7da6fe7a3476974d87b049090298');
  });

  it('keeps an opted-out address as the SHA-256 of its trimmed lower-case form', () => {
    // printf 'anne@example.com' | sha256sum
    expect(optOutKeyOf('  Anne@Example.COM ')).toBe(
      'e4be104d1e1603b7d0371b344b0c906782053c7a4f04c33526c5d57b435b70bd',
    );
  });
});
