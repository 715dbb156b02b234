import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { applyRetention } from '../../src/domain/personal-data/retention.ts';
import {
  acceptReferral,
  declineReferral,
  recordContact,
  recordOutcome,
  sendReferral,
} from '../../src/domain/referrals/commands.ts';
import { referralFigures } from '../../src/domain/referrals/figures.ts';
import { referralDetail } from '../../src/domain/referrals/queries.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { referralForm, referralWorld } from './fixtures.ts';

// A database of its own: the rule applies to every referral in it, so no other test's may be there.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const HOUR = 3_600_000;

/** The retention job's clock, which the test moves. */
function movingClock(start: Date) {
  let now = start;
  return {
    clock: () => now,
    moveTo(to: Date | string) {
      now = new Date(to);
    },
  };
}

/** One run of the platform's retention job: the referrals whose personal data it emptied. */
async function runReferralRetention(jobs: { clock: () => Date }): Promise<number> {
  const affected = await applyRetention(database.db, { now: jobs.clock(), sessionIdleMinutes: 60 });
  return (affected.referralContacts ?? 0) + (affected.openReferralContacts ?? 0);
}

describe(`referral retention (${testDriver()})`, () => {
  it('deletes the personal data a year after closing (two years when never closed) and keeps the figures', async () => {
    const w = await referralWorld(database.db);
    // The figures of 2030 are this test's own: nothing else is sent that year.
    const sentAt = new Date('2030-02-04T09:00:00Z');
    const answered = new Date('2030-02-06T09:00:00Z');
    const send = async () =>
      (await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), sentAt)).ids[0] as string;
    const declined = await send();
    await declineReferral(
      database.db,
      w.aarhusStaff,
      declined,
      { reason: 'Karen har allerede en aftale' },
      answered,
    );
    const joined = await send();
    await acceptReferral(database.db, w.aarhusStaff, joined, answered);
    await recordContact(
      database.db,
      w.aarhusStaff,
      joined,
      { contactedOn: '2030-02-06', note: 'Talt med Karen' },
      answered,
    );
    await recordOutcome(
      database.db,
      w.aarhusStaff,
      joined,
      { outcome: 'joined_activity', outcomeOn: '2030-02-06' },
      answered,
    );
    const open = await send();
    await acceptReferral(database.db, w.aarhusStaff, open, answered);

    const before = await referralFigures(database.db, w.advisor, 2030, 'hub');
    expect(before.total).toMatchObject({
      sent: 3,
      accepted: 2,
      declined: 1,
      joinedActivity: 1,
      medianDaysToContact: 2,
    });

    const jobs = movingClock(new Date('2031-02-06T08:00:00Z'));
    // A day short of a year after closing: nothing yet.
    expect(await runReferralRetention(jobs)).toBe(0);
    jobs.moveTo(new Date(answered.getTime() + 365 * 24 * HOUR + HOUR));
    expect(await runReferralRetention(jobs)).toBe(2);
    expect(await runReferralRetention(jobs)).toBe(0);

    for (const id of [declined, joined]) {
      const { referral, history } = await referralDetail(database.db, w.advisor, id);
      expect(referral).toMatchObject({
        need: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      });
      expect(referral.personalDataDeletedAt?.toISOString()).toBe(jobs.clock().toISOString());
      expect(history.every((e) => e.note === null)).toBe(true);
      expect(history.at(-1)).toMatchObject({
        kind: 'personal_data_deleted',
        actorName: 'system:retention',
      });
      // What the figures need is kept.
      expect(referral).toMatchObject({
        companyName: 'Syntetisk Robot ApS',
        theme: 'robotics',
        crossRegion: true,
      });
    }
    const stillOpen = await referralDetail(database.db, w.aarhusStaff, open);
    expect(stillOpen.referral.contactName).toBe('Karen Kontakt');

    // Never closed: two years after it was sent.
    jobs.moveTo('2032-02-04T08:59:00Z');
    expect(await runReferralRetention(jobs)).toBe(0);
    jobs.moveTo('2032-02-04T09:01:00Z');
    expect(await runReferralRetention(jobs)).toBe(1);
    expect((await referralDetail(database.db, w.aarhusStaff, open)).referral.contactName).toBeNull();

    expect(await referralFigures(database.db, w.advisor, 2030, 'hub')).toEqual(before);
    // The personal data is gone from the database: the audit log never held it.
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log
          where entity in ('referrals', 'referral_events') and (before::text like '%Karen%' or after::text like '%Karen%')`,
    );
    expect(left?.n).toBe(0);
  });
});
