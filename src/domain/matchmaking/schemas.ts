import { z } from 'zod';
import { isClockTime, isIsoDate } from '../content/time.ts';
import { requiredDanishNumber } from '../reference/danish.ts';

/**
 * Input of the matchmaking commands, as form fields arrive (strings, lists for repeated fields).
 * Messages are keys the pages translate (src/http/web/matchmaking/messages.ts).
 */
const text = (max: number) => z.string().trim().max(max, 'tooLong');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v]));
/** One name or video link per line; blank lines are ignored. */
const lines = z
  .string()
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  )
  .pipe(z.array(z.string().max(300, 'tooLong')).min(1, 'tables').max(500, 'tables'));

export const setupInput = z.object({
  /** The first slot's start on the event's day, and the slots' length and number. */
  firstSlot: z.string().trim().refine(isClockTime, 'time'),
  slotMinutes: requiredDanishNumber({ min: 5, max: 240 }),
  slotCount: requiredDanishNumber({ min: 1, max: 48 }),
  tables: lines,
  meetingsPerParticipant: requiredDanishNumber({ min: 1, max: 100 }),
  deadline: z.string().trim().refine(isIsoDate, 'date'),
  deadlineTime: z.string().trim().refine(isClockTime, 'time'),
});
export type SetupInput = z.infer<typeof setupInput>;

export const registrationInput = z.object({
  organisationName: text(200).min(2, 'tooShort'),
  offers: text(2000),
  seeks: text(2000),
  slotIds: list.pipe(z.array(z.uuid('slots')).min(1, 'slots')),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const meetingRequestInput = z.object({
  toParticipantId: z.uuid('participant'),
  message: text(1000),
});

export const answerInput = z.object({ answer: z.enum(['accept', 'decline'], 'answer') });

export const scheduleInput = z.object({
  /** Move confirmed meetings too; without it, placed meetings stay where they are. */
  rescheduleAll: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});
