/**
 * Call deadline reminders: before each deadline of a call's timeline, those who must act are
 * e-mailed 7 days and 1 day before it: applicants whose application is still a draft (the
 * application deadline), assessors with unfinished assessments (the assessment deadline) and the
 * call's funders while it is not decided (the decision date). Each edge is due from its day until
 * the next one (7 from 7 to 2 days before, 1 from 1 day before to the day itself), so a run that
 * missed a day catches up and a late one sends only the nearer edge.
 *
 * Claim, then send, like the reporting deadline reminders: one transaction inserts the (call,
 * phase, edge, person) rows due, the primary key refusing any already there, and commits; the
 * mails go out after that. Nobody is reminded twice of the same edge; a mail that fails has its
 * claim removed so the next run tries again. A plain function of a day, for `klynge calls remind`
 * and the scheduled job alike.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { formatDate, isCalendarDay, type Language } from '../reference/danish.ts';
import { authorizeCallReminders } from './policy.ts';

export type ReminderPhase = 'application' | 'assessment' | 'decision';

export interface CallReminderResult {
  sent: number;
  failed: number;
}

interface Due {
  callId: string;
  slug: string;
  title: string;
  phase: ReminderPhase;
  edge: 7 | 1;
  deadline: string;
  daysLeft: number;
  userId: string;
  email: string;
  locale: string;
}

/** Where each reminder sends its reader: the application form, their assessments, the processing page. */
export type ReminderLink = (phase: ReminderPhase, slug: string, lang: Language) => string;

/** How far off the deadline is on the day of the run (a late run says so, not the edge's days). */
function inDays(days: number, lang: Language): string {
  if (lang === 'da') return days === 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dage`;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

const TEXT = {
  da: {
    subject: {
      application: (d: Due, date: string) => `Husk at indsende ansøgningen til ${d.title}: frist ${date}`,
      assessment: (d: Due, date: string) => `Husk bedømmelserne i ${d.title}: frist ${date}`,
      decision: (d: Due, date: string) => `Beslutningen om ${d.title} skal træffes ${date}`,
    },
    body: {
      application: (d: Due, date: string) =>
        `Jeres ansøgning til ${d.title} er endnu ikke indsendt. Ansøgningsfristen er ${date} (${inDays(d.daysLeft, 'da')}).`,
      assessment: (d: Due, date: string) =>
        `Du har ansøgninger i ${d.title}, som du endnu ikke har bedømt færdigt. Fristen for bedømmelsen er ${date} (${inDays(d.daysLeft, 'da')}).`,
      decision: (d: Due, date: string) =>
        `${d.title} venter på beslutningen om, hvilke ansøgninger der får tilsagn. Beslutningen er planlagt til ${date} (${inDays(d.daysLeft, 'da')}).`,
    },
    link: 'Gå til opslaget',
  },
  en: {
    subject: {
      application: (d: Due, date: string) => `Remember to submit your application to ${d.title}: due ${date}`,
      assessment: (d: Due, date: string) => `Remember your assessments in ${d.title}: due ${date}`,
      decision: (d: Due, date: string) => `The decision on ${d.title} is due on ${date}`,
    },
    body: {
      application: (d: Due, date: string) =>
        `Your application to ${d.title} has not been submitted yet. The deadline is ${date} (${inDays(d.daysLeft, 'en')}).`,
      assessment: (d: Due, date: string) =>
        `You have applications in ${d.title} that you have not finished assessing. The assessment deadline is ${date} (${inDays(d.daysLeft, 'en')}).`,
      decision: (d: Due, date: string) =>
        `${d.title} awaits the decision on which applications are funded. The decision is planned for ${date} (${inDays(d.daysLeft, 'en')}).`,
    },
    link: 'Go to the call',
  },
} as const;

function reminderMail(due: Due, link: ReminderLink): MailMessage {
  const lang: Language = due.locale === 'en' ? 'en' : 'da';
  const date = formatDate(due.deadline, lang);
  const t = TEXT[lang];
  return {
    to: due.email,
    subject: t.subject[due.phase](due, date),
    text: [t.body[due.phase](due, date), '', `${t.link}: ${link(due.phase, due.slug, lang)}`].join('\n'),
  };
}

/**
 * Everyone who must act before a deadline due on `today`, not yet reminded of that edge: one row
 * per call, phase and person (a person on two draft applications of a call is told once).
 */
function dueReminders(today: string) {
  return sql`
    with phases as (
      select c.id, c.slug, c.title, 'application' as phase,
             (c.deadline at time zone 'Europe/Copenhagen')::date as day
      from calls c where c.status in ('published', 'open')
      union all
      select c.id, c.slug, c.title, 'assessment', c.assessment_deadline
      from calls c where c.status = 'closed' and c.assessment_deadline is not null
      union all
      select c.id, c.slug, c.title, 'decision', c.decision_date
      from calls c where c.status in ('closed', 'assessed') and c.decision_date is not null
    ),
    edged as (
      select * from (
        select p.*, case when p.day - ${today}::date between 2 and 7 then 7
                         when p.day - ${today}::date between 0 and 1 then 1 end as edge
        from phases p
      ) x where x.edge is not null
    ),
    people as (
      -- Applicants: the cluster staff of an organisation whose application is still a draft.
      select e.id, e.phase, m.user_id from edged e
      join applications a on a.call_id = e.id and a.status = 'draft'
      join memberships m on m.organisation_id = a.organisation_id and m.role = 'cluster_staff'
      where e.phase = 'application'
      union
      -- Assessors with an eligible application not declared on, or declared free and not fully scored.
      select e.id, e.phase, ca.user_id from edged e
      join call_assessors ca on ca.call_id = e.id
      where e.phase = 'assessment' and exists (
        select 1 from applications a
        left join conflict_declarations d on d.application_id = a.id and d.assessor_id = ca.user_id
        where a.call_id = e.id and a.status = 'eligible'
          and (d.has_conflict is null
               or (not d.has_conflict
                   and (select count(*) from assessment_scores s
                        where s.application_id = a.id and s.assessor_id = ca.user_id)
                       < (select count(*) from call_criteria k where k.call_id = e.id))))
      union
      -- The call's funders: its owner's and every budget funder's.
      select e.id, e.phase, m.user_id from edged e
      join memberships m on m.role = 'funder'
        and (m.organisation_id = (select c.owner_id from calls c where c.id = e.id)
             or m.organisation_id in (select b.funder_id from call_budgets b where b.call_id = e.id))
      where e.phase = 'decision'
    )
    select e.id as "callId", e.slug, e.title, e.phase, e.edge::int as edge,
           to_char(e.day, 'YYYY-MM-DD') as deadline, (e.day - ${today}::date)::int as "daysLeft", u.id as "userId", u.email, u.locale
    from edged e
    join people p on p.id = e.id and p.phase = e.phase
    join users u on u.id = p.user_id and u.disabled_at is null
    where not exists (select 1 from call_deadline_reminders r
                      where r.call_id = e.id and r.phase = e.phase and r.edge = e.edge and r.user_id = u.id)
    order by e.title, e.phase, u.email`;
}

const claimKey = (x: { callId: string; phase: string; edge: number; userId: string }) =>
  `${x.callId}/${x.phase}/${x.edge}/${x.userId}`;

/** Claims the reminders due on `today`; a row a concurrent run inserted first is not returned. */
async function claimDue(db: Db, caller: Caller, today: string): Promise<Due[]> {
  return withActor(db, caller.actor, async (tx) => {
    const due = await queryRows<Due>(tx, dueReminders(today));
    if (due.length === 0) return [];
    const won = await queryRows<{ callId: string; phase: string; edge: number; userId: string }>(
      tx,
      sql`insert into call_deadline_reminders (call_id, phase, edge, user_id, sent_at)
          values ${sql.join(
            due.map((d) => sql`(${d.callId}::uuid, ${d.phase}, ${d.edge}, ${d.userId}::uuid, now())`),
            sql`, `,
          )}
          on conflict do nothing
          returning call_id as "callId", phase, edge::int as edge, user_id as "userId"`,
    );
    const wonKeys = new Set(won.map(claimKey));
    return due.filter((d) => wonKeys.has(claimKey(d)));
  });
}

/**
 * Sends the call deadline reminders due on `today` (a day in Danish time, YYYY-MM-DD), for the
 * system only. Never throws for a mail that cannot be sent: it is logged and its claim released,
 * so the next run tries that person again.
 */
export async function remindCallDeadlines(
  db: Db,
  mailer: Mailer,
  caller: Caller,
  today: string,
  opts: { link: ReminderLink; logger: Logger },
): Promise<CallReminderResult> {
  authorizeCallReminders(caller.principal);
  if (!isCalendarDay(today))
    throw new AppError('validation', `Not a day: ${today}`, [{ field: 'today', message: 'invalid' }]);
  const claimed = await claimDue(db, caller, today);
  const result: CallReminderResult = { sent: 0, failed: 0 };
  for (const due of claimed) {
    try {
      await mailer.send(reminderMail(due, opts.link));
      result.sent++;
    } catch (err) {
      result.failed++;
      opts.logger.error({ err, callId: due.callId, phase: due.phase }, 'call deadline reminder not sent');
      await withActor(db, caller.actor, (tx) =>
        tx.execute(
          sql`delete from call_deadline_reminders
              where call_id = ${due.callId} and phase = ${due.phase} and edge = ${due.edge}
                and user_id = ${due.userId}`,
        ),
      );
    }
  }
  return result;
}
