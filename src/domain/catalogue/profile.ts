import { z } from 'zod';
import { danishNumber, numberForInput } from '../reference/danish.ts';
import { MUNICIPALITY_CODES } from '../reference/geography.ts';
import { isValidDb07Prefix } from '../reference/identifiers.ts';
import type { ClusterDetail } from './queries.ts';
import { isThemeKey, type ThemeKey } from './themes.ts';

/**
 * The editable cluster profile. One schema for drafts, publishing and any future API, so a draft
 * that saves will also publish. Messages are keys the UI translates.
 */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .transform((v) => (v === '' ? null : v));

/** An optional number from a form field, typed the Danish way (2,5 · 1.200); empty means not stated. */
const optionalNumber = (opts: { int: boolean; max: number }) =>
  danishNumber({ decimals: opts.int ? 0 : 2, min: 0, max: opts.max });

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === 'true');

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v === '' ? [] : [v]));

export const clusterProfileForm = z.object({
  summaryDa: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  summaryEn: z.string().trim().max(300, 'tooLong'),
  descriptionDa: z.string().trim().max(10_000, 'tooLong'),
  descriptionEn: z.string().trim().max(10_000, 'tooLong'),
  themes: list
    .optional()
    .transform((v) => v ?? [])
    .pipe(z.array(z.string().refine(isThemeKey, 'invalid')).min(1, 'themesRequired').max(6, 'themesTooMany'))
    .transform((v) => v as ThemeKey[]),
  strongholdIndustries: z
    .string()
    .trim()
    .max(300, 'tooLong')
    .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
    .pipe(z.array(z.string().refine(isValidDb07Prefix, 'db07Prefix')).max(20, 'tooMany')),
  seatMunicipality: z.coerce
    .number('municipality')
    .int('municipality')
    .refine((n) => MUNICIPALITY_CODES.has(n), 'municipality'),
  siteMunicipalities: list
    .optional()
    .transform((v) => (v ?? []).map(Number))
    .pipe(z.array(z.number().refine((n) => MUNICIPALITY_CODES.has(n), 'municipality')).max(98)),
  website: optionalText(300).pipe(
    z
      .string()
      .regex(/^https:\/\/[^\s/$.?#][^\s]*$/i, 'httpsUrl')
      .nullable(),
  ),
  contactName: optionalText(200),
  contactEmail: optionalText(254).pipe(z.email('email').nullable()),
  contactPhone: optionalText(30).pipe(
    z
      .string()
      .regex(/^\+?[0-9 ]{8,20}$/, 'phone')
      .nullable(),
  ),
  staffFte: optionalNumber({ int: false, max: 10_000 }),
  membersCount: optionalNumber({ int: true, max: 1_000_000 }),
  dedicatedCompanies: optionalNumber({ int: true, max: 1_000_000 }),
  boardCompanies: optionalNumber({ int: true, max: 100 }),
  boardKnowledgeInstitutions: optionalNumber({ int: true, max: 100 }),
  boardPublic: optionalNumber({ int: true, max: 100 }),
  innovationPurpose: checkbox,
  labelInProcess: checkbox,
});

export type ClusterProfile = z.output<typeof clusterProfileForm>;
/** The profile as form fields, for filling the edit form. */
export type ClusterProfileFields = z.input<typeof clusterProfileForm>;

/** A stored draft is the validated profile; re-parse it on read so an old draft cannot bypass rules. */
export const storedProfile = z.object({
  summaryDa: z.string(),
  summaryEn: z.string(),
  descriptionDa: z.string(),
  descriptionEn: z.string(),
  themes: z.array(z.string().refine(isThemeKey)).transform((v) => v as ThemeKey[]),
  strongholdIndustries: z.array(z.string()),
  seatMunicipality: z.number().int(),
  siteMunicipalities: z.array(z.number().int()),
  website: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  staffFte: z.number().nullable(),
  membersCount: z.number().int().nullable(),
  dedicatedCompanies: z.number().int().nullable(),
  boardCompanies: z.number().int().nullable(),
  boardKnowledgeInstitutions: z.number().int().nullable(),
  boardPublic: z.number().int().nullable(),
  innovationPurpose: z.boolean(),
  labelInProcess: z.boolean(),
}) satisfies z.ZodType<ClusterProfile>;

/** Form fields from a profile, the inverse of the form schema, for editing. */
export function profileToFields(p: ClusterProfile): Record<string, string | string[]> {
  const s = (v: string | null) => v ?? '';
  const n = (v: number | null) => numberForInput(v);
  return {
    summaryDa: p.summaryDa,
    summaryEn: p.summaryEn,
    descriptionDa: p.descriptionDa,
    descriptionEn: p.descriptionEn,
    themes: p.themes,
    strongholdIndustries: p.strongholdIndustries.join(' '),
    seatMunicipality: String(p.seatMunicipality),
    siteMunicipalities: p.siteMunicipalities.map(String),
    website: s(p.website),
    contactName: s(p.contactName),
    contactEmail: s(p.contactEmail),
    contactPhone: s(p.contactPhone),
    staffFte: n(p.staffFte),
    membersCount: n(p.membersCount),
    dedicatedCompanies: n(p.dedicatedCompanies),
    boardCompanies: n(p.boardCompanies),
    boardKnowledgeInstitutions: n(p.boardKnowledgeInstitutions),
    boardPublic: n(p.boardPublic),
    innovationPurpose: p.innovationPurpose ? 'on' : '',
    labelInProcess: p.labelInProcess ? 'on' : '',
  };
}

/** The published profile of a cluster, in the shape the edit form and drafts use. */
export function publishedProfile(c: ClusterDetail): ClusterProfile {
  return {
    summaryDa: c.summaryDa,
    summaryEn: c.summaryEn,
    descriptionDa: c.descriptionDa,
    descriptionEn: c.descriptionEn,
    themes: storedProfile.shape.themes.parse(c.themes),
    strongholdIndustries: c.strongholdIndustries,
    seatMunicipality: c.seatCode ?? 0,
    siteMunicipalities: c.siteMunicipalities,
    website: c.website,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    staffFte: c.staffFte,
    membersCount: c.membersCount,
    dedicatedCompanies: c.dedicatedCompanies,
    boardCompanies: c.boardCompanies,
    boardKnowledgeInstitutions: c.boardKnowledgeInstitutions,
    boardPublic: c.boardPublic,
    innovationPurpose: c.innovationPurpose,
    labelInProcess: c.labelInProcess,
  };
}

/** The cluster as it would look with `profile` published: what the draft preview shows. */
export function withProfile(cluster: ClusterDetail, profile: ClusterProfile): ClusterDetail {
  return { ...cluster, ...profile, seatCode: profile.seatMunicipality };
}
