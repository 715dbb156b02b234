/**
 * What an identity provider's claims say about a person, in the domain's words. NemLog-in (MitID
 * Erhverv) speaks the OIOIDC profile's claim names (docs/identity.md lists those mapped); other
 * providers (e.g. Entra ID for internal staff) the standard OpenID Connect claims.
 */
import { z } from 'zod';
import { isValidCvr } from '../reference/identifiers.ts';

export const CLAIM_PROFILES = ['nemlogin', 'standard'] as const;
export type ClaimProfile = (typeof CLAIM_PROFILES)[number];

/** NemLog-in's claim names (OIOIDC), as far as we know them: to be checked at integration. */
export const NEMLOGIN_CLAIMS = {
  cvr: 'https://data.gov.dk/model/core/eid/professional/cvr',
  orgName: 'https://data.gov.dk/model/core/eid/professional/orgName',
  email: 'https://data.gov.dk/model/core/eid/email',
  fullName: 'https://data.gov.dk/model/core/eid/fullName',
  firstName: 'https://data.gov.dk/model/core/eid/firstName',
  lastName: 'https://data.gov.dk/model/core/eid/lastName',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
} as const;

export interface IdentityClaims {
  /** The provider's subject (`sub`): what links the identity to a user for good. */
  subject: string;
  email: string | null;
  /** The e-mail may link an invitation: the provider vouches for it. */
  emailTrusted: boolean;
  name: string | null;
  /** The organisation the person acts for (MitID Erhverv), when it has a valid CVR number. */
  cvr: string | null;
  organisationName: string | null;
  /** The sign-in at the provider used more than one factor. */
  multiFactor: boolean;
}

const text = z.string().trim().min(1).max(300);
const optional = (value: unknown) => {
  const parsed = text.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const emailOf = (value: unknown) => {
  const parsed = email.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** NSIS levels of assurance Substantial and High need two factors; Low does not. */
function nsisMultiFactor(loa: unknown): boolean {
  const level = typeof loa === 'string' ? loa.split('/').pop()?.toLowerCase() : undefined;
  return level === 'substantial' || level === 'high';
}

/** RFC 8176 authentication methods that mean more than one factor was used. */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm']);

export function mapClaims(
  profile: ClaimProfile,
  claims: Record<string, unknown>,
  opts: { trustEmail: boolean } = { trustEmail: false },
): IdentityClaims {
  const subject = optional(claims.sub);
  if (!subject) throw new Error('claims without a subject');
  if (profile === 'nemlogin') {
    const n = NEMLOGIN_CLAIMS;
    const cvr = optional(claims[n.cvr]);
    const address = emailOf(claims[n.email] ?? claims.email);
    const first = optional(claims[n.firstName]);
    const last = optional(claims[n.lastName]);
    return {
      subject,
      email: address,
      // MitID Erhverv e-mail addresses are registered by the person's organisation.
      emailTrusted: address !== null,
      name:
        optional(claims[n.fullName]) ??
        optional(claims.name) ??
        optional([first, last].filter(Boolean).join(' ')),
      cvr: cvr && isValidCvr(cvr) ? cvr : null,
      organisationName: optional(claims[n.orgName]),
      multiFactor: nsisMultiFactor(claims[n.loa]),
    };
  }
  const address = emailOf(claims.email);
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : [];
  return {
    subject,
    email: address,
    emailTrusted: address !== null && (claims.email_verified === true || opts.trustEmail),
    name:
      optional(claims.name) ??
      optional([optional(claims.given_name), optional(claims.family_name)].filter(Boolean).join(' ')),
    cvr: null,
    organisationName: null,
    multiFactor: amr.some((m) => MULTI_FACTOR_AMR.has(m)),
  };
}
