import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { acceptReferral, sendReferral } from '../../src/domain/referrals/commands.ts';
import { referralDetail } from '../../src/domain/referrals/queries.ts';
import { remindWaitingReferrals } from '../../src/domain/referrals/reminders.ts';
import { runReferralReminders } from '../../src/jobs/referrals.ts';
import { createLogger } from '../../src/logger.ts';
import { expectAppError, roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';
import { referralForm, referralWorld } from './fixtures.ts';

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

const SITE = 'https://klynge.example';

/** The jobs' dependencies with a clock the test moves, as the server's timer gets them. */
function jobDeps(start: Date) {
  let now = start;
  return {
    config: { publicUrl: `${SITE}/` },
    db: database.db,
    mailer: smtp.mailer,
    logger: createLogger({ logLevel: 'silent' }),
    clock: () => now,
    moveTo(to: Date | string) {
      now = new Date(to);
    },
  };
}

/** The text of a received message: quoted-printable soft breaks and =XX bytes undone. */
const bodyOf = (m: ReceivedMail | undefined) =>
  decodeURIComponent((m?.data ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe(`referral reminders (${testDriver()})`, () => {
  it('reminds the recipient’s staff once after five working days waiting, then again once accepted and not contacted', async () => {
    const w = await referralWorld(database.db);
    // Sent Monday 2 March 2026, 10:00 Danish time.
    const jobs = jobDeps(new Date('2026-03-02T09:00:00Z'));
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), jobs.clock());
    const id = ids[0] as string;

    // Monday 9 March: five working days have passed, not more.
    jobs.moveTo('2026-03-09T15:00:00Z');
    expect(await runReferralReminders(jobs)).toEqual({
      referrals: 0,
      sent: 0,
      failed: 0,
      retry: 0,
      unreachable: 0,
    });
    // Tuesday 10 March: six.
    jobs.moveTo('2026-03-10T07:00:00Z');
    expect(await runReferralReminders(jobs)).toEqual({
      referrals: 1,
      sent: 2,
      failed: 0,
      retry: 0,
      unreachable: 0,
    });
    expect(mailsTo(w.aarhusStaff.email)).toHaveLength(1);
    expect(mailsTo(w.aarhusColleague.email)).toHaveLength(1);
    for (const other of [w.aarhusGone.email, w.aarhusFunder.email, w.advisor.email])
      expect(mailsTo(other)).toHaveLength(0);
    const text = bodyOf(mailsTo(w.aarhusStaff.email)[0]);
    expect(text).toContain(
      `Henvisningen af Syntetisk Robot ApS fra ${w.hub.name} blev sendt 2. marts 2026 og er ikke besvaret endnu.`,
    );
    expect(text).toContain(`${SITE}/henvisninger/${id}`);
    expect(text).toContain(`${SITE}/en/referrals/${id}`);
    expect(text.indexOf('Tag imod')).toBeLessThan(text.indexOf('Accept it'));
    // The contact's details stay in the portal.
    expect(text).not.toContain('Karen');
    // Once only.
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 0, sent: 0 });

    // Accepted Wednesday 11 March; no contact by Wednesday 18 (five working days), reminded Thursday 19.
    await acceptReferral(database.db, w.aarhusStaff, id, new Date('2026-03-11T09:00:00Z'));
    jobs.moveTo('2026-03-18T20:00:00Z');
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 0 });
    jobs.moveTo('2026-03-19T08:00:00Z');
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 1, sent: 2 });
    expect(bodyOf(mailsTo(w.aarhusStaff.email)[1])).toContain(
      'men der er ikke registreret en kontakt til virksomheden',
    );

    const { history } = await referralDetail(database.db, w.advisor, id);
    expect(history.map((e) => e.kind)).toEqual(['sent', 'reminded', 'accepted', 'reminded']);
    expect(history[1]?.actorName).toBe('system:referral-reminders');
  });

  it('counts the public holidays out: over Easter the reminder comes later', async () => {
    const w = await referralWorld(database.db);
    // Sent Tuesday 31 March 2026; Thursday 2 to Monday 6 April are holidays and a weekend.
    const jobs = jobDeps(new Date('2026-03-31T08:00:00Z'));
    await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), jobs.clock());
    // Friday 10 April: Wednesday 1, Tuesday 7 to Friday 10 April are five working days.
    jobs.moveTo('2026-04-10T15:00:00Z');
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 0 });
    jobs.moveTo('2026-04-13T06:00:00Z');
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 1 });
  });

  it('leaves a referral whose every mail failed for the next run', async () => {
    const w = await referralWorld(database.db);
    const jobs = jobDeps(new Date('2026-05-04T08:00:00Z'));
    const { ids } = await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), jobs.clock());
    refuse.add(w.aarhusStaff.email);
    refuse.add(w.aarhusColleague.email);
    try {
      jobs.moveTo('2026-05-13T08:00:00Z');
      expect(await runReferralReminders(jobs)).toEqual({
        referrals: 0,
        sent: 0,
        failed: 2,
        retry: 1,
        unreachable: 0,
      });
    } finally {
      refuse.clear();
    }
    const [row] = await queryRows<{ status: string | null }>(
      database.db,
      sql`select reminded_status as status from referrals where id = ${ids[0]}`,
    );
    expect(row?.status).toBeNull();
    expect(await runReferralReminders(jobs)).toMatchObject({ referrals: 1, sent: 2 });
  });

  it('sends reminders as the system’s job only', async () => {
    const logger = createLogger({ logLevel: 'silent' });
    const links = { referral: () => '' };
    await expectAppError(
      remindWaitingReferrals(database.db, smtp.mailer, roleCaller('admin'), new Date(), { links, logger }),
      'forbidden',
    );
  });
});
