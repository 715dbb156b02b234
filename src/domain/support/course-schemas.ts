import { z } from 'zod';
import { instantOf, requiredDate, requiredTime } from '../content/schemas.ts';
import { danishTimeToInstant } from '../content/time.ts';
import { requiredDanishNumber } from '../reference/danish.ts';

/**
 * A course as the form sends it: the day with its start and end time (Danish time), the place,
 * online or not, the seats and the last day a registrant may cancel (until midnight).
 */
export const courseInput = z
  .object({
    date: requiredDate,
    startTime: requiredTime,
    endTime: requiredTime,
    place: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    online: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    seats: requiredDanishNumber({ min: 1, max: 1000 }),
    cancelBy: requiredDate,
  })
  .transform((v, ctx) => {
    const startsAt = instantOf(ctx, 'date', v.date, v.startTime);
    const endsAt = instantOf(ctx, 'endTime', v.date, v.endTime);
    if (endsAt <= startsAt) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'endBeforeStart' });
    // The whole last day: a registrant may cancel until the day is over, Danish time.
    const deadline = danishTimeToInstant(v.cancelBy, '23:59') ?? new Date(Number.NaN);
    const cancellationDeadline = new Date(deadline.getTime() + 59_999);
    if (!(cancellationDeadline <= startsAt))
      ctx.addIssue({ code: 'custom', path: ['cancelBy'], message: 'cancelAfterStart' });
    return { startsAt, endsAt, place: v.place, online: v.online, seats: v.seats, cancellationDeadline };
  });
export type CourseInput = z.infer<typeof courseInput>;

/** Whom a registration is for: the caller, or a colleague of the same cluster organisation. */
export const registrationInput = z.object({
  userId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('person').optional()),
  organisationId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('organisation').optional()),
});

/** The registrations marked as present on the attendance list. */
export const attendanceInput = z.object({
  present: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.uuid('present'))),
});
