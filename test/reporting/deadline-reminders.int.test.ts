import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { fundingGrants, reportingPeriods } from '../../src/db/schema/index.ts';
import { setDeadlineRule } from '../../src/domain/reporting/calendar/deadlines.ts';
import { remindReportingDeadlines } from '../../src/domain/reporting/calendar/reminders.ts';
import { runDeadlineReminders } from '../../src/jobs/deadline-reminders.ts';
import { createLogger } from '../../src/logger.ts';
import { expectAppError, roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const SITE = 'https://klynge.example';
const logger = createLogger({ logLevel: 'silent' });

const run = (today: string) =>
  runDeadlineReminders(
    { config: { publicUrl: `${SITE}/` }, db: database.db, mailer: smtp.mailer, logger },
    today,
  );

const bodyOf = (m: ReceivedMail | undefined) =>
  decodeURIComponent((m?.data ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

/** A cluster with one member of staff, funded by `funder` in `year`. */
async function fundedCluster(funderId: string, year: number, name: string, locale = 'da') {
  const cluster = await createOrganisation(database.db, { name });
  const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.insert(fundingGrants).values({ funderId, clusterId: cluster.id, year, amountDkk: 1_000_000 });
    if (locale !== 'da') await tx.execute(sql`update users set locale = ${locale} where id = ${staff.id}`);
  });
  return { cluster, staff };
}

// Each test uses its own reporting year, so no test's clusters are due in another's run.
describe(`reporting deadline reminders (${testDriver()})`, () => {
  it('mails a cluster that has not submitted 30 and 7 days before 1 March and the day after, each once', async () => {
    const funder = await createOrganisation(database.db, { kind: 'funder' });
    const late = await fundedCluster(funder.id, 2025, 'Klynge Sen');
    const english = await fundedCluster(funder.id, 2025, 'Klynge English', 'en');
    const done = await fundedCluster(funder.id, 2025, 'Klynge Færdig');
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(reportingPeriods).values({ clusterId: done.cluster.id, year: 2025, status: 'submitted' }),
    );
    // The deadline of 2025 is 2026-03-01; February 2026 has 28 days.
    const expected: [string, number, string | null][] = [
      ['2026-01-29', 0, null], // 31 days before
      ['2026-01-30', 1, 'Husk indberetningen for 2025: frist 1. marts 2026'], // 30 days before
      ['2026-01-30', 0, null], // the same day again
      ['2026-02-21', 0, null], // 8 days before: the 30-day reminder was sent
      ['2026-02-22', 1, 'Husk indberetningen for 2025: frist 1. marts 2026'], // 7 days before
      ['2026-03-01', 0, null], // the deadline itself
      ['2026-03-02', 1, 'Indberetningen for 2025 mangler (fristen var 1. marts 2026)'], // the day after
      ['2026-03-03', 0, null],
    ];
    for (const [today, count, subject] of expected) {
      const before = mailsTo(late.staff.email).length;
      await run(today);
      const mails = mailsTo(late.staff.email).slice(before);
      expect({ today, count: mails.length }).toEqual({ today, count });
      if (subject) expect(bodyOf(mails[0])).toContain(subject);
    }
    expect(mailsTo(done.staff.email)).toHaveLength(0);
    const toEnglish = mailsTo(english.staff.email);
    expect(toEnglish).toHaveLength(3);
    expect(bodyOf(toEnglish[0])).toContain('Reminder: the report for 2025 is due on 1 March 2026');
    expect(bodyOf(toEnglish[0])).toContain(`${SITE}/en/workspace/periods`);
    expect(bodyOf(mailsTo(late.staff.email)[0])).toContain(`${SITE}/arbejdsrum/perioder`);
    const claims = await queryRows<{ edge: number }>(
      database.db,
      sql`select edge::int as edge from reporting_reminders where cluster_id = ${late.cluster.id} order by edge desc`,
    );
    expect(claims.map((c) => c.edge)).toEqual([30, 7, -1]);
  });

  it("follows the funder's own deadline rule, the earliest of a year's funders", async () => {
    const april = await createOrganisation(database.db, { kind: 'funder' });
    const june = await createOrganisation(database.db, { kind: 'funder' });
    const admin = roleCaller('admin');
    await setDeadlineRule(database.db, admin, { funderId: april.id, month: '4', day: '15' });
    await setDeadlineRule(database.db, admin, { funderId: june.id, month: 6, day: 30 });
    const one = await fundedCluster(april.id, 2023, 'Klynge April');
    await withActor(database.db, systemActor('test'), (tx) =>
      tx
        .insert(fundingGrants)
        .values({ funderId: june.id, clusterId: one.cluster.id, year: 2023, amountDkk: 1 }),
    );
    const onlyJune = await fundedCluster(june.id, 2023, 'Klynge Juni');
    // 15 April 2024 less 30 days is 16 March; 30 June less 30 days is 31 May.
    await run('2024-03-15');
    expect(mailsTo(one.staff.email)).toHaveLength(0);
    await run('2024-03-16');
    expect(mailsTo(one.staff.email)).toHaveLength(1);
    expect(mailsTo(onlyJune.staff.email)).toHaveLength(0);
    await run('2024-05-31');
    expect(mailsTo(onlyJune.staff.email)).toHaveLength(1);
    expect(bodyOf(mailsTo(onlyJune.staff.email)[0])).toContain('frist 30. juni 2024');
  });

  it('is the system’s to send, for a real day', async () => {
    const periodsPage = () => SITE;
    await expectAppError(
      remindReportingDeadlines(database.db, smtp.mailer, roleCaller('admin'), '2026-01-30', {
        periodsPage,
        logger,
      }),
      'forbidden',
    );
    await expectAppError(run('2026-02-30'), 'validation');
    await expectAppError(run('30-01-2026'), 'validation');
  });

  it('lets only admins set a deadline rule, to a date that exists every year', async () => {
    const funder = await createOrganisation(database.db, { kind: 'funder' });
    await expectAppError(
      setDeadlineRule(database.db, roleCaller('funder', funder.id), {
        funderId: funder.id,
        month: 4,
        day: 1,
      }),
      'forbidden',
    );
    const admin = roleCaller('admin');
    await expectAppError(
      setDeadlineRule(database.db, admin, { funderId: funder.id, month: 2, day: 29 }),
      'validation',
    );
    await expectAppError(
      setDeadlineRule(database.db, admin, { funderId: funder.id, month: 13, day: 1 }),
      'validation',
    );
    const cluster = await createOrganisation(database.db);
    await expectAppError(
      setDeadlineRule(database.db, admin, { funderId: cluster.id, month: 4, day: 1 }),
      'not_found',
    );
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from reporting_deadline_rules where funder_id = ${funder.id}`,
    );
    expect(count?.n).toBe(0);
  });
});
