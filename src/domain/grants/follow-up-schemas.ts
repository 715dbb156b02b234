import { z } from 'zod';
import { danishNumber } from '../reference/danish.ts';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from './follow-up.ts';
import { MAX_GRANT_DKK } from './schemas.ts';

/*
 * The forms of a grant's follow-up (docs/grants.md). Messages are keys of the UI's validation
 * texts; amounts are typed Danish numbers in whole kroner.
 */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const category = z.enum(ACTIVITY_CATEGORIES, 'required');
// A missing reason is an empty one, so the other fields' checks still run and every error shows at once.
const reason = z.preprocess((v) => v ?? '', z.string().trim().min(1, 'required').max(2000, 'tooLong'));

/** A cluster's change request: a budget shift between two activity categories, or a new deadline. */
export const changeRequestForm = z
  .object({
    kind: z.enum(['budget_shift', 'deadline'], 'required'),
    fromCategory: z.preprocess(blank, category.optional()),
    toCategory: z.preprocess(blank, category.optional()),
    amountDkk: z.preprocess((v) => v ?? '', danishNumber({ min: 1, max: MAX_GRANT_DKK })),
    newDeadline: z.preprocess(blank, z.iso.date('invalidDate').optional()),
    reason,
  })
  .superRefine((v, ctx) => {
    const missing = (field: string, message = 'required') =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.kind === 'deadline') {
      if (!v.newDeadline) missing('newDeadline');
      return;
    }
    if (!v.fromCategory) missing('fromCategory');
    if (!v.toCategory) missing('toCategory');
    else if (v.toCategory === v.fromCategory) missing('toCategory', 'sameCategory');
    if (v.amountDkk === null) missing('amountDkk');
  });
export type ChangeRequestInput = z.infer<typeof changeRequestForm>;

/** The funder's decision on a change request, always with a reason the cluster reads. */
export const changeDecisionForm = z.object({
  decision: z.enum(['approve', 'reject'], 'required'),
  decisionReason: reason,
});
export type ChangeDecisionInput = z.infer<typeof changeDecisionForm>;

export type CategoryAmounts = Record<ActivityCategory, number>;

const amount = z.preprocess((v) => v ?? '', danishNumber({ min: 0, max: MAX_GRANT_DKK }));
const fieldsOf = (prefix: string) => ACTIVITY_CATEGORIES.map((c) => [`${prefix}${c}`, amount] as const);
const amountsOf = (v: Record<string, number | null>, prefix: string) =>
  Object.fromEntries(ACTIVITY_CATEGORIES.map((c) => [c, v[`${prefix}${c}`] ?? 0])) as CategoryAmounts;

/**
 * The cluster's financial report: spent per category (fields `spent_<category>`) and, when the
 * grant has no budget split yet, its budget per category (`budget_<category>`); an empty field is 0.
 */
export const financialReportForm = (withBudget: boolean) =>
  z
    .object(Object.fromEntries([...fieldsOf('spent_'), ...(withBudget ? fieldsOf('budget_') : [])]))
    .transform((v) => ({
      spent: amountsOf(v, 'spent_'),
      budget: withBudget ? amountsOf(v, 'budget_') : undefined,
    }));
export type FinancialReportInput = z.infer<ReturnType<typeof financialReportForm>>;
