/**
 * Sending a survey's e-mails in batches: invitations to those not yet invited, reminders to
 * those who have not answered (nor opted out). `sendSurveyMails` is the one function that sends;
 * it needs no caller, so the job queue runs it (`runSurveyMailJob`), and the commands below are
 * what a page calls: they check the rules and queue the job.
 *
 * Claim, then send: each batch is marked (sent_at, or reminded_at of this round) with a new
 * token per invitee in one transaction that commits before its mails go out, so overlapping
 * runs never send the same mail twice (FOR UPDATE SKIP LOCKED). A mail that cannot be sent has
 * its mark and token undone, and is left for the next run.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, systemActor, withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { JobEnqueuer } from '../jobs/kinds.ts';
import { authorizeSurvey, sendingOpen } from './policy.ts';
import { loadSurvey } from './store.ts';
import { type SurveyMailFacts, type SurveyMailLinks, surveyMail } from './survey-mail.ts';
import { invitationKeyOf, newSurveyToken } from './tokens.ts';

export type SurveyMailKind = 'invitation' | 'reminder';

export interface SurveyMailDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
}

export interface SurveyMailContext {
  now: Date;
  links: SurveyMailLinks;
  /** Who the claims are recorded as: the person who pressed send, or the job. */
  actor?: Actor;
  batchSize?: number;
}

export interface SendResult {
  sent: number;
  failed: number;
}

/** Mails per claimed batch, and how many of them are handed to SMTP at a time. */
export const MAIL_BATCH = 50;
const IN_FLIGHT = 5;

interface Claimed {
  id: string;
  email: string;
  name: string | null;
  lang: 'da' | 'en';
  previousRemindedAt: Date | null;
  token: string;
}

/** Marks the next batch as sent (or reminded in this round) and gives each a new token; committed on return. */
async function claimBatch(
  db: Db,
  actor: Actor,
  surveyId: string,
  kind: SurveyMailKind,
  round: Date,
  size: number,
  skip: readonly string[],
): Promise<Claimed[]> {
  return withActor(db, actor, async (tx) => {
    const at = round.toISOString();
    const due =
      kind === 'invitation'
        ? sql`i.sent_at is null`
        : sql`i.sent_at is not null and (i.reminded_at is null or i.reminded_at < ${at}::timestamptz)`;
    const mark =
      kind === 'invitation'
        ? sql`sent_at = ${at}::timestamptz`
        : sql`reminded_at = ${at}::timestamptz, reminders = i.reminders + 1`;
    const rows = await queryRows<{
      id: string;
      email: string;
      name: string | null;
      lang: string;
      previous: string | Date | null;
    }>(
      tx,
      sql`with due as (
            select i.id, i.reminded_at as previous from survey_invitations i
            where i.survey_id = ${surveyId} and ${due}
              and i.responded_at is null and i.opted_out_at is null
              and not (i.id = any(${`{${skip.join(',')}}`}::uuid[]))
            order by i.created_at, i.id
            limit ${size}
            for update skip locked
          )
          update survey_invitations i set ${mark} from due where i.id = due.id
          returning i.id, i.email, i.name, i.lang, due.previous`,
    );
    const claimed = rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      lang: r.lang === 'en' ? ('en' as const) : ('da' as const),
      previousRemindedAt: r.previous === null ? null : new Date(r.previous),
      token: newSurveyToken(),
    }));
    if (claimed.length > 0) {
      const tokens = JSON.stringify(claimed.map((c) => ({ h: invitationKeyOf(c.token), i: c.id })));
      await tx.execute(
        sql`insert into survey_tokens (token_hash, invitation_id, created_at)
            select t.h, t.i, ${at}::timestamptz from jsonb_to_recordset(${tokens}::jsonb) as t(h text, i uuid)`,
      );
    }
    return claimed;
  });
}

/** Undoes the claims of mails that were not sent: the mark, and the token nobody received. */
async function release(
  db: Db,
  actor: Actor,
  kind: SurveyMailKind,
  failed: readonly Claimed[],
): Promise<void> {
  if (failed.length === 0) return;
  await withActor(db, actor, async (tx) => {
    const json = JSON.stringify(
      failed.map((f) => ({
        i: f.id,
        h: invitationKeyOf(f.token),
        p: f.previousRemindedAt?.toISOString() ?? null,
      })),
    );
    const rows = sql`jsonb_to_recordset(${json}::jsonb) as f(i uuid, h text, p timestamptz)`;
    await tx.execute(sql`delete from survey_tokens t using ${rows} where t.token_hash = f.h`);
    await tx.execute(
      kind === 'invitation'
        ? sql`update survey_invitations i set sent_at = null from ${rows} where i.id = f.i`
        : sql`update survey_invitations i set reminded_at = f.p, reminders = i.reminders - 1 from ${rows} where i.id = f.i`,
    );
  });
}

/** Hands mails to SMTP a few at a time; returns those that failed. */
async function deliver(
  deps: SurveyMailDeps,
  kind: SurveyMailKind,
  survey: SurveyMailFacts,
  batch: readonly Claimed[],
  links: SurveyMailLinks,
): Promise<Claimed[]> {
  const failed: Claimed[] = [];
  for (let i = 0; i < batch.length; i += IN_FLIGHT) {
    const group = batch.slice(i, i + IN_FLIGHT);
    const results = await Promise.allSettled(
      group.map((c) => deps.mailer.send(surveyMail(kind, c, survey, c.token, links))),
    );
    results.forEach((r, j) => {
      if (r.status === 'rejected') {
        deps.logger.warn({ err: r.reason, invitation: group[j]?.id }, 'survey mail not sent');
        failed.push(group[j] as Claimed);
      }
    });
  }
  return failed;
}

/**
 * Sends a survey's due invitations or reminders, batch by batch, while it is open. Never throws
 * for a mail that cannot be sent: it is counted, logged and left for the next run.
 */
export async function sendSurveyMails(
  deps: SurveyMailDeps,
  surveyId: string,
  kind: SurveyMailKind,
  ctx: SurveyMailContext,
): Promise<SendResult> {
  const survey = await loadSurvey(deps.db, surveyId);
  if (!sendingOpen(survey.status, survey.closesAt, ctx.now)) return { sent: 0, failed: 0 };
  const actor = ctx.actor ?? systemActor('survey-mail');
  const failedIds: string[] = [];
  let sent = 0;
  for (;;) {
    const batch = await claimBatch(
      deps.db,
      actor,
      surveyId,
      kind,
      ctx.now,
      ctx.batchSize ?? MAIL_BATCH,
      failedIds,
    );
    if (batch.length === 0) break;
    const failed = await deliver(deps, kind, survey, batch, ctx.links);
    await release(deps.db, actor, kind, failed);
    failedIds.push(...failed.map((f) => f.id));
    sent += batch.length - failed.length;
  }
  return { sent, failed: failedIds.length };
}

async function authorizeSending(db: Db, caller: Caller, surveyId: string, now: Date) {
  const survey = await loadSurvey(db, surveyId);
  authorizeSurvey(caller.principal, 'manage', survey);
  if (!sendingOpen(survey.status, survey.closesAt, now))
    throw new AppError('conflict', 'Invitations go out while the survey is open');
}

/** A queued send: which survey, invitations or reminders, the round it belongs to and who pressed. */
const surveyMailJob = z.object({
  surveyId: z.uuid(),
  kind: z.enum(['invitation', 'reminder']),
  round: z.iso.datetime(),
  actor: z.object({ userId: z.string().nullable(), label: z.string() }),
});

async function queueSurveyMails(
  db: Db,
  jobs: JobEnqueuer,
  caller: Caller,
  surveyId: string,
  kind: SurveyMailKind,
  now: Date,
): Promise<void> {
  await authorizeSending(db, caller, surveyId, now);
  await enqueueSurveyMails(jobs, caller.actor, surveyId, kind, now);
}

/** Queues the survey-mails job of a round (`now`), recorded as `actor`; the caller checked the rules. */
export async function enqueueSurveyMails(
  jobs: JobEnqueuer,
  actor: Actor,
  surveyId: string,
  kind: SurveyMailKind,
  now: Date,
): Promise<void> {
  const { userId, label } = actor;
  await jobs.enqueue('survey-mails', { surveyId, kind, round: now.toISOString(), actor: { userId, label } });
}

/** Queues the invitations not sent yet: the survey's manager presses send. */
export function sendInvitations(db: Db, jobs: JobEnqueuer, caller: Caller, surveyId: string, now: Date) {
  return queueSurveyMails(db, jobs, caller, surveyId, 'invitation', now);
}

/** Queues a reminder to everyone invited who has not answered nor opted out, once per press. */
export function remindNonRespondents(db: Db, jobs: JobEnqueuer, caller: Caller, surveyId: string, now: Date) {
  return queueSurveyMails(db, jobs, caller, surveyId, 'reminder', now);
}

/**
 * The survey-mails job: sends the round as the person who pressed. Mails that could not be sent
 * were left for the next run, so the job fails and the queue runs it again later.
 */
export async function runSurveyMailJob(
  deps: SurveyMailDeps,
  data: unknown,
  links: SurveyMailLinks,
): Promise<SendResult> {
  const job = surveyMailJob.parse(data);
  const result = await sendSurveyMails(deps, job.surveyId, job.kind, {
    now: new Date(job.round),
    links,
    actor: job.actor,
  });
  if (result.failed > 0)
    throw new Error(`${result.failed} survey mails could not be sent (${result.sent} sent)`);
  return result;
}
