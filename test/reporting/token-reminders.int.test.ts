import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { memberships, users } from '../../src/db/schema/index.ts';
import { remindExpiringTokens } from '../../src/domain/reporting/tokens/reminders.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { formatDateTime } from '../../src/http/i18n/index.ts';
import { runTokenReminders } from '../../src/jobs/token-reminders.ts';
import { createLogger } from '../../src/logger.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { callerWith, roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { createTestApp, signedInClient } from '../support/http.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refuse = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse });
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const DAY = 86_400_000;
const SITE = 'https://klynge.example';

/** Log lines the run writes, to check that a failed send is logged. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ logLevel: 'info' }, sink), lines };
}

function run(now: Date, mailer: Mailer = smtp.mailer, logger = createLogger({ logLevel: 'silent' })) {
  return runTokenReminders({
    config: { publicUrl: `${SITE}/` },
    db: database.db,
    mailer,
    logger,
    clock: () => now,
  });
}

/** A token of `lifetimeDays` made so that at `now` it expires in `expiresInDays`. */
async function tokenExpiringIn(
  org: { id: string },
  creator: { id: string; email: string } | null,
  now: Date,
  expiresInDays: number,
  opts: { name?: string; lifetimeDays?: 30 | 90 | 180 | 365 } = {},
) {
  const lifetimeDays = opts.lifetimeDays ?? 30;
  // Without a creator: made by an admin under no user (the token's creator is unknown).
  return createApiToken(
    database.db,
    creator ? callerWith(creator, [{ organisationId: org.id, role: 'cluster_staff' }]) : roleCaller('admin'),
    {
      organisationId: org.id,
      name: opts.name ?? 'ERP',
      now: new Date(now.getTime() - (lifetimeDays - expiresInDays) * DAY),
      lifetime: lifetimeDays,
    },
  );
}

/** The text of a received message: quoted-printable soft breaks and =XX bytes undone. */
const bodyOf = (m: ReceivedMail | undefined) =>
  decodeURIComponent((m?.data ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function remindedAt(tokenId: string): Promise<string | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(
    database.db,
    sql`select expiry_reminded_at as at from api_tokens where id = ${tokenId}`,
  );
  return row?.at ? new Date(row.at).toISOString() : null;
}

// Each test has its own moment, a year apart, so no test's tokens are due in another's run.
describe(`API token expiry reminders (${testDriver()})`, () => {
  it('mails the creator once, 14 days ahead, with the organisation, token, Danish time and the tokens page', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const org = await createOrganisation(database.db, { name: 'Klynge Nord' });
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const colleague = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const due = await tokenExpiringIn(org, creator, now, 10, { name: 'ERP-system' });
    // A 365-day token is reminded in the same window as a 30-day one.
    const yearly = await tokenExpiringIn(org, creator, now, 13, { name: 'CRM', lifetimeDays: 365 });
    const later = await tokenExpiringIn(org, creator, now, 20, { name: 'Senere' });
    const expired = await tokenExpiringIn(org, creator, now, -1, { name: 'Udløbet' });
    const revoked = await tokenExpiringIn(org, creator, now, 5, { name: 'Tilbagekaldt' });
    await revokeApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      tokenId: revoked.id,
      now,
    });

    const result = await run(now);
    expect(result).toEqual({ tokens: 2, sent: 2, failed: 0, retry: 0, unreachable: 0 });
    const mails = mailsTo(creator.email);
    expect(mails).toHaveLength(2);
    expect(mailsTo(colleague.email)).toHaveLength(0);
    const text = bodyOf(mails.find((m) => bodyOf(m).includes('ERP-system')));
    // 2026-12-11 09:00 UTC is 10:00 in Copenhagen (winter time).
    expect(text).toContain(
      `API-nøglen "ERP-system" (begynder med ${due.tokenPrefix}…) for Klynge Nord udløber 11. december 2026 kl. 10.00 (dansk tid).`,
    );
    expect(text).toContain(
      `The API token "ERP-system" (starting with ${due.tokenPrefix}…) of Klynge Nord expires on 11 December 2026 at 10:00 (Danish time).`,
    );
    expect(text.indexOf('Opret en ny nøgle')).toBeLessThan(text.indexOf('Create a new token'));
    expect(text).toContain(`${SITE}/arbejdsrum/api-noegler?organisation=${org.id}`);
    expect(text).toContain(`${SITE}/en/workspace/api-tokens?organisation=${org.id}`);
    expect(mails.some((m) => bodyOf(m).includes('"CRM"'))).toBe(true);

    expect(await remindedAt(due.id)).toBe(now.toISOString());
    expect(await remindedAt(yearly.id)).toBe(now.toISOString());
    for (const t of [later, expired, revoked]) expect(await remindedAt(t.id)).toBeNull();
    const [audit] = await queryRows<{ actor_label: string }>(
      database.db,
      sql`select actor_label from audit_log where entity = 'api_tokens' and entity_id = ${due.id}
          and action = 'update' order by id desc limit 1`,
    );
    expect(audit?.actor_label).toBe('system:token-reminders');
    const listed = (await listApiTokens(database.db, roleCaller('admin'), org.id)).find(
      (t) => t.id === due.id,
    );
    expect(new Date(listed?.expiryRemindedAt ?? 0).toISOString()).toBe(now.toISOString());

    // An hour later: nothing new is due, and nothing is sent twice.
    expect(await run(new Date(now.getTime() + 3_600_000))).toMatchObject({ sent: 0, tokens: 0 });
    expect(mailsTo(creator.email)).toHaveLength(2);
    // Six days later the 20-day token is due, and only it.
    expect(await run(new Date(now.getTime() + 6 * DAY))).toMatchObject({ sent: 1, tokens: 1 });
    expect(mailsTo(creator.email)).toHaveLength(3);
    expect(bodyOf(mailsTo(creator.email)[2])).toContain('"Senere"');
  });

  it('mails the organisation’s token managers when the creator is disabled, has left it, or is gone', async () => {
    const now = new Date('2027-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const admin = await createUser(database.db, 'admin', { organisationId: org.id });
    // May not manage tokens, or belongs elsewhere, or is disabled: none of them is told.
    const support = await createUser(database.db, 'support_staff', { organisationId: org.id });
    const otherAdmin = await createUser(database.db, 'admin');
    const disabledStaff = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const disabledCreator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const leftCreator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const a = await tokenExpiringIn(org, disabledCreator, now, 10, { name: 'Disabled' });
    const b = await tokenExpiringIn(org, leftCreator, now, 10, { name: 'Left' });
    const c = await tokenExpiringIn(org, null, now, 10, { name: 'Gone' });
    const elsewhere = await createOrganisation(database.db);
    await withActor(database.db, systemActor('test'), async (tx) => {
      await tx
        .update(users)
        .set({ disabledAt: now })
        .where(sql`${users.id} in (${disabledCreator.id}, ${disabledStaff.id})`);
      // The creator moved to another organisation: active, but no longer one of this one's staff.
      await tx
        .update(memberships)
        .set({ organisationId: elsewhere.id })
        .where(sql`${memberships.userId} = ${leftCreator.id}`);
    });

    const result = await run(now);
    expect(result).toEqual({ tokens: 3, sent: 6, failed: 0, retry: 0, unreachable: 0 });
    for (const manager of [staff, admin]) {
      const names = mailsTo(manager.email).map((m) => /API-nøglen "(\w+)"/.exec(bodyOf(m))?.[1]);
      expect(names.sort()).toEqual(['Disabled', 'Gone', 'Left']);
    }
    for (const other of [support, otherAdmin, disabledStaff, disabledCreator, leftCreator])
      expect(mailsTo(other.email)).toHaveLength(0);
    for (const t of [a, b, c]) expect(await remindedAt(t.id)).toBe(now.toISOString());
  });

  it('claims nothing when nobody may manage the tokens, and mails the first manager who appears', async () => {
    const now = new Date('2028-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const token = await tokenExpiringIn(org, null, now, 10);
    expect(await run(now)).toMatchObject({ sent: 0, unreachable: 1 });
    expect(await remindedAt(token.id)).toBeNull();
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    expect(await run(new Date(now.getTime() + 3_600_000))).toMatchObject({ sent: 1, unreachable: 0 });
    expect(mailsTo(staff.email)).toHaveLength(1);
  });

  it('leaves a token unclaimed when its mail is refused or the server is unreachable, and sends it next run', async () => {
    const now = new Date('2029-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const token = await tokenExpiringIn(org, creator, now, 10);

    refuse.add(creator.email);
    const { logger, lines } = capturingLogger();
    expect(await run(now, smtp.mailer, logger)).toEqual({
      tokens: 0,
      sent: 0,
      failed: 1,
      retry: 1,
      unreachable: 0,
    });
    expect(await remindedAt(token.id)).toBeNull();
    expect(lines.join('')).toContain('API token expiry reminder not sent');
    expect(lines.join('')).toContain(token.id);

    // No SMTP server at all: the connection is refused.
    const unreachable = createMailer(
      { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'test <noreply@test.example>' },
      createLogger({ logLevel: 'silent' }),
    );
    expect(await run(new Date(now.getTime() + 3_600_000), unreachable)).toMatchObject({
      failed: 1,
      retry: 1,
    });
    expect(await remindedAt(token.id)).toBeNull();
    refuse.delete(creator.email);
    expect(mailsTo(creator.email)).toHaveLength(0);

    const later = new Date(now.getTime() + 2 * 3_600_000);
    expect(await run(later)).toMatchObject({ tokens: 1, sent: 1, failed: 0 });
    expect(mailsTo(creator.email)).toHaveLength(1);
    expect(await remindedAt(token.id)).toBe(later.toISOString());
  });

  it('keeps the claim when some of the managers got the mail, so nobody gets it twice', async () => {
    const now = new Date('2030-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const one = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const two = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const token = await tokenExpiringIn(org, null, now, 10);
    refuse.add(two.email);
    try {
      expect(await run(now)).toMatchObject({ tokens: 1, sent: 1, failed: 1, retry: 0 });
    } finally {
      refuse.delete(two.email);
    }
    expect(await remindedAt(token.id)).toBe(now.toISOString());
    expect(await run(new Date(now.getTime() + 3_600_000))).toMatchObject({ sent: 0 });
    expect(mailsTo(one.email)).toHaveLength(1);
    expect(mailsTo(two.email)).toHaveLength(0);
  });

  it('is the system’s to send: a person’s caller is refused, and nothing is claimed or mailed', async () => {
    const now = new Date('2033-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    const token = await tokenExpiringIn(org, creator, now, 10);
    const links = { tokensPage: () => SITE };
    const logger = createLogger({ logLevel: 'silent' });
    const staff = callerWith(creator, [{ organisationId: org.id, role: 'cluster_staff' }]);
    for (const who of [roleCaller('admin'), staff])
      await expect(
        remindExpiringTokens(database.db, smtp.mailer, who, now, { links, logger }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await remindedAt(token.id)).toBeNull();
    expect(mailsTo(creator.email)).toHaveLength(0);
    expect(await run(now)).toMatchObject({ tokens: 1, sent: 1 });
  });

  it('shows "Påmindelse sendt" with the date in the workspace token list for a reminded token only', async () => {
    const now = new Date('2032-12-01T09:00:00Z');
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    await tokenExpiringIn(org, creator, now, 10, { name: 'Påmindet' });
    await tokenExpiringIn(org, creator, now, 30, { name: 'Senere' });
    expect(await run(now)).toMatchObject({ tokens: 1 });
    const client = await signedInClient(createTestApp(database).app, creator.email);
    const rowOf = (html: string, name: string) =>
      html.split('<tr>').find((r) => r.includes(`<td>${name}</td>`));
    const da = (await client.get(`/arbejdsrum/api-noegler?organisation=${org.id}`)).html;
    expect(rowOf(da, 'Påmindet')).toContain(`Påmindelse sendt ${formatDateTime(now, 'da')}`);
    expect(rowOf(da, 'Senere')).not.toContain('Påmindelse sendt');
    const en = (await client.get(`/en/workspace/api-tokens?organisation=${org.id}`)).html;
    expect(rowOf(en, 'Påmindet')).toContain(`Reminder sent ${formatDateTime(now, 'en')}`);
  });
});
