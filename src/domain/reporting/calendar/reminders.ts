/**
 * Deadline reminders: a cluster that has not submitted a funded year is e-mailed 30 days and
 * 7 days before the year's deadline and on the day after it. Each edge is due from its day until
 * the next one (so a run that missed a day catches up, and a grant made 20 days before the
 * deadline still gets its first reminder); the day-after reminder runs for 14 days after the
 * deadline, so an old gap is not reminded again and again.
 *
 * Claim, then send, like the token reminders (tokens/reminders.ts): one transaction inserts the
 * (cluster, year, edge) rows due, the primary key refusing any already there, and commits; the
 * mails go out after that. No edge is reminded twice; a cluster whose mails all fail has its
 * claim removed again so the next run retries it. A plain function of a day, for the command
 * line (`klynge reporting remind`) and any job runner.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../../db/actor.ts';
import { type Db, queryRows } from '../../../db/client.ts';
import type { Logger } from '../../../logger.ts';
import type { Mailer, MailMessage } from '../../../mail/mailer.ts';
import type { Caller } from '../../caller.ts';
import { AppError } from '../../errors.ts';
import { formatDate, isCalendarDay } from '../../reference/danish.ts';
import { authorizeReminders } from '../policy.ts';
import { FUNDED_YEAR_DEADLINES } from './deadlines.ts';

/** Days before the deadline at which a reminder is sent; -1 is the day after. */
export const REMINDER_EDGES = [30, 7, -1] as const;
export type ReminderEdge = (typeof REMINDER_EDGES)[number];

/** How many days after the deadline the day-after reminder is still sent to a run that missed it. */
const OVERDUE_WINDOW_DAYS = 14;

export interface DeadlineReminderResult {
  /** (cluster, year) pairs reminded in this run. */
  reminded: number;
  sent: number;
  failed: number;
  /** Due, but the cluster has no active staff to tell: not claimed, looked at again next run. */
  unreachable: number;
}

interface Due {
  clusterId: string;
  clusterName: string;
  year: number;
  edge: ReminderEdge;
  deadline: string;
}

interface Recipient {
  clusterId: string;
  email: string;
  locale: string;
}

const TEXT = {
  da: {
    subject: (d: Due, date: string) =>
      d.edge === -1
        ? `Indberetningen for ${d.year} mangler (fristen var ${date})`
        : `Husk indberetningen for ${d.year}: frist ${date}`,
    body: (d: Due, date: string) =>
      d.edge === -1
        ? `${d.clusterName} har ikke indsendt indberetningen for ${d.year}. Fristen var ${date}. Indsend den så hurtigt som muligt.`
        : `${d.clusterName} skal indsende aktiviteter og deltagere for ${d.year} senest ${date} (om ${d.edge} dage).`,
    link: 'Indberetningsperioder',
  },
  en: {
    subject: (d: Due, date: string) =>
      d.edge === -1
        ? `The report for ${d.year} is missing (the deadline was ${date})`
        : `Reminder: the report for ${d.year} is due on ${date}`,
    body: (d: Due, date: string) =>
      d.edge === -1
        ? `${d.clusterName} has not submitted its report for ${d.year}. The deadline was ${date}. Please submit it as soon as possible.`
        : `${d.clusterName} must submit its activities and participants for ${d.year} by ${date} (in ${d.edge} days).`,
    link: 'Reporting periods',
  },
} as const;

function reminderMail(r: Recipient, due: Due, periodsPage: (lang: 'da' | 'en') => string): MailMessage {
  const lang = r.locale === 'en' ? 'en' : 'da';
  const date = formatDate(due.deadline, lang);
  const t = TEXT[lang];
  return {
    to: r.email,
    subject: t.subject(due, date),
    text: [t.body(due, date), '', `${t.link}: ${periodsPage(lang)}`].join('\n'),
  };
}

/** Claims the (cluster, year, edge) reminders due on `today` whose cluster has someone to tell. */
async function claimDue(
  db: Db,
  caller: Caller,
  today: string,
): Promise<{ claimed: Due[]; unreachable: number }> {
  return withActor(db, caller.actor, async (tx) => {
    const due = await queryRows<Due & { reachable: boolean }>(
      tx,
      sql`with deadlines as (${FUNDED_YEAR_DEADLINES}), due as (
            select d.cluster_id, d.year, d.deadline,
                   case when d.deadline - ${today}::date between 8 and 30 then 30
                        when d.deadline - ${today}::date between 0 and 7 then 7
                        when ${today}::date - d.deadline between 1 and ${OVERDUE_WINDOW_DAYS} then -1
                   end as edge
            from deadlines d
            left join reporting_periods p on p.cluster_id = d.cluster_id and p.year = d.year
            where coalesce(p.status::text, 'open') in ('open', 'returned')
          )
          select due.cluster_id as "clusterId", o.name as "clusterName", due.year::int as year,
                 due.edge::int as edge, to_char(due.deadline, 'YYYY-MM-DD') as deadline,
                 exists(select 1 from memberships m join users u on u.id = m.user_id
                        where m.organisation_id = due.cluster_id and m.role = 'cluster_staff'
                          and u.disabled_at is null) as reachable
          from due join organisations o on o.id = due.cluster_id
          where due.edge is not null
            and not exists (select 1 from reporting_reminders r
                            where r.cluster_id = due.cluster_id and r.year = due.year and r.edge = due.edge)
          order by o.name, due.year`,
    );
    const reachable = due.filter((d) => d.reachable);
    if (reachable.length === 0) return { claimed: [], unreachable: due.length };
    // The primary key makes the claim: a row a concurrent run inserted first is not returned.
    const won = await queryRows<{ clusterId: string; year: number; edge: number }>(
      tx,
      sql`insert into reporting_reminders (cluster_id, year, edge, sent_at)
          values ${sql.join(
            reachable.map((d) => sql`(${d.clusterId}::uuid, ${d.year}, ${d.edge}, now())`),
            sql`, `,
          )}
          on conflict do nothing
          returning cluster_id as "clusterId", year::int as year, edge::int as edge`,
    );
    const key = (x: { clusterId: string; year: number; edge: number }) =>
      `${x.clusterId}/${x.year}/${x.edge}`;
    const wonKeys = new Set(won.map(key));
    return {
      claimed: reachable.filter((d) => wonKeys.has(key(d))).map(({ reachable: _, ...d }) => d),
      unreachable: due.length - reachable.length,
    };
  });
}

/**
 * Sends the deadline reminders due on `today` (a day in Danish time, YYYY-MM-DD), for the system
 * only. Never throws for a mail that cannot be sent: it is logged, and the reminder retried on the
 * next run unless someone at the cluster was told.
 */
export async function remindReportingDeadlines(
  db: Db,
  mailer: Mailer,
  caller: Caller,
  today: string,
  opts: { periodsPage: (lang: 'da' | 'en') => string; logger: Logger },
): Promise<DeadlineReminderResult> {
  authorizeReminders(caller.principal);
  if (!isCalendarDay(today))
    throw new AppError('validation', `Not a day: ${today}`, [{ field: 'today', message: 'invalid' }]);
  const { claimed, unreachable } = await claimDue(db, caller, today);
  const result: DeadlineReminderResult = { reminded: 0, sent: 0, failed: 0, unreachable };
  if (claimed.length === 0) return result;
  const recipients = await queryRows<Recipient>(
    db,
    sql`select distinct m.organisation_id as "clusterId", u.email, u.locale
        from memberships m join users u on u.id = m.user_id
        where m.role = 'cluster_staff' and u.disabled_at is null
          and m.organisation_id in (${sql.join(
            [...new Set(claimed.map((d) => d.clusterId))].map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by u.email`,
  );
  for (const due of claimed) {
    let sent = 0;
    for (const r of recipients.filter((x) => x.clusterId === due.clusterId)) {
      try {
        await mailer.send(reminderMail(r, due, opts.periodsPage));
        sent++;
      } catch (err) {
        result.failed++;
        opts.logger.error(
          { err, clusterId: due.clusterId, year: due.year },
          'reporting deadline reminder not sent',
        );
      }
    }
    result.sent += sent;
    if (sent > 0) {
      result.reminded++;
      continue;
    }
    // Nobody was told: release the claim so the next run tries again.
    await withActor(db, caller.actor, (tx) =>
      tx.execute(
        sql`delete from reporting_reminders
            where cluster_id = ${due.clusterId} and year = ${due.year} and edge = ${due.edge}`,
      ),
    );
  }
  return result;
}
