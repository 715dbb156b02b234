/**
 * Reminders for referrals that wait: a referral not answered more than REMINDER_WORKING_DAYS
 * Danish working days after it was sent, or accepted that long ago without a first contact, is
 * reminded once in each of those two states, by e-mail to the recipient organisation's people who
 * answer referrals (policy `referrals.manage`), and noted in its history.
 *
 * Claim, then send, like the API token reminders: one transaction marks the due referrals
 * (`reminded_status`) and commits; the mails go out after that, so a crash never sends a reminder
 * twice. A referral whose mails all fail has its mark cleared again for the next run. The claim is
 * one conditional UPDATE, so overlapping runs never claim the same referral twice.
 */
import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { referralEvents } from '../../db/schema/index.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import type { Caller } from '../caller.ts';
import { can, type Role } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { waitedMoreThanSince } from '../reference/working-days.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { authorizeSystemJob } from './policy.ts';

/** A referral waiting more than this many Danish working days is reminded. */
export const REMINDER_WORKING_DAYS = 5;

type WaitingStatus = 'sent' | 'accepted';

interface DueReferral {
  id: string;
  status: WaitingStatus;
  companyName: string;
  fromName: string;
  toOrganisationId: string;
  /** When it entered the waiting status: sent or accepted. */
  since: Date;
}

export interface ReferralReminderLinks {
  /** The absolute URL of a referral's page, per language. */
  referral: (lang: 'da' | 'en', id: string) => string;
}

export interface ReferralReminderResult {
  /** Referrals reminded in this run (at least one mail sent). */
  referrals: number;
  sent: number;
  failed: number;
  /** Referrals left for the next run because every mail failed. */
  retry: number;
  /** Due referrals whose organisation has nobody active to tell: not claimed. */
  unreachable: number;
}

const longDate = {
  da: new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }),
};

/** The reminder: Danish first, then English. No personal data: the page behind the link has it. */
function reminderMail(to: string, r: DueReferral, links: ReferralReminderLinks): MailMessage {
  const [da, en] = [longDate.da.format(r.since), longDate.en.format(r.since)];
  const waiting =
    r.status === 'sent'
      ? {
          da: `Henvisningen af ${r.companyName} fra ${r.fromName} blev sendt ${da} og er ikke besvaret endnu.`,
          en: `The referral of ${r.companyName} from ${r.fromName} was sent on ${en} and has not been answered yet.`,
          askDa: 'Tag imod den eller afvis den med en begrundelse:',
          askEn: 'Accept it or decline it with a reason:',
        }
      : {
          da: `I tog imod henvisningen af ${r.companyName} fra ${r.fromName} ${da}, men der er ikke registreret en kontakt til virksomheden.`,
          en: `You accepted the referral of ${r.companyName} from ${r.fromName} on ${en}, but no contact with the company is recorded.`,
          askDa: 'Registrér kontakten, når I har haft den:',
          askEn: 'Record the contact once you have made it:',
        };
  return {
    to,
    subject: `Henvisning venter: ${r.companyName} / Referral waiting`,
    text: [
      waiting.da,
      waiting.askDa,
      links.referral('da', r.id),
      '',
      '-- English --',
      '',
      waiting.en,
      waiting.askEn,
      links.referral('en', r.id),
    ].join('\n'),
  };
}

/** The active people of each organisation who answer its referrals, by organisation. */
async function peopleAnswering(db: Queryable, organisationIds: string[]): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ organisation_id: string; user_id: string; email: string; role: Role }>(
    db,
    sql`select m.organisation_id, u.id as user_id, u.email, m.role
        from memberships m join users u on u.id = m.user_id
        where m.organisation_id = any(${uuidArray(organisationIds)}) and u.disabled_at is null
        order by u.email`,
  );
  const byOrganisation = new Map<string, string[]>();
  for (const r of rows) {
    const principal = {
      userId: r.user_id,
      memberships: [{ organisationId: r.organisation_id, role: r.role }],
    };
    if (!can(principal, 'referrals.manage', { organisationId: r.organisation_id })) continue;
    const emails = byOrganisation.get(r.organisation_id) ?? [];
    if (!emails.includes(r.email)) emails.push(r.email);
    byOrganisation.set(r.organisation_id, emails);
  }
  return byOrganisation;
}

/** Claims the referrals due at `now` that someone can be told about; committed on return. */
async function claimDue(db: Db, actor: Actor, now: Date) {
  // Entered its waiting status on this Danish day or earlier: waited more than the limit.
  const lastDay = waitedMoreThanSince(REMINDER_WORKING_DAYS, copenhagenDate(now));
  const before = sql`((${lastDay}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`;
  return withActor(db, actor, async (tx) => {
    const due = await queryRows<DueReferral>(
      tx,
      sql`select r.id, r.status, r.company_name as "companyName", f.name as "fromName",
                 r.to_organisation_id as "toOrganisationId",
                 case r.status when 'sent' then r.sent_at else r.accepted_at end as since
          from referrals r join organisations f on f.id = r.from_organisation_id
          where r.to_organisation_id is not null and r.reminded_status is distinct from r.status
            and ((r.status = 'sent' and r.sent_at < ${before})
              or (r.status = 'accepted' and r.accepted_at < ${before}))
          order by since, r.id`,
    );
    if (due.length === 0) return { claimed: [], unreachable: 0 };
    const people = await peopleAnswering(tx, [...new Set(due.map((r) => r.toOrganisationId))]);
    const reachable = due.filter((r) => (people.get(r.toOrganisationId) ?? []).length > 0);
    // Conditional: a referral answered or claimed by a concurrent run meanwhile is not returned.
    const won = await queryRows<{ id: string }>(
      tx,
      sql`update referrals set reminded_status = status, reminded_at = ${now.toISOString()}::timestamptz
          where id = any(${uuidArray(reachable.map((r) => r.id))})
            and status in ('sent', 'accepted') and reminded_status is distinct from status
          returning id`,
    );
    const claimedIds = new Set(won.map((w) => w.id));
    return {
      claimed: reachable
        .filter((r) => claimedIds.has(r.id))
        .map((r) => ({
          referral: { ...r, since: new Date(r.since) },
          emails: people.get(r.toOrganisationId) ?? [],
        })),
      unreachable: due.length - reachable.length,
    };
  });
}

/**
 * Sends the reminders due at `now`, for the system only. Never throws for a mail that cannot be
 * sent: it is logged, and the referral is left for the next run unless someone else was told.
 */
export async function remindWaitingReferrals(
  db: Db,
  mailer: Mailer,
  caller: Caller,
  now: Date,
  opts: { links: ReferralReminderLinks; logger: Logger },
): Promise<ReferralReminderResult> {
  authorizeSystemJob(caller.principal, 'referral reminders');
  const { claimed, unreachable } = await claimDue(db, caller.actor, now);
  const result: ReferralReminderResult = { referrals: 0, sent: 0, failed: 0, retry: 0, unreachable };
  for (const { referral, emails } of claimed) {
    let sent = 0;
    for (const email of emails) {
      try {
        await mailer.send(reminderMail(email, referral, opts.links));
        sent++;
      } catch (err) {
        result.failed++;
        opts.logger.error({ err, referralId: referral.id }, 'referral reminder not sent');
      }
    }
    result.sent += sent;
    if (sent > 0) {
      result.referrals++;
      await withActor(db, caller.actor, (tx) =>
        tx.insert(referralEvents).values({
          referralId: referral.id,
          kind: 'reminded',
          at: now,
          actorName: caller.actor.label,
        }),
      );
      continue;
    }
    result.retry++;
    // Nobody was told: release the claim so the next run tries again.
    await withActor(db, caller.actor, (tx) =>
      tx.execute(
        sql`update referrals set reminded_status = null, reminded_at = null
            where id = ${referral.id} and reminded_at = ${now.toISOString()}::timestamptz`,
      ),
    );
  }
  return result;
}
