import { z } from 'zod';
import { isThemeKey } from '../catalogue/themes.ts';
import { isIsoDate } from '../content/time.ts';
import { isValidCvr } from '../reference/identifiers.ts';

/**
 * Input of the referral commands, as form fields arrive (strings, lists for repeated fields).
 * Messages are keys the pages translate (src/http/web/referrals/messages.ts).
 */
const text = (max: number) => z.string().trim().max(max, 'tooLong');
/** An optional text: left out or empty is null. */
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
const date = z.string().trim().refine(isIsoDate, 'date');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v]));

export const referralInput = z
  .object({
    /** The referring organisation; by default the caller's first. */
    fromOrganisationId: z.uuid('from').optional(),
    /** Organisations (clusters or business hubs) the company is referred to. */
    recipientIds: list.pipe(z.array(z.uuid('recipients'))),
    /** Outside actors (referral targets) the company is referred to. */
    targetIds: list.pipe(z.array(z.uuid('recipients'))),
    cvr: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ''))
      .refine(isValidCvr, 'cvr'),
    companyName: text(200).min(2, 'tooShort'),
    theme: z.string().refine(isThemeKey, 'theme'),
    need: text(3000).min(10, 'tooShort'),
    contactName: text(200).min(2, 'tooShort'),
    contactEmail: text(254).pipe(z.email('email')),
    contactPhone: optionalText(30).pipe(
      z
        .string()
        .regex(/^\+?[0-9 ]{8,20}$/, 'phone')
        .nullable(),
    ),
    /** The company agreed to be referred and to have its contact's details passed on. */
    consent: z.literal('on', 'consent'),
  })
  // Checked even when other fields fail, so the form names every missing thing at once.
  .refine((v) => (v.recipientIds?.length ?? 0) + (v.targetIds?.length ?? 0) > 0, {
    path: ['recipientIds'],
    message: 'recipients',
    when: () => true,
  });
export type ReferralInput = z.infer<typeof referralInput>;

export const declineInput = z.object({ reason: text(2000).min(5, 'tooShort') });

export const contactInput = z.object({ contactedOn: date, note: optionalText(2000) });

export const outcomeInput = z.object({
  outcome: z.enum(['joined_activity', 'project_started', 'no_match'], 'outcome'),
  outcomeOn: date,
  note: optionalText(2000),
});
export type OutcomeInput = z.infer<typeof outcomeInput>;

/** An outside referral target as the support function keeps it. */
export const referralTargetInput = z.object({
  name: text(200).min(2, 'tooShort'),
  nameEn: text(200).min(2, 'tooShort'),
  descriptionDa: text(500),
  descriptionEn: text(500),
  url: text(300).pipe(z.url({ protocol: /^https$/, message: 'httpsUrl' })),
  active: z
    .union([z.literal('on'), z.literal('')])
    .optional()
    .transform((v) => v === 'on'),
});
export type ReferralTargetInput = z.infer<typeof referralTargetInput>;
