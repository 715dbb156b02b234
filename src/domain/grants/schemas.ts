import { z } from 'zod';
import { grantSource } from '../../db/schema/index.ts';
import { isCalendarDay, requiredDanishNumber } from '../reference/danish.ts';

export const GRANT_SOURCES = grantSource.enumValues;

/** The largest grant accepted: far above any cluster grant, well inside a bigint. */
export const MAX_GRANT_DKK = 10_000_000_000;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * One funder's grant to one cluster in one year, as a funder or an admin writes it (the funder is
 * the portfolio's). Messages are keys of the UI's validation texts.
 */
export const grantForm = z.object({
  clusterId: z.uuid('required'),
  year: z.coerce.number('invalid').int('invalid').min(2000, 'invalid').max(2100, 'invalid'),
  amountDkk: requiredDanishNumber({ min: 0, max: MAX_GRANT_DKK }),
  source: z.enum(GRANT_SOURCES, 'required'),
  /** A checkbox: present when ticked. */
  responsible: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  overrideReason: z.preprocess(blank, z.string().trim().max(500, 'tooLong').optional()),
});
export type GrantInput = z.infer<typeof grantForm>;

/** Removing one year's grant from a portfolio. */
export const removeGrantForm = z.object({ grantId: z.uuid('invalid') });

/** The funder's own conditions of a grant agreement, beyond the template's. */
export const agreementForm = z.object({
  conditions: z.preprocess(blank, z.string().trim().max(4000, 'tooLong').optional()),
});
export type AgreementInput = z.infer<typeof agreementForm>;

/** How many instalments the payment plan's form offers. */
export const MAX_INSTALMENTS = 6;

/** One instalment of a payment plan: the day it falls due and its amount. */
export const instalmentInput = z.object({
  dueOn: z.string().trim().min(1, 'required').refine(isCalendarDay, 'invalidDate'),
  amountDkk: requiredDanishNumber({ min: 1, max: MAX_GRANT_DKK }),
});
export type InstalmentInput = z.infer<typeof instalmentInput>;

/** Marking an instalment paid on a day, or not paid (no day). */
export const instalmentPaymentForm = z.object({
  instalmentId: z.uuid('invalid'),
  paidOn: z.preprocess(blank, z.string().trim().refine(isCalendarDay, 'invalidDate').optional()),
});

/**
 * The payment plan's form: rows `dueOn<n>` and `amount<n>` (n = 1..MAX_INSTALMENTS), an empty row
 * skipped. Returns the instalments, or the problems by field (`dueOn2`, `amount2`; `plan` when no
 * row is filled in).
 */
export function paymentPlanOfForm(values: Readonly<Record<string, string | undefined>>) {
  const instalments: InstalmentInput[] = [];
  const issues: { field: string; message: string }[] = [];
  for (let n = 1; n <= MAX_INSTALMENTS; n++) {
    const row = { dueOn: values[`dueOn${n}`] ?? '', amountDkk: values[`amount${n}`] ?? '' };
    if (row.dueOn.trim() === '' && row.amountDkk.trim() === '') continue;
    const parsed = instalmentInput.safeParse(row);
    if (parsed.success) instalments.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push({
          field: issue.path[0] === 'dueOn' ? `dueOn${n}` : `amount${n}`,
          message: issue.message,
        });
  }
  if (instalments.length === 0 && issues.length === 0) issues.push({ field: 'plan', message: 'planEmpty' });
  return { instalments, issues };
}
