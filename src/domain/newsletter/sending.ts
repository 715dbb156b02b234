/**
 * Sending an issue. Pressing send fixes the recipients (the segment's confirmed subscribers at
 * that moment) as the issue's delivery log, one `pending` row each, and queues the
 * `newsletter-send` job, which works through the log in batches.
 *
 * Claim, then send: a batch is marked `claimed` in a transaction that commits before its mails
 * are handed to SMTP, then each row becomes `sent` or `failed` (with the server's error). A job
 * run again after a restart takes only `pending` rows, so nobody gets an issue twice; a row left
 * `claimed` by a run that stopped mid-batch may or may not have gone out, and is recorded as
 * failed rather than sent again ("never twice" wins over "always once").
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { JobEnqueuer } from '../jobs/kinds.ts';
import { loadIssue } from './issues.ts';
import { issueMail, type NewsletterLinks, type Recipient } from './mail.ts';
import { requireNewsletterEditor } from './policy.ts';
import { recipientsOf } from './segments.ts';
import { unsubscribeToken } from './tokens.ts';

/** Mails per claimed batch, and how many of them are handed to SMTP at a time. */
export const NEWSLETTER_BATCH = 50;
const IN_FLIGHT = 5;
/** What a run records for a row a stopped run had claimed. */
export const INTERRUPTED = 'interrupted while sending; not sent again';

export interface NewsletterSendDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
}

export interface NewsletterSendContext {
  now: Date;
  secret: string;
  links: NewsletterLinks;
  batchSize?: number;
  /** Stops after this many batches (a run cut short, in tests); the rest stay pending. */
  maxBatches?: number;
}

const actor = systemActor('newsletter-send');

/**
 * Fixes the recipients of a draft and queues its sending. Pressing again while it is being sent
 * queues the job again (it resumes; nobody gets it twice); a sent issue is a `conflict`, and so
 * is a segment with no recipients.
 */
export async function sendIssue(db: Db, jobs: JobEnqueuer, caller: Caller, issueId: string, now: Date) {
  requireNewsletterEditor(caller);
  const issue = await loadIssue(db, issueId);
  if (issue.status === 'sent') throw new AppError('conflict', 'The issue has been sent');
  if (issue.status === 'draft') {
    await withActor(db, caller.actor, async (tx) => {
      const started = await queryRows<{ id: string }>(
        tx,
        sql`update newsletter_issues set status = 'sending', sending_at = ${now.toISOString()}::timestamptz
            where id = ${issueId} and status = 'draft' returning id`,
      );
      if (started.length === 0) throw new AppError('conflict', 'The issue is already being sent');
      const [fixed] = await queryRows<{ n: number }>(
        tx,
        sql`with fixed as (
              insert into newsletter_deliveries (issue_id, subscriber_id)
              select ${issueId}, s.id from newsletter_subscribers s where ${recipientsOf(issue)}
              returning 1
            )
            select count(*)::int as n from fixed`,
      );
      if (!fixed || fixed.n === 0) throw new AppError('conflict', 'The segment has no recipients');
    });
  }
  await jobs.enqueue('newsletter-send', { issueId });
}

interface Claimed extends Recipient {
  subscriberId: string;
}

async function claimBatch(db: Db, issueId: string, size: number, now: Date): Promise<Claimed[]> {
  return withActor(db, actor, (tx) =>
    queryRows<Claimed>(
      tx,
      sql`with due as (
            select subscriber_id from newsletter_deliveries
            where issue_id = ${issueId} and status = 'pending'
            order by subscriber_id limit ${size}
            for update skip locked
          )
          update newsletter_deliveries d
          set status = 'claimed', attempts = d.attempts + 1, attempted_at = ${now.toISOString()}::timestamptz
          from due, newsletter_subscribers s
          where d.issue_id = ${issueId} and d.subscriber_id = due.subscriber_id and s.id = d.subscriber_id
          returning d.subscriber_id as "subscriberId", s.email, s.name, s.lang`,
    ),
  );
}

/** Records each claimed row's outcome: sent, or failed with the server's answer. */
async function record(db: Db, issueId: string, outcomes: { subscriberId: string; error: string | null }[]) {
  const json = JSON.stringify(outcomes.map((o) => ({ s: o.subscriberId, e: o.error })));
  await withActor(db, actor, (tx) =>
    tx.execute(
      sql`update newsletter_deliveries d
          set status = (case when o.e is null then 'sent' else 'failed' end)::newsletter_delivery_status, error = o.e
          from jsonb_to_recordset(${json}::jsonb) as o(s uuid, e text)
          where d.issue_id = ${issueId} and d.subscriber_id = o.s`,
    ),
  );
}

async function deliver(
  deps: NewsletterSendDeps,
  issue: { id: string; subject: string; body: string },
  batch: readonly Claimed[],
  ctx: NewsletterSendContext,
) {
  const outcomes: { subscriberId: string; error: string | null }[] = [];
  for (let i = 0; i < batch.length; i += IN_FLIGHT) {
    const group = batch.slice(i, i + IN_FLIGHT);
    const results = await Promise.allSettled(
      group.map((r) =>
        deps.mailer.send(issueMail(issue, r, unsubscribeToken(ctx.secret, r.subscriberId), ctx.links)),
      ),
    );
    results.forEach((result, j) => {
      const subscriberId = group[j]?.subscriberId as string;
      if (result.status === 'fulfilled') outcomes.push({ subscriberId, error: null });
      else {
        deps.logger.warn({ err: result.reason, subscriberId }, 'newsletter mail not sent');
        outcomes.push({ subscriberId, error: String(result.reason?.message ?? result.reason).slice(0, 500) });
      }
    });
  }
  return outcomes;
}

/** Ends an issue whose log has nothing pending: stale claims become failures, the issue is sent. */
async function finish(db: Db, issueId: string, now: Date): Promise<void> {
  await withActor(db, actor, async (tx) => {
    await tx.execute(
      sql`update newsletter_deliveries set status = 'failed', error = ${INTERRUPTED}
          where issue_id = ${issueId} and status = 'claimed'`,
    );
    await tx.execute(
      sql`update newsletter_issues set status = 'sent', sent_at = ${now.toISOString()}::timestamptz
          where id = ${issueId} and status = 'sending'`,
    );
  });
}

/** Sends an issue's pending mails batch by batch; a mail that fails is logged, not retried. */
export async function sendPendingMails(
  deps: NewsletterSendDeps,
  issueId: string,
  ctx: NewsletterSendContext,
): Promise<{ sent: number; failed: number }> {
  const issue = await loadIssue(deps.db, issueId);
  if (issue.status !== 'sending') return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (let batches = 0; ctx.maxBatches === undefined || batches < ctx.maxBatches; batches++) {
    const batch = await claimBatch(deps.db, issueId, ctx.batchSize ?? NEWSLETTER_BATCH, ctx.now);
    if (batch.length === 0) {
      await finish(deps.db, issueId, ctx.now);
      break;
    }
    const outcomes = await deliver(deps, issue, batch, ctx);
    await record(deps.db, issueId, outcomes);
    const failures = outcomes.filter((o) => o.error !== null).length;
    failed += failures;
    sent += outcomes.length - failures;
  }
  return { sent, failed };
}

const newsletterJob = z.object({ issueId: z.uuid() });

/** The newsletter-send job: sends what is pending of the issue, now. */
export function runNewsletterJob(
  deps: NewsletterSendDeps,
  data: unknown,
  ctx: Omit<NewsletterSendContext, 'maxBatches'>,
) {
  return sendPendingMails(deps, newsletterJob.parse(data).issueId, ctx);
}
