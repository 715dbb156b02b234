/**
 * Reminders before a reporting API token expires. An expired token makes the organisation's own
 * systems fail with 401, so fourteen days before that the people who can replace it get an e-mail:
 * the token's creator while they are active and may still manage the organisation's tokens, else
 * the organisation's own members who may (policy `apiTokens.manage`). Each token is reminded once.
 *
 * Claim, then send: one transaction marks the due tokens (`expiry_reminded_at`) and commits; the
 * mails go out after that. A crash after the commit never sends a reminder twice (at worst one is
 * lost); a token whose mails all fail to send has its mark cleared again, so the next run retries
 * it. The claim is one conditional UPDATE, so runs that overlap (the scheduled job and a `klynge
 * remind-tokens` run) never claim the same token twice.
 */
import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../../db/client.ts';
import type { Logger } from '../../../logger.ts';
import type { Mailer, MailMessage } from '../../../mail/mailer.ts';
import type { Caller } from '../../caller.ts';
import { can, type Membership, type Role } from '../../policy/policy.ts';
import { authorizeReminders } from '../policy.ts';
import { uuidArray } from '../uuid-array.ts';

/** A token is reminded when it expires within this many days (and has not expired yet). */
export const REMINDER_DAYS = 14;
const DAY_MS = 86_400_000;

interface DueToken {
  id: string;
  name: string;
  tokenPrefix: string;
  expiresAt: Date;
  organisationId: string;
  organisationName: string;
}

interface Recipient {
  userId: string;
  email: string;
}

export interface ReminderLinks {
  /** The absolute URL of the workspace page where the organisation's tokens are made, per language. */
  tokensPage: (lang: 'da' | 'en', organisationId: string) => string;
}

export interface ReminderResult {
  /** Tokens reminded in this run (at least one mail sent). */
  tokens: number;
  /** Mails sent. */
  sent: number;
  /** Mails that could not be sent. */
  failed: number;
  /** Tokens left for the next run because every mail to them failed. */
  retry: number;
  /** Tokens due that nobody active may manage: not claimed, looked at again next run. */
  unreachable: number;
}

const dateTime = {
  da: new Intl.DateTimeFormat('da-DK', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
};

/** The reminder mail: Danish first, then the same in English. */
function reminderMail(to: string, token: DueToken, links: ReminderLinks): MailMessage {
  const da = dateTime.da.format(token.expiresAt);
  const en = dateTime.en.format(token.expiresAt);
  const org = token.organisationName;
  return {
    to,
    subject: `API-nøglen "${token.name}" for ${org} udløber ${da} / API token expires soon`,
    text: [
      `API-nøglen "${token.name}" (begynder med ${token.tokenPrefix}…) for ${org} udløber ${da} (dansk tid).`,
      'Derefter afviser indberetnings-API’et den, og systemer, der bruger den, kan ikke længere indberette.',
      'Opret en ny nøgle i arbejdsrummet, sæt den ind i systemet, og tilbagekald så den gamle:',
      links.tokensPage('da', token.organisationId),
      '',
      '-- English --',
      '',
      `The API token "${token.name}" (starting with ${token.tokenPrefix}…) of ${org} expires on ${en} (Danish time).`,
      'After that the reporting API refuses it, and systems that use it can no longer deliver.',
      'Create a new token in the workspace, put it in the system, and then revoke the old one:',
      links.tokensPage('en', token.organisationId),
    ].join('\n'),
  };
}

/** A person who may be told about tokens, with their memberships in the token's organisation and beyond. */
interface Person {
  email: string;
  isCreator: boolean;
  memberships: Membership[];
}

/**
 * The people who may be told about each token, in one query: its creator and the members of its
 * organisation, if active, with all their memberships, by token.
 */
async function peopleOf(db: Queryable, tokenIds: string[]): Promise<Map<string, Map<string, Person>>> {
  const rows = await queryRows<{
    token_id: string;
    user_id: string;
    email: string;
    is_creator: boolean;
    organisation_id: string;
    role: Role;
  }>(
    db,
    sql`select t.id as token_id, u.id as user_id, u.email, (u.id = t.created_by) as is_creator,
               m.organisation_id, m.role
        from api_tokens t
        join users u on u.id = t.created_by
          or u.id in (select user_id from memberships where organisation_id = t.organisation_id)
        join memberships m on m.user_id = u.id
        where t.id = any(${uuidArray(tokenIds)}) and u.disabled_at is null
        order by u.email`,
  );
  const byToken = new Map<string, Map<string, Person>>();
  for (const r of rows) {
    const people = byToken.get(r.token_id) ?? new Map<string, Person>();
    const p = people.get(r.user_id) ?? { email: r.email, isCreator: r.is_creator, memberships: [] };
    p.memberships.push({ organisationId: r.organisation_id, role: r.role });
    people.set(r.user_id, p);
    byToken.set(r.token_id, people);
  }
  return byToken;
}

/**
 * Who is told about a token: its creator while active and still allowed to manage the
 * organisation's tokens; otherwise the organisation's active members allowed to (by their
 * memberships in that organisation: an admin elsewhere is not told about every organisation).
 */
function recipientsOf(people: Map<string, Person>, organisationId: string): Recipient[] {
  const target = { organisationId };
  const creator = [...people].find(([, p]) => p.isCreator);
  if (creator && can({ userId: creator[0], memberships: creator[1].memberships }, 'apiTokens.manage', target))
    return [{ userId: creator[0], email: creator[1].email }];
  return [...people]
    .filter(([userId, p]) =>
      can(
        { userId, memberships: p.memberships.filter((m) => m.organisationId === organisationId) },
        'apiTokens.manage',
        target,
      ),
    )
    .map(([userId, p]) => ({ userId, email: p.email }));
}

/** Claims the due tokens that someone can be told about, and who to tell; committed on return. */
async function claimDueTokens(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<{ claimed: { token: DueToken; recipients: Recipient[] }[]; unreachable: DueToken[] }> {
  return withActor(db, actor, async (tx) => {
    const due = await queryRows<{
      id: string;
      name: string;
      token_prefix: string;
      expires_at: string | Date;
      organisation_id: string;
      organisation_name: string;
    }>(
      tx,
      sql`select t.id, t.name, t.token_prefix, t.expires_at, t.organisation_id, o.name as organisation_name
          from api_tokens t join organisations o on o.id = t.organisation_id
          where t.revoked_at is null and t.expiry_reminded_at is null
            and t.expires_at > ${now.toISOString()}::timestamptz
            and t.expires_at <= ${new Date(now.getTime() + REMINDER_DAYS * DAY_MS).toISOString()}::timestamptz
          order by t.expires_at, t.id`,
    );
    if (due.length === 0) return { claimed: [], unreachable: [] };
    const people = await peopleOf(
      tx,
      due.map((r) => r.id),
    );
    const reachable: { token: DueToken; recipients: Recipient[] }[] = [];
    const unreachable: DueToken[] = [];
    for (const r of due) {
      const token: DueToken = {
        id: r.id,
        name: r.name,
        tokenPrefix: r.token_prefix,
        expiresAt: new Date(r.expires_at),
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
      };
      const recipients = recipientsOf(people.get(token.id) ?? new Map(), token.organisationId);
      if (recipients.length === 0) unreachable.push(token);
      else reachable.push({ token, recipients });
    }
    // Conditional: a token a concurrent run claimed first is not returned, so it is not mailed twice.
    const won = await queryRows<{ id: string }>(
      tx,
      sql`update api_tokens set expiry_reminded_at = ${now.toISOString()}::timestamptz
          where id = any(${uuidArray(reachable.map((x) => x.token.id))})
            and expiry_reminded_at is null and revoked_at is null returning id`,
    );
    const claimedIds = new Set(won.map((w) => w.id));
    return { claimed: reachable.filter((x) => claimedIds.has(x.token.id)), unreachable };
  });
}

/**
 * Sends the reminders that are due at `now`, for the system only (reporting policy:
 * authorizeReminders). Never throws for a mail that cannot be sent: it is logged, and the token is
 * left for the next run unless someone else was told.
 */
export async function remindExpiringTokens(
  db: Db,
  mailer: Mailer,
  caller: Caller,
  now: Date,
  opts: { links: ReminderLinks; logger: Logger },
): Promise<ReminderResult> {
  authorizeReminders(caller.principal);
  const { claimed, unreachable } = await claimDueTokens(db, caller.actor, now);
  for (const token of unreachable)
    opts.logger.warn(
      { tokenId: token.id, organisationId: token.organisationId },
      'API token expires soon, but nobody active may manage its tokens: no reminder sent',
    );
  const result: ReminderResult = { tokens: 0, sent: 0, failed: 0, retry: 0, unreachable: unreachable.length };
  for (const { token, recipients } of claimed) {
    let sent = 0;
    for (const r of recipients) {
      try {
        await mailer.send(reminderMail(r.email, token, opts.links));
        sent++;
      } catch (err) {
        result.failed++;
        opts.logger.error({ err, tokenId: token.id, userId: r.userId }, 'API token expiry reminder not sent');
      }
    }
    result.sent += sent;
    if (sent > 0) {
      result.tokens++;
      continue;
    }
    result.retry++;
    // Nobody was told: release the claim so the next run tries again.
    await withActor(db, caller.actor, (tx) =>
      tx.execute(
        sql`update api_tokens set expiry_reminded_at = null
            where id = ${token.id} and expiry_reminded_at = ${now.toISOString()}::timestamptz`,
      ),
    );
  }
  return result;
}
