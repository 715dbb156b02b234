/**
 * How a survey's last round of e-mails went, as its owner's page tells it: the round is the last
 * `survey-mails` job queued for the survey (sending.ts), its state is the job's, and the mails
 * are counted from the invitations the round marked (sent) or left due (not sent yet, which the
 * job's next attempt, or a new round, sends). Nothing is kept in memory between requests.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { queueInstalled } from '../jobs/overview.ts';
import type { SurveyMailKind } from './sending.ts';

/** Queued or running; done; failed and waiting to be tried again; failed for good. */
export type SendRoundState = 'queued' | 'done' | 'retrying' | 'failed';

export interface SendRound {
  kind: SurveyMailKind;
  /** When send (or remind) was pressed. */
  round: Date;
  state: SendRoundState;
  /** Mails the round has sent. */
  sent: number;
  /** Mails due in the round and not sent yet. */
  unsent: number;
}

const STATES: Record<string, SendRoundState> = {
  created: 'queued',
  active: 'queued',
  retry: 'retrying',
  completed: 'done',
  failed: 'failed',
  cancelled: 'failed',
};

/** The survey's last round of invitations or reminders, or null before anything was sent. */
export async function lastSendRound(db: Queryable, surveyId: string): Promise<SendRound | null> {
  if (!(await queueInstalled(db))) return null;
  const [row] = await queryRows<{
    kind: SurveyMailKind;
    round: string | Date;
    state: string;
    sent: number;
    unsent: number;
  }>(
    db,
    sql`with job as (
          select data->>'kind' as kind, (data->>'round')::timestamptz as round, state::text as state
          from pgboss.job
          where name = 'survey-mails' and data->>'surveyId' = ${surveyId}
          order by created_on desc, id desc limit 1
        )
        select job.kind, job.round, job.state,
          (select count(*) from survey_invitations i where i.survey_id = ${surveyId}
             and case when job.kind = 'invitation' then i.sent_at = job.round
                      else i.reminded_at = job.round end)::int as sent,
          (select count(*) from survey_invitations i where i.survey_id = ${surveyId}
             and i.responded_at is null and i.opted_out_at is null
             and case when job.kind = 'invitation' then i.sent_at is null
                      else i.sent_at is not null and (i.reminded_at is null or i.reminded_at < job.round) end
          )::int as unsent
        from job`,
  );
  if (!row) return null;
  return {
    kind: row.kind,
    round: new Date(row.round),
    state: STATES[row.state] ?? 'queued',
    sent: row.sent,
    unsent: row.unsent,
  };
}
