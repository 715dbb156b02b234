/**
 * E-mail to both sides of each meeting the scheduler placed or moved: when, at which table, with
 * whom, and the link to the agenda. In Danish, then English.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import { formatClock, formatDay } from '../reference/danish.ts';
import { uuidArray } from '../reporting/uuid-array.ts';

interface PlacedMeeting {
  eventTitle: string;
  startsAt: Date;
  table: string;
  email: string;
  withName: string;
  withOrganisation: string;
}

async function placedMeetingMails(db: Queryable, requestIds: readonly string[]): Promise<PlacedMeeting[]> {
  return queryRows<PlacedMeeting>(
    db,
    sql`select ev.title as "eventTitle", s.starts_at as "startsAt", e.tables[m.table_number + 1] as "table",
               me.email, other.name as "withName", op.organisation_name as "withOrganisation"
        from matchmaking_meetings m
        join matchmaking_slots s on s.id = m.slot_id
        join matchmaking_events e on e.event_id = s.event_id
        join events ev on ev.id = e.event_id
        join meeting_requests r on r.id = m.request_id
        cross join lateral (values (r.from_participant_id, r.to_participant_id),
                                   (r.to_participant_id, r.from_participant_id)) as side(mine, theirs)
        join matchmaking_participants mp on mp.id = side.mine
        join users me on me.id = mp.user_id
        join matchmaking_participants op on op.id = side.theirs
        join users other on other.id = op.user_id
        where m.request_id = any(${uuidArray(requestIds)})
        order by s.starts_at, me.email`,
  );
}

export function meetingMail(m: PlacedMeeting, agendaLinks: { da: string; en: string }): MailMessage {
  const at = new Date(m.startsAt);
  return {
    to: m.email,
    subject: `Møde planlagt / Meeting scheduled: ${m.eventTitle}`,
    text: [
      `Dit møde med ${m.withName} (${m.withOrganisation}) er planlagt ${formatDay(at, 'da')} kl. ${formatClock(at, 'da')} ved ${m.table}.`,
      `Se din mødeplan: ${agendaLinks.da}`,
      '',
      `Your meeting with ${m.withName} (${m.withOrganisation}) is scheduled on ${formatDay(at, 'en')} at ${formatClock(at, 'en')}, ${m.table}.`,
      `See your agenda: ${agendaLinks.en}`,
    ].join('\n'),
  };
}

/**
 * Sends the mails after the schedule is committed. A mail that cannot be sent is logged, not
 * thrown: the schedule stands, and each participant sees it in their agenda.
 */
export async function announceMeetings(
  deps: { db: Queryable; mailer: Mailer; logger: Logger },
  requestIds: readonly string[],
  agendaLinks: { da: string; en: string },
): Promise<void> {
  if (requestIds.length === 0) return;
  try {
    for (const m of await placedMeetingMails(deps.db, requestIds))
      await deps.mailer.send(meetingMail(m, agendaLinks));
  } catch (err) {
    deps.logger.error({ err, meetings: requestIds.length }, 'matchmaking e-mail not sent');
  }
}
