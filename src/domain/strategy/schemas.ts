import { z } from 'zod';

export const INITIATIVE_STATUSES = ['not_started', 'in_progress', 'completed', 'discontinued'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

const isoDate = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d >= '2000-01-01' && d <= '2100-12-31', {
    message: 'invalidDate',
  });

export const statusChangeInput = z.object({
  status: z.enum(INITIATIVE_STATUSES, 'required'),
  note: z.string().trim().min(1, 'noteRequired').max(1000, 'tooLong'),
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export const milestoneInput = z.object({
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  dueOn: isoDate,
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const milestoneDoneInput = z.object({ doneOn: isoDate });
export type MilestoneDoneInput = z.infer<typeof milestoneDoneInput>;

export const activityLinkInput = z.object({
  activityId: z
    .string()
    .trim()
    .min(1, 'required')
    .regex(/^[1-9][0-9]{0,14}$/, 'invalidActivityId')
    .transform(Number),
});
