import { z } from 'zod';
import { newsletterSegment } from '../../db/schema/newsletter.ts';
import { clusterLeague } from '../../db/schema/organisations.ts';
import { THEMES } from '../catalogue/themes.ts';
import { ROLES } from '../policy/policy.ts';
import { REGIONS } from '../reference/geography.ts';

/** Messages are keys the pages translate (src/http/web/newsletter/messages.ts). */
export const NEWSLETTER_SEGMENTS = newsletterSegment.enumValues;
export type NewsletterSegment = (typeof NEWSLETTER_SEGMENTS)[number];

const THEME_KEYS = THEMES.map((t) => t.key) as [string, ...string[]];
const LEAGUES = clusterLeague.enumValues;
const REGION_CODES = REGIONS.map((r) => String(r.code));

/** The value each segment needs, by the segment's kind; the others need none. */
export const SEGMENT_VALUES: Readonly<Partial<Record<NewsletterSegment, readonly string[]>>> = {
  role: ROLES,
  league: LEAGUES,
  region: REGION_CODES,
  theme: THEME_KEYS,
};

/** A form's list field: one value, several, or none. */
const list = (item: z.ZodType<string>) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : [v].flat()), z.array(item).max(THEME_KEYS.length));

const interests = list(z.enum(THEME_KEYS, 'interests'));

export const signupInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'required').max(254, 'tooLong').pipe(z.email('email')),
  name: z
    .string()
    .trim()
    .max(120, 'tooLong')
    .transform((s) => (s === '' ? null : s))
    .default(null),
  interests,
});
export type SignupInput = z.infer<typeof signupInput>;

export const accountSubscriptionInput = z.object({ interests });

export const issueInput = z
  .object({
    subject: z.string().trim().min(3, 'required').max(150, 'tooLong'),
    body: z.string().trim().min(10, 'required').max(50_000, 'tooLong'),
    segment: z.enum(NEWSLETTER_SEGMENTS, 'segment'),
    segmentValue: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    const allowed = SEGMENT_VALUES[v.segment];
    if (allowed && !(v.segmentValue !== null && allowed.includes(v.segmentValue)))
      ctx.addIssue({ code: 'custom', path: ['segmentValue'], message: 'segmentValue' });
  })
  .transform((v) => ({ ...v, segmentValue: SEGMENT_VALUES[v.segment] ? v.segmentValue : null }));
export type IssueInput = z.infer<typeof issueInput>;
