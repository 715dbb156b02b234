import { describe, expect, it } from 'vitest';
import { mapClaims, NEMLOGIN_CLAIMS as n } from './identity-claims.ts';

describe('claims of identity providers in the domain’s words', () => {
  it('reads NemLog-in’s OIOIDC claims: CVR only with a valid check digit, level of assurance as factors', () => {
    const claims = mapClaims('nemlogin', {
      sub: 'abc',
      [n.email]: ' Mette@Firma.DK ',
      [n.firstName]: 'Mette',
      [n.lastName]: 'Madsen',
      [n.cvr]: '10000009',
      [n.orgName]: 'Firma ApS',
      [n.loa]: 'https://data.gov.dk/concept/core/nsis/loa/High',
    });
    expect(claims).toEqual({
      subject: 'abc',
      email: 'mette@firma.dk',
      emailTrusted: true,
      name: 'Mette Madsen',
      cvr: '10000009',
      organisationName: 'Firma ApS',
      multiFactor: true,
    });
    const low = mapClaims('nemlogin', {
      sub: 'x',
      [n.cvr]: '10000008',
      [n.loa]: 'https://data.gov.dk/concept/core/nsis/loa/Low',
    });
    expect(low.cvr).toBeNull();
    expect(low.multiFactor).toBe(false);
    expect(low.email).toBeNull();
  });

  it('reads standard claims: an e-mail is trusted when verified (or by configuration), amr tells the factors', () => {
    const entra = { sub: 's', email: 'a@b.dk', given_name: 'Ada', family_name: 'Berg', amr: ['pwd', 'mfa'] };
    expect(mapClaims('standard', entra)).toMatchObject({
      name: 'Ada Berg',
      emailTrusted: false,
      multiFactor: true,
      cvr: null,
    });
    expect(mapClaims('standard', entra, { trustEmail: true }).emailTrusted).toBe(true);
    expect(mapClaims('standard', { ...entra, email_verified: true, amr: ['pwd'] })).toMatchObject({
      emailTrusted: true,
      multiFactor: false,
    });
    expect(mapClaims('standard', { ...entra, email: 'not an e-mail' }).email).toBeNull();
    expect(() => mapClaims('standard', { email: 'a@b.dk' })).toThrow('subject');
  });
});
