import { z } from 'zod';
import { eventTargetGroup } from '../../db/schema/content.ts';
import { danishTimeToInstant, isClockTime, isIsoDate } from './time.ts';

/**
 * Form schemas of this area; one per kind of item, the same for creating and editing. Messages
 * are keys: the validation catalogue's ('required', 'tooLong') or this area's own texts. The
 * fields are exported for the other publishing form built on the same editor: a call's page.
 */
export const CONTENT_LANGS = ['da', 'en'] as const;
export const EVENT_TARGET_GROUPS = eventTargetGroup.enumValues;
export type EventTargetGroup = (typeof EVENT_TARGET_GROUPS)[number];

/**
 * An event's target groups as the form sends them: checkboxes arrive as one comma-separated
 * field (src/http/validation.ts formFields), a JSON client may send a list.
 */
const targetGroups = z
  .preprocess(
    (v) => (v === undefined ? [] : typeof v === 'string' ? v.split(',').filter((g) => g !== '') : v),
    z.array(z.enum(EVENT_TARGET_GROUPS, 'targetGroups')),
  )
  .transform((groups) => EVENT_TARGET_GROUPS.filter((g) => groups.includes(g)));
export const INTENTS = ['draft', 'publish'] as const;

/** The fields every publishing form has: who publishes, title, summary and Markdown body. */
export const itemFields = {
  organisationId: z.uuid('required'),
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  // Optional texts may be left out of a post altogether, not only sent empty.
  summary: z.string().trim().max(500, 'tooLong').default(''),
  body: z.string().max(20_000, 'tooLong').default(''),
};
const filled = () => z.string().trim().min(1, { message: 'required', abort: true });
export const requiredDate = filled().refine(isIsoDate, 'invalidDate');
export const requiredTime = filled().refine(isClockTime, 'invalidTime');
/** A field that may be left empty: an empty string counts as left out. */
export const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const { organisationId, ...itemTexts } = itemFields;
// In the order of the form, which is the order of its error summary.
const postFields = {
  organisationId,
  lang: z.enum(CONTENT_LANGS, 'required'),
  ...itemTexts,
  // Which button was pressed: save as a draft, or save and publish.
  intent: z.enum(INTENTS).catch('draft'),
};

export const postForm = z.object(postFields);
export type PostInput = z.infer<typeof postForm>;

/** A Danish date and time field pair as one instant, reporting on the date field. */
export function instantOf(ctx: z.RefinementCtx, field: string, date: string, time: string): Date {
  const instant = danishTimeToInstant(date, time);
  if (!instant) ctx.addIssue({ code: 'custom', path: [field], message: 'invalidDate' });
  return instant ?? new Date(Number.NaN);
}

export const eventForm = z
  .object({
    ...postFields,
    startDate: requiredDate,
    startTime: requiredTime,
    endDate: requiredDate,
    endTime: requiredTime,
    location: z.string().trim().max(200, 'tooLong').default(''),
    municipalityCode: optionalField(
      z.coerce.number('invalid').int('invalid').min(101, 'invalid').max(999, 'invalid'),
    ),
    onlineUrl: optionalField(
      z
        .string()
        .trim()
        .max(500, 'tooLong')
        .pipe(z.url({ protocol: /^https?$/, message: 'invalidUrl' })),
    ),
    targetGroups,
  })
  .transform((v, ctx) => {
    const startsAt = instantOf(ctx, 'startDate', v.startDate, v.startTime);
    const endsAt = instantOf(ctx, 'endDate', v.endDate, v.endTime);
    if (endsAt < startsAt) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endBeforeStart' });
    const { startDate: _sd, startTime: _st, endDate: _ed, endTime: _et, ...rest } = v;
    return {
      ...rest,
      startsAt,
      endsAt,
      municipalityCode: v.municipalityCode ?? null,
      onlineUrl: v.onlineUrl ?? null,
    };
  });
export type EventInput = z.infer<typeof eventForm>;

/** Query parameters of the lists; anything malformed is ignored rather than refused. */
export const listQuery = {
  organisation: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
};

export const postFilter = z.object(listQuery);
export type PostFilter = z.infer<typeof postFilter>;

export const eventFilter = z.object({
  ...listQuery,
  region: z.coerce.number().int().min(1081).max(1085).optional().catch(undefined),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  when: z.enum(['upcoming', 'past']).catch('upcoming'),
  audience: z.enum(EVENT_TARGET_GROUPS).optional().catch(undefined),
});
export type EventFilter = z.infer<typeof eventFilter>;
