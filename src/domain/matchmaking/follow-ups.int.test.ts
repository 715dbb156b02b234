import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { eventWithMeeting } from '../../../test/support/matchmaking.ts';
import { readableMail, startSmtpServer } from '../../../test/support/smtp.ts';
import { loadConfig } from '../../config.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { createDeps, type Deps } from '../../deps.ts';
import { runMatchmakingFollowUps } from '../../jobs/matchmaking-follow-ups.ts';
import { createLogger } from '../../logger.ts';
import { saveAnswers, submitResponse } from '../surveys/responding.ts';
import { startDueFollowUps } from './follow-ups.ts';
import { matchmakingPage } from './queries.ts';

/*
 * 3 and 6 months after a matchmaking event (its last day, Danish time) the participants who had a
 * meeting get the follow-up survey by e-mail through the job queue and a real SMTP server. Each
 * test's event lies in its own year, so the rounds of one never fall due in another's runs.
 */

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let deps: Deps;
let now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://klynge.example' });
  deps = createDeps(config, database, createLogger(config), { mailer: smtp.mailer, clock: () => now });
  await deps.jobs.start();
});
afterAll(async () => {
  await deps?.jobs.stop();
  await smtp?.close();
  await database?.close();
});

/** One run at `at` (an instant), as the daily job does, waiting for the mails it queued. */
async function runAt(at: string) {
  now = new Date(at);
  const result = await runMatchmakingFollowUps(deps, now);
  await deps.jobs.idle();
  return result;
}

const roundsOf = (eventId: string) =>
  queryRows<{ months_after: number; invited: string[]; owner_id: string; closes_at: string | Date }>(
    database.db,
    sql`select f.months_after, s.owner_id, s.closes_at,
               array(select i.email from survey_invitations i where i.survey_id = f.survey_id order by i.email) as invited
        from matchmaking_follow_ups f join surveys s on s.id = f.survey_id
        where f.event_id = ${eventId} order by f.months_after`,
  );

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

/** The answer link's token in the one follow-up mail to `email`. */
function tokenFor(email: string): string {
  const [mail] = mailsTo(email);
  const token = /\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(readableMail(mail?.data ?? ''))?.[1];
  if (!token) throw new Error(`no answer link mailed to ${email}`);
  return token;
}

describe(`matchmaking follow-ups (${testDriver()})`, () => {
  it('starts the 3-month round at the first minute of the Danish day, mails those who met once, and not again', async () => {
    const w = await eventWithMeeting(database.db, 2031);
    // 31 May 23:59 in Denmark (summer time, UTC+2) is still too early.
    expect(await runAt('2031-05-31T21:59:00Z')).toEqual({ started: 0, invited: 0 });
    expect(await roundsOf(w.eventId)).toEqual([]);
    expect(await runAt('2031-05-31T22:00:00Z')).toEqual({ started: 1, invited: 2 });
    const [round, ...others] = await roundsOf(w.eventId);
    expect(others).toEqual([]);
    expect(round?.months_after).toBe(3);
    expect(round?.invited).toEqual([w.ann.email, w.bo.email].map((e) => e.toLowerCase()).sort());
    // Open for 30 days from 1 June, to 23:59 Danish time on 1 July.
    expect(new Date(round?.closes_at as string).toISOString()).toBe('2031-07-01T21:59:00.000Z');
    expect(mailsTo(w.ann.email)).toHaveLength(1);
    expect(mailsTo(w.bo.email)).toHaveLength(1);
    expect(mailsTo(w.cy.email)).toHaveLength(0);

    const mailed = smtp.received.length;
    expect(await runAt('2031-06-01T06:20:00Z')).toEqual({ started: 0, invited: 0 });
    expect(await runAt('2031-08-31T06:20:00Z')).toEqual({ started: 0, invited: 0 });
    expect(smtp.received).toHaveLength(mailed);
    // The 6-month round on 1 September, once more to both.
    expect(await runAt('2031-09-01T06:20:00Z')).toEqual({ started: 1, invited: 2 });
    expect((await roundsOf(w.eventId)).map((r) => r.months_after)).toEqual([3, 6]);
    expect(mailsTo(w.ann.email)).toHaveLength(2);
    expect(mailsTo(w.cy.email)).toHaveLength(0);
  });

  it('shows the organiser, and only the organiser, the responses and the share with an outcome', async () => {
    const w = await eventWithMeeting(database.db, 2032);
    expect(await runAt('2032-06-01T06:20:00Z')).toEqual({ started: 1, invited: 2 });
    const answerAt = new Date('2032-06-05T10:00:00Z');
    const annToken = tokenFor(w.ann.email);
    await saveAnswers(database.db, annToken, 1, { 'q-outcome': 'deal' }, 'next', answerAt);
    await saveAnswers(
      database.db,
      annToken,
      2,
      { 'q-which': 'Robotcelle til Bo A/S', 'q-value': 'from_100k' },
      'next',
      answerAt,
    );
    expect((await submitResponse(database.db, annToken, answerAt)).issues).toEqual([]);
    const boToken = tokenFor(w.bo.email);
    await saveAnswers(database.db, boToken, 1, { 'q-outcome': 'no' }, 'next', answerAt);
    expect((await submitResponse(database.db, boToken, answerAt)).issues).toEqual([]);

    const organiserSees = await matchmakingPage(database.db, w.organiser, w.slug, answerAt);
    expect(organiserSees.followUps).toEqual([
      {
        monthsAfter: 3,
        surveyId: expect.any(String),
        invited: 2,
        responses: 2,
        withOutcome: 1,
        outcomes: { deal: 1, project: 0, partnership: 0 },
      },
    ]);
    expect((await matchmakingPage(database.db, w.ann, w.slug, answerAt)).followUps).toEqual([]);
  });

  it('catches up a missed round until the next is due, and starts each round once when runs meet', async () => {
    const w = await eventWithMeeting(database.db, 2033);
    // No run from June to August: the 3-month round still goes out late in August.
    expect(await runAt('2033-08-31T06:20:00Z')).toEqual({ started: 1, invited: 2 });
    expect((await roundsOf(w.eventId)).map((r) => r.months_after)).toEqual([3]);
    const v = await eventWithMeeting(database.db, 2034);
    // No run before October: the 3-month round is left out, the 6-month one starts once.
    now = new Date('2034-10-02T06:20:00Z');
    const [a, b] = await Promise.all([
      runMatchmakingFollowUps(deps, now),
      runMatchmakingFollowUps(deps, now),
    ]);
    await deps.jobs.idle();
    expect((a?.started ?? 0) + (b?.started ?? 0)).toBe(1);
    expect((await roundsOf(v.eventId)).map((r) => r.months_after)).toEqual([6]);
    expect(mailsTo(v.ann.email)).toHaveLength(1);
  });

  it('is started by the system only and refuses a day that does not exist', async () => {
    const at = new Date('2035-06-01T06:20:00Z');
    await expectAppError(startDueFollowUps(deps, roleCaller('admin'), '2035-06-01', at), 'forbidden');
    const organiser = await createCaller(database.db, 'cluster_staff');
    await expectAppError(startDueFollowUps(deps, organiser, '2035-06-01', at), 'forbidden');
    await expectAppError(runMatchmakingFollowUps(deps, at, '2035-02-30'), 'validation');
  });
});
