import { z } from 'zod';
import { requiredDate } from '../content/schemas.ts';
import { requiredDanishNumber } from '../reference/danish.ts';

/** The least number of interested cluster organisations a demand threshold may ask for, and the most. */
export const THRESHOLD_RANGE = { min: 1, max: 500 } as const;

const threshold = requiredDanishNumber(THRESHOLD_RANGE);

/** A new year's plan: the year, its demand threshold and the needs survey's closing date. */
export const planYearInput = z.object({
  year: requiredDanishNumber({ min: 2020, max: 2100 }),
  threshold,
  closesOn: requiredDate,
});

export const thresholdInput = z.object({ threshold });

/**
 * A decision about one service of the plan. A service that does not run has no courses and no
 * budget; one that runs has at least one course. Either way the reason is stated.
 */
export const serviceDecisionInput = z
  .object({
    serviceId: z.uuid('serviceId'),
    runs: z.enum(['yes', 'no'], 'runs'),
    reason: z.string().trim().min(3, 'required').max(1000, 'tooLong'),
    plannedCourses: requiredDanishNumber({ min: 0, max: 100 }),
    budget: requiredDanishNumber({ min: 0, max: 100_000_000 }),
  })
  .superRefine((v, ctx) => {
    if (v.runs === 'yes' && v.plannedCourses === 0)
      ctx.addIssue({ code: 'custom', path: ['plannedCourses'], message: 'coursesWhenRun' });
    if (v.runs === 'no' && v.plannedCourses !== 0)
      ctx.addIssue({ code: 'custom', path: ['plannedCourses'], message: 'nothingWhenNotRun' });
    if (v.runs === 'no' && v.budget !== 0)
      ctx.addIssue({ code: 'custom', path: ['budget'], message: 'nothingWhenNotRun' });
  })
  .transform(({ runs, ...v }) => ({ ...v, runs: runs === 'yes' }));
export type ServiceDecision = z.infer<typeof serviceDecisionInput>;

/** A steering group funder's contribution for a year, in whole kroner. */
export const contributionInput = z.object({
  funderId: z.uuid('funderId'),
  year: requiredDanishNumber({ min: 2020, max: 2100 }),
  amount: requiredDanishNumber({ min: 0, max: 1_000_000_000 }),
});
