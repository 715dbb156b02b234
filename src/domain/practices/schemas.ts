import { z } from 'zod';
import { practiceModel, type practiceStatus } from '../../db/schema/practices.ts';
import { blankAsMissing, THEME_KEYS } from '../search/schemas.ts';

export const PRACTICE_MODELS = practiceModel.enumValues;
export type PracticeModel = (typeof PRACTICE_MODELS)[number];
export type PracticeStatus = (typeof practiceStatus.enumValues)[number];

/** A field a form may send once or repeated (checkboxes, multiple select) as a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** A region code (1081–1085, REGION_CODES). */
const region = (message: string) =>
  z.coerce.number(message).int(message).min(1081, message).max(1085, message);
/** A case names the organisations that took part: a handful, not the whole register. */
export const MAX_ACTORS = 20;

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? 'tooShort' : 'required')
    .max(max, 'tooLong');

/**
 * A case as its form sends it. Messages are keys the page translates
 * (src/http/web/practices/messages.ts).
 */
export const practiceCaseInput = z.object({
  model: z.enum(PRACTICE_MODELS, 'model'),
  title: text(5, 150),
  summary: text(20, 400),
  whatWasDone: text(20, 4000),
  whatWorked: text(10, 4000),
  whatDidNot: text(10, 4000),
  contactName: text(2, 200),
  contactEmail: z.string().trim().max(254, 'tooLong').pipe(z.email('email')),
  regions: list(region('regions'))
    .refine((r) => r.length > 0, 'regions')
    .transform((r) => [...new Set(r)].sort()),
  themes: list(z.enum(THEME_KEYS, 'themes')).transform((t) => [...new Set(t)]),
  actors: list(z.uuid('actors'))
    .refine((a) => a.length > 0 && a.length <= MAX_ACTORS, 'actors')
    .transform((a) => [...new Set(a)]),
});
export type PracticeCaseInput = z.infer<typeof practiceCaseInput>;

/** The proposal form adds, for someone working for several clusters or hubs, which one proposes. */
export const proposalInput = practiceCaseInput.extend({
  proposerId: z.preprocess(blankAsMissing, z.uuid('proposer').optional()),
});

export const rejectionInput = z.object({ reason: text(5, 2000) });

/** The public list's filters; an empty value (the form's "all") means not given. */
export const practiceFilter = z.object({
  model: z.preprocess(blankAsMissing, z.enum(PRACTICE_MODELS).optional()).catch(undefined),
  region: z.preprocess(blankAsMissing, region('region').optional()).catch(undefined),
  theme: z.preprocess(blankAsMissing, z.enum(THEME_KEYS).optional()).catch(undefined),
});
export type PracticeFilter = z.infer<typeof practiceFilter>;
