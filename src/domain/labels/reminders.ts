/**
 * Reminders before a cluster's label expires (seed 001 D3, issue 20 item 7): 12, 6 and 3 months
 * before its valid-until date, the cluster's staff and the support function's staff get an e-mail,
 * so a renewal (a new benchmark, an audit) can be planned in time.
 *
 * Each label is reminded once per edge, and only at the latest edge it has passed: a label first
 * seen 4 months before it expires gets the 6-month reminder, never the 12-month one too. A label
 * superseded by a later one of the same cluster (a renewal) is not reminded. A plain function of
 * the day, so `klynge labels remind` and a job queue can both call it.
 *
 * Claim, then send, as the token reminders: one transaction records the reminders due
 * (label_expiry_reminders, whose key makes a second claim impossible) and commits; the mails go
 * out after that. A label whose mails all fail has its claim removed again, so the next run retries.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import { type Caller, isSystem } from '../caller.ts';
import { AppError } from '../errors.ts';
import { formatDate } from '../reference/danish.ts';
import type { LabelLevel } from './schemas.ts';

/** Months before expiry at which a label is reminded, largest first. */
export const REMINDER_MONTHS = [12, 6, 3] as const;

interface DueReminder {
  labelId: string;
  monthsBefore: number;
  organisationId: string;
  clusterName: string;
  level: LabelLevel;
  validUntil: string;
}

export interface LabelReminderResult {
  /** Labels reminded in this run (at least one mail sent). */
  labels: number;
  sent: number;
  failed: number;
  /** Labels left for the next run because every mail to them failed. */
  retry: number;
}

const LEVEL = {
  da: { bronze: 'Bronze', silver: 'Sølv', gold: 'Guld' },
  en: { bronze: 'Bronze', silver: 'Silver', gold: 'Gold' },
} as const;

function reminderMail(to: string, r: DueReminder, labelsPage: string): MailMessage {
  const da = formatDate(r.validUntil, 'da');
  const en = formatDate(r.validUntil, 'en');
  return {
    to,
    subject: `${r.clusterName}: klyngemærket (${LEVEL.da[r.level]}) udløber ${da} / The cluster label expires in ${r.monthsBefore} months`,
    text: [
      `${r.clusterName}s klyngemærke (${LEVEL.da[r.level]}) udløber ${da}, om ${r.monthsBefore} måneder.`,
      'Planlæg fornyelsen nu: en ny benchmarking og, for Sølv og Guld, en audit. Supportfunktionen hjælper med selvevaluering og forbedringsplan.',
      `Mærkeregistret: ${labelsPage}`,
      '',
      '-- English --',
      '',
      `The cluster label (${LEVEL.en[r.level]}) of ${r.clusterName} expires on ${en}, in ${r.monthsBefore} months.`,
      'Plan the renewal now: a new benchmarking and, for Silver and Gold, an audit. The support function helps with the self-assessment and the improvement plan.',
      `The label register: ${labelsPage}`,
    ].join('\n'),
  };
}

/** The reminders due on `today`: per label still in force and not superseded, the latest edge passed. */
function dueReminders(db: Queryable, today: string): Promise<DueReminder[]> {
  const edges = sql.join(
    REMINDER_MONTHS.map((m) => sql`(${m}::int)`),
    sql`, `,
  );
  return queryRows<DueReminder>(
    db,
    sql`with due as (
          select l.id, min(e.m) as m
          from cluster_labels l cross join (values ${edges}) as e(m)
          where l.valid_until > ${today}::date
            and (l.valid_until - make_interval(months => e.m))::date <= ${today}::date
            and not exists (select 1 from cluster_labels n
                            where n.organisation_id = l.organisation_id and n.valid_until > l.valid_until)
          group by l.id
        )
        select l.id as "labelId", due.m::int as "monthsBefore", o.id as "organisationId",
               o.name as "clusterName", l.level::text as level, l.valid_until::text as "validUntil"
        from due join cluster_labels l on l.id = due.id join organisations o on o.id = l.organisation_id
        where o.kind = 'cluster_organisation'
          and not exists (select 1 from label_expiry_reminders r
                          where r.label_id = due.id and r.months_before = due.m)
        order by l.valid_until, l.id`,
  );
}

/** The active people told about a cluster's label: its own staff and every support function staff member. */
async function recipientsByCluster(
  db: Queryable,
  clusterIds: string[],
): Promise<Map<string | null, string[]>> {
  const rows = await queryRows<{ organisationId: string | null; email: string }>(
    db,
    sql`select distinct case when m.role = 'support_staff' then null else m.organisation_id end as "organisationId",
               u.email
        from memberships m join users u on u.id = m.user_id
        where u.disabled_at is null
          and (m.role = 'support_staff'
               or (m.role = 'cluster_staff' and m.organisation_id in (${sql.join(
                 clusterIds.map((id) => sql`${id}::uuid`),
                 sql`, `,
               )})))
        order by u.email`,
  );
  const byCluster = new Map<string | null, string[]>();
  for (const r of rows)
    byCluster.set(r.organisationId, [...(byCluster.get(r.organisationId) ?? []), r.email]);
  return byCluster;
}

/** Records the due reminders as sent and returns those this run won (a concurrent run may win some). */
async function claim(db: Db, caller: Caller, today: string, now: Date): Promise<DueReminder[]> {
  return withActor(db, caller.actor, async (tx) => {
    const due = await dueReminders(tx, today);
    const won: DueReminder[] = [];
    for (const r of due) {
      const rows = await queryRows<{ labelId: string }>(
        tx,
        sql`insert into label_expiry_reminders (label_id, months_before, sent_at)
            values (${r.labelId}, ${r.monthsBefore}, ${now.toISOString()}::timestamptz)
            on conflict do nothing returning label_id as "labelId"`,
      );
      if (rows.length > 0) won.push(r);
    }
    return won;
  });
}

/**
 * Sends the label reminders due on `today` (YYYY-MM-DD, the Danish calendar day), for the system
 * only. Never throws for a mail that cannot be sent: it is logged, and the label is left for the
 * next run unless someone was told.
 */
export async function remindExpiringLabels(
  db: Db,
  mailer: Mailer,
  caller: Caller,
  today: string,
  opts: { now: Date; labelsPage: string; logger: Logger },
): Promise<LabelReminderResult> {
  if (!isSystem(caller.principal)) throw new AppError('forbidden', 'Only the system sends label reminders');
  const claimed = await claim(db, caller, today, opts.now);
  const result: LabelReminderResult = { labels: 0, sent: 0, failed: 0, retry: 0 };
  if (claimed.length === 0) return result;
  const recipients = await recipientsByCluster(
    db,
    claimed.map((r) => r.organisationId),
  );
  for (const r of claimed) {
    let sent = 0;
    const to = [...(recipients.get(r.organisationId) ?? []), ...(recipients.get(null) ?? [])];
    for (const email of new Set(to)) {
      try {
        await mailer.send(reminderMail(email, r, opts.labelsPage));
        sent++;
      } catch (err) {
        result.failed++;
        opts.logger.error({ err, labelId: r.labelId, email }, 'Label expiry reminder not sent');
      }
    }
    result.sent += sent;
    if (sent > 0) {
      result.labels++;
      continue;
    }
    result.retry++;
    // Nobody was told: release the claim so the next run tries again.
    await withActor(db, caller.actor, (tx) =>
      tx.execute(
        sql`delete from label_expiry_reminders
            where label_id = ${r.labelId} and months_before = ${r.monthsBefore}`,
      ),
    );
  }
  return result;
}
