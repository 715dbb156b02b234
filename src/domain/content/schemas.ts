import { z } from 'zod';
import { danishTimeToInstant, isClockTime, isIsoDate } from './time.ts';

/**
 * Form schemas of this area; one per kind of item, the same for creating and editing. Messages
 * are keys: the validation catalogue's ('required', 'tooLong') or this area's own texts.
 */
export const CONTENT_LANGS = ['da', 'en'] as const;
export const CALL_STATUSES = ['draft', 'published', 'open', 'closed', 'assessed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const INTENTS = ['draft', 'publish'] as const;

const title = z.string().trim().min(1, 'required').max(200, 'tooLong');
// Optional texts may be left out of a post altogether, not only sent empty.
const summary = z.string().trim().max(500, 'tooLong').default('');
const body = z.string().max(20_000, 'tooLong').default('');
const organisationId = z.uuid('required');
const filled = () => z.string().trim().min(1, { message: 'required', abort: true });
const requiredDate = filled().refine(isIsoDate, 'invalidDate');
const requiredTime = filled().refine(isClockTime, 'invalidTime');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const postFields = {
  organisationId,
  lang: z.enum(CONTENT_LANGS, 'required'),
  title,
  summary,
  body,
  // Which button was pressed: save as a draft, or save and publish.
  intent: z.enum(INTENTS).catch('draft'),
};

export const postForm = z.object(postFields);
export type PostInput = z.infer<typeof postForm>;

/** A Danish date and time field pair as one instant, reporting on the date field. */
function instantOf(ctx: z.RefinementCtx, field: string, date: string, time: string): Date {
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
    municipalityCode: optional(
      z.coerce.number('invalid').int('invalid').min(101, 'invalid').max(999, 'invalid'),
    ),
    onlineUrl: optional(
      z
        .string()
        .trim()
        .max(500, 'tooLong')
        .pipe(z.url({ protocol: /^https?$/, message: 'invalidUrl' })),
    ),
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

export const callForm = z
  .object({
    organisationId,
    title,
    summary,
    body,
    status: z.enum(CALL_STATUSES, 'required'),
    opensDate: optional(z.string().trim().refine(isIsoDate, 'invalidDate')),
    opensTime: optional(z.string().trim().refine(isClockTime, 'invalidTime')),
    deadlineDate: requiredDate,
    deadlineTime: requiredTime,
  })
  .transform((v, ctx) => {
    const deadline = instantOf(ctx, 'deadlineDate', v.deadlineDate, v.deadlineTime);
    // A call opens at the start of the day unless a time is given.
    const opensAt = v.opensDate ? instantOf(ctx, 'opensDate', v.opensDate, v.opensTime ?? '00:00') : null;
    if (opensAt && opensAt >= deadline)
      ctx.addIssue({ code: 'custom', path: ['opensDate'], message: 'opensAfterDeadline' });
    return {
      organisationId: v.organisationId,
      title: v.title,
      summary: v.summary,
      body: v.body,
      status: v.status,
      opensAt,
      deadline,
    };
  });
export type CallInput = z.infer<typeof callForm>;

/** Query parameters of the lists; anything malformed is ignored rather than refused. */
const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const organisation = z.uuid().optional().catch(undefined);

export const postFilter = z.object({ organisation, page });
export type PostFilter = z.infer<typeof postFilter>;

export const eventFilter = z.object({
  organisation,
  page,
  region: z.coerce.number().int().min(1081).max(1085).optional().catch(undefined),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  when: z.enum(['upcoming', 'past']).catch('upcoming'),
});
export type EventFilter = z.infer<typeof eventFilter>;

export const callFilter = z.object({ organisation, page });
export type CallFilter = z.infer<typeof callFilter>;
