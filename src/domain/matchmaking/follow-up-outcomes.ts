/**
 * What the follow-up rounds of an event found, for those who organise it: per round the people
 * asked, those who answered, and how many reported each outcome (counted in SQL from the
 * anonymous answers, so no one's answer is shown).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { MEETING_OUTCOMES } from '../surveys/templates.ts';

export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export interface FollowUpOutcome {
  monthsAfter: number;
  surveyId: string;
  invited: number;
  responses: number;
  /** Responses that reported a deal, a project or a partnership. */
  withOutcome: number;
  /** Responses per outcome. */
  outcomes: Record<MeetingOutcome, number>;
}

/** The event's follow-up rounds, earliest first; the caller checked that it may organise the event. */
export async function followUpOutcomes(db: Queryable, eventId: string): Promise<FollowUpOutcome[]> {
  const perOutcome = sql.join(
    MEETING_OUTCOMES.map((o) => sql`count(*) filter (where a.choice = ${o})::int as ${sql.identifier(o)}`),
    sql`, `,
  );
  const rows = await queryRows<
    { months_after: number; survey_id: string; invited: number; responses: number } & Record<
      MeetingOutcome,
      number
    >
  >(
    db,
    sql`select f.months_after, f.survey_id,
               (select count(*) from survey_invitations i where i.survey_id = f.survey_id)::int as invited,
               (select count(*) from survey_responses r where r.survey_id = f.survey_id)::int as responses,
               o.*
        from matchmaking_follow_ups f
        cross join lateral (
          select ${perOutcome}
          from survey_responses r join survey_answers a on a.response_id = r.id
          where r.survey_id = f.survey_id and a.question_key = 'outcome'
        ) o
        where f.event_id = ${eventId}
        order by f.months_after`,
  );
  return rows.map((r) => {
    const outcomes = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, r[o]])) as Record<
      MeetingOutcome,
      number
    >;
    return {
      monthsAfter: r.months_after,
      surveyId: r.survey_id,
      invited: r.invited,
      responses: r.responses,
      withOutcome: MEETING_OUTCOMES.reduce((n, o) => n + outcomes[o], 0),
      outcomes,
    };
  });
}
