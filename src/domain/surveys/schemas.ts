/** The zod schemas of the surveys area's input: a survey's settings, audiences, result filters. */
import { z } from 'zod';
import { isIsoDate } from '../content/time.ts';
import { REGION_CODES } from '../reference/geography.ts';
import { isUuid } from '../reference/identifiers.ts';
import { COMPANY_SIZE_BANDS } from './statistics.ts';
import { TEMPLATE_KEYS } from './templates.ts';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === '1' || v === 'true');
const optionalYear = z
  .union([z.literal(''), z.coerce.number().int('year').min(2000, 'year').max(2100, 'year')])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const RESULTS_AUDIENCES = ['owners', 'funders', 'public'] as const;
export const LEAGUES = ['world_class', 'regional', 'emerging'] as const;

/** What a new survey starts from: no questions, a standard questionnaire, or an earlier questionnaire. */
export type SurveyStart =
  | { kind: 'blank' }
  | { kind: 'template'; template: (typeof TEMPLATE_KEYS)[number] }
  | { kind: 'questionnaire'; questionnaireId: string };

export function readStart(raw: string): SurveyStart | null {
  if (raw === 'blank') return { kind: 'blank' };
  const [kind, value = ''] = raw.split(':');
  if (kind === 'template' && (TEMPLATE_KEYS as readonly string[]).includes(value))
    return { kind: 'template', template: value as (typeof TEMPLATE_KEYS)[number] };
  if (kind === 'questionnaire' && isUuid(value)) return { kind: 'questionnaire', questionnaireId: value };
  return null;
}

/** A survey's settings: titles, anonymity, who sees the results, the closing date, the years asked about. */
export const surveySettingsInput = z
  .object({
    titleDa: text(200).min(3, 'tooShort'),
    titleEn: text(200).min(3, 'tooShort'),
    anonymous: checkbox,
    resultsAudience: z.enum(RESULTS_AUDIENCES, 'resultsAudience'),
    closesOn: z.string().trim().refine(isIsoDate, 'invalidDate'),
    coversFrom: optionalYear,
    coversTo: optionalYear,
  })
  .superRefine((v, ctx) => {
    if ((v.coversFrom === null) !== (v.coversTo === null))
      ctx.addIssue({
        code: 'custom',
        path: [v.coversFrom === null ? 'coversFrom' : 'coversTo'],
        message: 'years',
      });
    else if (v.coversFrom !== null && v.coversTo !== null && v.coversTo < v.coversFrom)
      ctx.addIssue({ code: 'custom', path: ['coversTo'], message: 'yearOrder' });
  });
export type SurveySettings = z.infer<typeof surveySettingsInput>;

/** A new survey: its settings, the organisation that owns it and what it starts from. */
export const newSurveyInput = z.intersection(
  surveySettingsInput,
  z.object({
    ownerId: z.uuid('owner').optional(),
    start: z.string().transform((v, ctx) => {
      const start = readStart(v);
      if (start) return start;
      ctx.addIssue({ code: 'custom', message: 'start' });
      return z.NEVER;
    }),
  }),
);
export type NewSurveyInput = z.infer<typeof newSurveyInput>;

const year = z.coerce.number({ message: 'year' }).int('year').min(2000, 'year').max(2100, 'year');

/**
 * Recipients from the platform: the cluster organisations (their contact e-mail), the users of
 * a role, the companies that took part in the activities of some years (the contact e-mail a
 * cluster supplied for them), or the registrants of an event.
 */
export const platformAudienceInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('cluster_organisations') }),
  z.object({
    source: z.literal('role'),
    role: z.enum(
      ['admin', 'funder', 'assessor', 'cluster_staff', 'support_staff', 'business_service_staff'],
      'role',
    ),
  }),
  z
    .object({ source: z.literal('participating_companies'), fromYear: year, toYear: year })
    .refine((v) => v.toYear >= v.fromYear, { path: ['toYear'], message: 'yearOrder' }),
  z.object({ source: z.literal('event_registrants'), eventId: z.uuid('event') }),
]);
export type PlatformAudience = z.infer<typeof platformAudienceInput>;

/** Result filters from the query string; anything malformed is left out rather than refused. */
export const resultsFilterInput = z.object({
  region: z.coerce
    .number()
    .int()
    .refine((c) => REGION_CODES.has(c))
    .optional()
    .catch(undefined),
  size: z.enum(COMPANY_SIZE_BANDS).optional().catch(undefined),
  cluster: z.uuid().optional().catch(undefined),
  league: z.enum(LEAGUES).optional().catch(undefined),
});
export type ResultsFilter = z.infer<typeof resultsFilterInput>;
