import { z } from 'zod';
import { isThemeKey } from '../catalogue/themes.ts';
import { fromDanishText } from '../reference/danish.ts';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const REGION_CODES = [1081, 1082, 1083, 1084, 1085] as const;

/** A funding plan as a funder records it; form fields arrive as strings. */
export const fundingPlanInput = z.object({
  /** The funder organisation the plan is for; by default the proposer's first funder organisation. */
  funderId: z.uuid('funder').optional(),
  title: text(200).min(3, 'tooShort'),
  description: text(5000).min(20, 'tooShort'),
  theme: z.string().refine(isThemeKey, 'theme'),
  regionCodes: z
    .array(z.coerce.number().int())
    .min(1, 'regions')
    .refine((codes) => codes.every((c) => (REGION_CODES as readonly number[]).includes(c)), 'regions'),
  // Typed the Danish way in the form: 2.500.000 · 2 500 000 kr.
  budgetDkk: z.preprocess(
    fromDanishText,
    z.number({ message: 'budget' }).int('budget').min(0, 'budget').max(100_000_000_000, 'budget'),
  ),
  decisionDate: z.iso.date('date'),
  relatedClusterIds: z.array(z.uuid()).default([]),
});
export type FundingPlanInput = z.infer<typeof fundingPlanInput>;

export const commentInput = z.object({ body: text(3000).min(2, 'tooShort') });

export const outcomeInput = z.object({
  outcome: z.enum(['decided', 'abandoned'], { message: 'outcome' }),
  note: text(3000).min(5, 'tooShort'),
});
export type OutcomeInput = z.infer<typeof outcomeInput>;
