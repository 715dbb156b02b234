import type { Tx } from '../../db/client.ts';

/**
 * Recurring work: each kind is queued by its pg-boss schedule (src/jobs/schedules.ts), once per
 * occurrence across every instance, and is retried like any other job.
 */
export const SCHEDULED_JOB_KINDS = [
  'token-reminders',
  'referral-reminders',
  'label-reminders',
  'course-reminders',
  'deadline-reminders',
  'call-deadline-reminders',
  'company-effect-survey',
  'matchmaking-follow-ups',
  'retention',
] as const;
export type ScheduledJobKind = (typeof SCHEDULED_JOB_KINDS)[number];

/** Every kind of job the queue runs; one pg-boss queue each, named as here. */
export const JOB_KINDS = [
  'password-reset-mail',
  'survey-mails',
  'newsletter-send',
  'mail',
  'delivery-load',
  ...SCHEDULED_JOB_KINDS,
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const isJobKind = (s: string): s is JobKind => (JOB_KINDS as readonly string[]).includes(s);

/** The states an operator sees, named as pg-boss names them (`active` is running, `completed` done). */
export const JOB_STATES = ['created', 'retry', 'active', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What a domain command needs of the queue to hand work to a job. */
export interface JobEnqueuer {
  /** Queues a job of `kind`; it is stored (and survives a restart) when this resolves. */
  enqueue(kind: JobKind, data: Record<string, unknown>): Promise<string>;
}

/** What the domain needs of the queue to retry a failed job within its own transaction. */
export interface JobRetrier {
  /** Sends a failed job back to the queue in `tx`; false when there is no such failed job. */
  retry(tx: Tx, kind: JobKind, id: string): Promise<boolean>;
}
