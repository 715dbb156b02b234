import { z } from 'zod';
import { companySize } from '../../db/schema/index.ts';
import { MIN_PASSWORD_LENGTH } from '../accounts/passwords.ts';
import { THEMES } from '../catalogue/themes.ts';
import { MUNICIPALITY_CODES } from '../reference/geography.ts';
import { isValidCvr, isValidDb07Code } from '../reference/identifiers.ts';

/**
 * The countries a partner may come from (ISO 3166-1 alpha-2): Denmark, the EU and EEA, and the
 * countries Danish clusters most often work with. Names come from Intl in the page's language.
 */
// biome-ignore format: the codes read better in rows
export const COUNTRIES = [
  'DK', 'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS',
  'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'CH', 'GB', 'US',
  'CA', 'JP', 'KR', 'CN', 'IN', 'SG', 'AU',
] as const;
export type Country = (typeof COUNTRIES)[number];

/** Languages an organisation may say it works in (ISO 639-1). */
export const LANGUAGES = ['da', 'en', 'de', 'sv', 'nb', 'fi', 'fr', 'nl', 'es', 'it', 'pl'] as const;
export const COMPANY_SIZES = companySize.enumValues;
export type CompanySize = (typeof COMPANY_SIZES)[number];
const THEME_KEYS = THEMES.map((t) => t.key) as [string, ...string[]];

export const countryName = (code: string, lang: 'da' | 'en'): string =>
  new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
export const languageName = (code: string, lang: 'da' | 'en'): string =>
  new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;

/** An empty form field is no value. Messages are keys of the UI's validation texts. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
/** A form's checkboxes: none, one (a string) or several. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const email = z.string().trim().min(1, 'required').max(254, 'tooLong').pipe(z.email('email'));
const country = z.enum(COUNTRIES, 'required');
const municipalityCode = optional(
  z.coerce
    .number('invalid')
    .int('invalid')
    .refine((code) => MUNICIPALITY_CODES.has(code), 'invalid'),
);

/**
 * Technologies as typed: comma-separated words, kept lower case, without duplicates; at most
 * ten of at most 40 characters each.
 */
export const technologyList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? [
          ...new Set(
            v
              .split(',')
              .map((t) => t.trim().toLowerCase())
              .filter(Boolean),
          ),
        ]
      : v,
  z.array(z.string().max(40, 'tooLong')).max(10, 'tooMany'),
);

/**
 * A company's sign-up: a Danish company by its CVR (mod-11) and municipality, a foreign
 * organisation by its country and registration number; the person's name, e-mail and password.
 */
export const signupForm = z
  .object({
    organisationName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    country,
    cvr: optional(z.string().trim().refine(isValidCvr, 'cvrInvalid')),
    registrationNumber: optional(z.string().trim().max(40, 'tooLong')),
    municipalityCode,
    name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    email,
    password: z.string().min(MIN_PASSWORD_LENGTH, 'tooShort').max(1024, 'tooLong'),
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'mismatch' });
    if (v.country === 'DK') {
      if (!v.cvr) ctx.addIssue({ code: 'custom', path: ['cvr'], message: 'required' });
      if (v.municipalityCode === undefined)
        ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'required' });
    } else if (!v.registrationNumber) {
      ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'required' });
    }
  });
export type SignupInput = z.infer<typeof signupForm>;

/** What a company says about itself in its partner profile. */
export const profileForm = z.object({
  description: z.string().trim().max(2000, 'tooLong'),
  technologies: technologyList,
  themes: list(z.enum(THEME_KEYS, 'invalid')),
  industryCode: optional(z.string().trim().refine(isValidDb07Code, 'invalid')),
  size: optional(z.enum(COMPANY_SIZES, 'invalid')),
  languages: list(z.enum(LANGUAGES, 'invalid')),
  seeks: z.string().trim().max(2000, 'tooLong'),
});
export type ProfileInput = z.infer<typeof profileForm>;

/** A cluster's invitation of a member company: the company (Danish, by CVR) and whom to e-mail. */
export const invitationForm = z.object({
  organisationName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  cvr: z.string().trim().refine(isValidCvr, 'cvrInvalid'),
  municipalityCode,
  email,
});

/** Accepting an invitation: the person's name and the password they choose. */
export const acceptInvitationForm = z
  .object({
    name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    password: z.string().min(MIN_PASSWORD_LENGTH, 'tooShort').max(1024, 'tooLong'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });
