import { z } from 'zod';
import {
  instantOf,
  itemFields,
  listQuery,
  optionalField,
  requiredDate,
  requiredTime,
} from '../content/schemas.ts';
import { isClockTime, isIsoDate } from '../content/time.ts';
import { isCalendarDay } from '../reference/danish.ts';
import { copenhagenDate } from '../reference/time.ts';
import { ACTIVITY_CATEGORIES } from '../reporting/format/rows.ts';
import { CALL_STATUSES } from './workflow.ts';

const optionalDay = optionalField(z.string().trim().refine(isCalendarDay, 'invalidDate'));

/** The phases after the application deadline, in the order they follow each other. */
export const LATER_PHASES = ['assessmentDeadline', 'decisionDate', 'grantsStartOn'] as const;

/**
 * Each phase's day after the one before it that is given (the application deadline's day first):
 * an assessment deadline on or before the application deadline is refused on its own field.
 */
function requirePhasesInOrder(
  ctx: z.RefinementCtx,
  applicationDay: string | null,
  days: Partial<Record<(typeof LATER_PHASES)[number], string>>,
): void {
  let previous = applicationDay;
  for (const phase of LATER_PHASES) {
    const day = days[phase];
    if (!day || !isCalendarDay(day)) continue;
    if (previous && day <= previous)
      ctx.addIssue({ code: 'custom', path: [phase], message: `${phase}OutOfOrder` });
    else previous = day;
  }
}

/**
 * The call's own form: its public page (owner, texts, dates and status), written in the
 * publishing editor the news and events share, so with their fields and messages.
 */
export const callForm = z
  .object({
    ...itemFields,
    status: z.enum(CALL_STATUSES, 'required'),
    opensDate: optionalField(z.string().trim().refine(isIsoDate, 'invalidDate')),
    opensTime: optionalField(z.string().trim().refine(isClockTime, 'invalidTime')),
    deadlineDate: requiredDate,
    deadlineTime: requiredTime,
    // The later phases of the timeline: days, each optional (DKFDS date inputs).
    assessmentDeadline: optionalDay,
    decisionDate: optionalDay,
    grantsStartOn: optionalDay,
  })
  .transform((v, ctx) => {
    const deadline = instantOf(ctx, 'deadlineDate', v.deadlineDate, v.deadlineTime);
    // A call opens at the start of the day unless a time is given.
    const opensAt = v.opensDate ? instantOf(ctx, 'opensDate', v.opensDate, v.opensTime ?? '00:00') : null;
    if (opensAt && opensAt >= deadline)
      ctx.addIssue({ code: 'custom', path: ['opensDate'], message: 'opensAfterDeadline' });
    requirePhasesInOrder(ctx, Number.isNaN(deadline.getTime()) ? null : copenhagenDate(deadline), v);
    return {
      organisationId: v.organisationId,
      title: v.title,
      summary: v.summary,
      body: v.body,
      status: v.status,
      opensAt,
      deadline,
      assessmentDeadline: v.assessmentDeadline ?? null,
      decisionDate: v.decisionDate ?? null,
      grantsStartOn: v.grantsStartOn ?? null,
    };
  });
export type CallInput = z.infer<typeof callForm>;

/** The public list of calls: by owner, paged; anything malformed is ignored rather than refused. */
export const callFilter = z.object(listQuery);
export type CallFilter = z.infer<typeof callFilter>;

const year = z.coerce.number().int().min(2000).max(2100);
const amount = z.coerce.number().int().min(0).max(10_000_000_000);
const text = (max: number) => z.string().trim().max(max);

/** The set-up of a call for applications: English texts, period, budgets, requirements, criteria, assessors. */
export const callSetupInput = z
  .object({
    titleEn: text(200),
    summaryEn: text(1000),
    firstYear: year,
    lastYear: year,
    budgets: z.array(z.object({ funderId: z.uuid(), year, amountDkk: amount })).min(1),
    requirements: z
      .array(
        z.object({
          textDa: text(1000).min(1),
          textEn: text(1000).min(1),
          evidenceDa: text(1000).default(''),
          evidenceEn: text(1000).default(''),
          servicesListing: z.boolean().default(false),
        }),
      )
      .min(1),
    criteria: z
      .array(
        z.object({
          titleDa: text(500).min(1),
          titleEn: text(500).min(1),
          weight: z.coerce.number().int().min(1).max(100),
          scaleMax: z.coerce.number().int().min(1).max(100).default(5),
        }),
      )
      .min(1),
    assessorIds: z.array(z.uuid()).default([]),
    /** The funder that selects in the joint decision chain (docs/grants.md); none: the owner decides alone. */
    deciderId: z.uuid().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.deciderId !== null && !v.budgets.some((b) => b.funderId === v.deciderId))
      ctx.addIssue({ code: 'custom', path: ['deciderId'], message: 'decider_not_funder' });
    if (v.lastYear < v.firstYear)
      ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'before_first' });
    if (v.criteria.reduce((s, c) => s + c.weight, 0) !== 100)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'weights_not_100' });
    for (const [i, b] of v.budgets.entries())
      if (b.year < v.firstYear || b.year > v.lastYear)
        ctx.addIssue({ code: 'custom', path: ['budgets', i, 'year'], message: 'outside_period' });
  });
export type CallSetupInput = z.infer<typeof callSetupInput>;

export const applicationInput = z.object({
  title: text(300),
  /** Requirement id → the applicant's statement and evidence. */
  answers: z.record(z.uuid(), text(5000)).default({}),
  /** Criterion id → the applicant's text. */
  texts: z.record(z.uuid(), text(20000)).default({}),
  budget: z.array(z.object({ year, category: z.enum(ACTIVITY_CATEGORIES), amountDkk: amount })).default([]),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

export const eligibilityInput = z
  .object({
    /** Requirement id → passed. */
    checks: z.record(z.uuid(), z.boolean()),
    reason: text(5000).default(''),
  })
  .superRefine((v, ctx) => {
    if (Object.values(v.checks).includes(false) && v.reason.length === 0)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
  });
export type EligibilityInput = z.infer<typeof eligibilityInput>;

export const scoreInput = z.object({
  criterionId: z.uuid(),
  score: z.coerce.number().int().min(0).max(100),
  comment: text(5000).default(''),
});
export type ScoreInput = z.infer<typeof scoreInput>;

export const allocationInput = z.object({
  applicationId: z.uuid(),
  year,
  amountDkk: amount,
});
export type AllocationInput = z.infer<typeof allocationInput>;

/** Attachments: at most this many bytes, and only these types, recognised by content, not by name. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
