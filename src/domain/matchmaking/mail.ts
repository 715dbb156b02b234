/**
 * E-mail to both sides of each meeting the scheduler placed or moved: when, at which table, with
 * whom, and the link to the agenda; and to the other side of a request when it is sent, answered,
 * withdrawn or cancelled. In Danish, then English.
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

/** What happened to a meeting request, told to the other side. */
export type RequestChange = 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled';

interface RequestParties {
  eventTitle: string;
  deadline: Date;
  email: string;
  byName: string;
  byOrganisation: string;
}

const CHANGE_TEXT: Record<
  RequestChange,
  { subject: [string, string]; da: (p: RequestParties) => string; en: (p: RequestParties) => string }
> = {
  requested: {
    subject: ['Ny anmodning om møde', 'New meeting request'],
    da: (p) =>
      `${p.byName} (${p.byOrganisation}) beder om et møde med dig. Svar senest ${formatDay(p.deadline, 'da')} kl. ${formatClock(p.deadline, 'da')}.`,
    en: (p) =>
      `${p.byName} (${p.byOrganisation}) asks you for a meeting. Please answer by ${formatDay(p.deadline, 'en')} at ${formatClock(p.deadline, 'en')}.`,
  },
  accepted: {
    subject: ['Møde accepteret', 'Meeting accepted'],
    da: (p) =>
      `${p.byName} (${p.byOrganisation}) har sagt ja til jeres møde. Mødet får tid og bord, når arrangøren planlægger.`,
    en: (p) =>
      `${p.byName} (${p.byOrganisation}) has accepted your meeting. It gets a time and a table when the organiser schedules.`,
  },
  declined: {
    subject: ['Anmodning afvist', 'Request declined'],
    da: (p) => `${p.byName} (${p.byOrganisation}) har afvist din anmodning om et møde.`,
    en: (p) => `${p.byName} (${p.byOrganisation}) has declined your meeting request.`,
  },
  withdrawn: {
    subject: ['Anmodning trukket tilbage', 'Request withdrawn'],
    da: (p) => `${p.byName} (${p.byOrganisation}) har trukket sin anmodning om et møde tilbage.`,
    en: (p) => `${p.byName} (${p.byOrganisation}) has withdrawn their meeting request.`,
  },
  cancelled: {
    subject: ['Møde aflyst', 'Meeting cancelled'],
    da: (p) =>
      `${p.byName} (${p.byOrganisation}) har aflyst jeres møde. Tidspunktet er frigivet i din mødeplan.`,
    en: (p) =>
      `${p.byName} (${p.byOrganisation}) has cancelled your meeting. The time is free again in your agenda.`,
  },
};

export function requestChangeMail(
  change: RequestChange,
  p: RequestParties,
  links: { da: string; en: string },
): MailMessage {
  const text = CHANGE_TEXT[change];
  return {
    to: p.email,
    subject: `${text.subject[0]} / ${text.subject[1]}: ${p.eventTitle}`,
    text: [
      text.da(p),
      `Se matchmakingen: ${links.da}`,
      '',
      text.en(p),
      `See the matchmaking: ${links.en}`,
    ].join('\n'),
  };
}

/**
 * Tells participant `to` what the other side of the request did. Sent after the change is
 * committed; a mail that cannot be sent is logged, not thrown, as the page shows the state.
 */
export async function announceRequestChange(
  deps: { db: Queryable; mailer: Mailer; logger: Logger },
  requestId: string,
  to: string,
  change: RequestChange,
  links: { da: string; en: string },
): Promise<void> {
  try {
    const [parties] = await queryRows<RequestParties>(
      deps.db,
      sql`select ev.title as "eventTitle", e.request_deadline as deadline, me.email,
                 other.name as "byName", op.organisation_name as "byOrganisation"
          from meeting_requests r
          join matchmaking_events e on e.event_id = r.event_id
          join events ev on ev.id = e.event_id
          join matchmaking_participants mp on mp.id = ${to}
          join users me on me.id = mp.user_id
          join matchmaking_participants op
            on op.id = case when r.from_participant_id = ${to} then r.to_participant_id else r.from_participant_id end
          join users other on other.id = op.user_id
          where r.id = ${requestId} and ${to} in (r.from_participant_id, r.to_participant_id)`,
    );
    if (parties)
      await deps.mailer.send(
        requestChangeMail(change, { ...parties, deadline: new Date(parties.deadline) }, links),
      );
  } catch (err) {
    deps.logger.error({ err, requestId, change }, 'matchmaking e-mail not sent');
  }
}
