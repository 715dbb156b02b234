import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { clusterLabels, fundingGrants, passwordResetTokens } from '../../src/db/schema/index.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import type { ScheduledJobKind } from '../../src/domain/jobs/kinds.ts';
import { countJobs } from '../../src/domain/jobs/overview.ts';
import { sendReferral } from '../../src/domain/referrals/commands.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { createCourse } from '../../src/domain/support/courses.ts';
import { registerForCourse } from '../../src/domain/support/registrations.ts';
import { createService } from '../../src/domain/support/services.ts';
import { createLogger } from '../../src/logger.ts';
import { referralForm, referralWorld } from '../referrals/fixtures.ts';
import { callerWith, createCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { startSmtpServer } from '../support/smtp.ts';

/*
 * The recurring work as jobs of the durable queue: one pg-boss schedule per kind, written once
 * however many instances start; under NODE_ENV=test nothing fires on its own, so each test queues
 * the job a schedule would queue and checks that it did the domain's work (mails to a real SMTP
 * server, personal data removed), and that a refused mail makes the job retry, then fail.
 */

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refuse = new Set<string>();
let deps: Deps;
/** The instant the jobs run at (their clock), set by each test. */
let now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://klynge.example',
    JOB_POLL_SECONDS: '0.5',
    JOB_RETRY_LIMIT: '1',
    JOB_RETRY_DELAY_SECONDS: '1',
  });
  deps = createDeps(config, database, createLogger(config), { mailer: smtp.mailer, clock: () => now });
  await deps.jobs.start();
});
afterAll(async () => {
  await deps?.jobs.stop();
  await database?.close();
  await smtp?.close();
});

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

/** Queues one run of `kind` at `at`, as its schedule does, and waits until the queue is idle. */
async function runScheduled(kind: ScheduledJobKind, at: string): Promise<void> {
  now = new Date(at);
  await deps.jobs.enqueue(kind, {});
  await deps.jobs.idle();
}

async function stateCounts(kind: ScheduledJobKind) {
  return (await countJobs(database.db)).find((k) => k.kind === kind)?.counts;
}

describe(`scheduled jobs (${testDriver()})`, () => {
  it('has one schedule per recurring kind, in Danish time (two instances: two-instances.int.test.ts)', async () => {
    const rows = await queryRows<{ name: string; cron: string; timezone: string }>(
      database.db,
      sql`select name, cron, timezone from pgboss.schedule order by name`,
    );
    expect(rows).toEqual([
      { name: 'call-deadline-reminders', cron: '45 7 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'company-effect-survey', cron: '0 8 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'course-reminders', cron: '15 7 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'deadline-reminders', cron: '30 7 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'label-reminders', cron: '0 7 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'matchmaking-follow-ups', cron: '20 8 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'referral-reminders', cron: '10 * * * *', timezone: 'Europe/Copenhagen' },
      { name: 'retention', cron: '30 3 * * *', timezone: 'Europe/Copenhagen' },
      { name: 'token-reminders', cron: '0 * * * *', timezone: 'Europe/Copenhagen' },
    ]);
  });

  it('token-reminders mails the creator of a token expiring within 14 days, once', async () => {
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    // Made 20 days before the run with a 30-day lifetime: expires 10 days after it.
    await createApiToken(
      database.db,
      callerWith(creator, [{ organisationId: org.id, role: 'cluster_staff' }]),
      {
        organisationId: org.id,
        name: 'ERP',
        now: new Date('2031-11-11T09:00:00Z'),
        lifetime: 30,
      },
    );
    await runScheduled('token-reminders', '2031-12-01T09:00:00Z');
    await runScheduled('token-reminders', '2031-12-01T10:00:00Z');
    expect(mailsTo(creator.email)).toHaveLength(1);
    expect(await stateCounts('token-reminders')).toMatchObject({ completed: 2, failed: 0 });
  });

  it('referral-reminders mails the staff of a cluster that left a referral waiting six working days', async () => {
    const w = await referralWorld(database.db);
    await sendReferral(database.db, w.advisor, referralForm([w.aarhus.id]), new Date('2026-03-02T09:00:00Z'));
    await runScheduled('referral-reminders', '2026-03-10T07:00:00Z');
    expect(mailsTo(w.aarhusStaff.email)).toHaveLength(1);
    expect(mailsTo(w.aarhusColleague.email)).toHaveLength(1);
  });

  it('label-reminders mails the cluster 12 months before its label expires, on Danish time', async () => {
    const cluster = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(clusterLabels).values({
        organisationId: cluster.id,
        level: 'gold',
        awardedOn: '2026-06-30',
        validUntil: '2028-06-30',
        assessingBody: 'ESCA',
      }),
    );
    // 23:30 UTC on 29 June is already 30 June in Denmark: the day 12 months before.
    await runScheduled('label-reminders', '2027-06-29T23:30:00Z');
    expect(mailsTo(staff.email)).toHaveLength(1);
  });

  it('course-reminders mails a registrant the week before the course', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    const staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    const registered = new Date('2026-03-02T09:00:00Z');
    const service = {
      titleDa: 'Kursus i projektledelse (planlagt job)',
      titleEn: 'Course in project management (scheduled job)',
      summaryDa: 'To dage om at lede innovationsprojekter.',
      summaryEn: 'Two days on leading innovation projects.',
      targetGroups: ['staff'],
      form: 'course',
      payment: 'free',
      language: 'da',
    };
    const { slug } = await createService(database.db, staff, service, registered);
    const course = {
      date: '2026-03-20',
      startTime: '09:00',
      endTime: '16:00',
      place: 'Vejle',
      seats: '2',
      cancelBy: '2026-03-13',
    };
    const courseId = await createCourse(database.db, staff, slug, course, registered);
    const cluster = await createOrganisation(database.db);
    const attendee = await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
    await registerForCourse(database.db, attendee, courseId, {}, registered);
    await runScheduled('course-reminders', '2026-03-12T09:00:00Z');
    expect(mailsTo(attendee.email)).toHaveLength(0);
    await runScheduled('course-reminders', '2026-03-13T09:00:00Z');
    expect(mailsTo(attendee.email)).toHaveLength(1);
  });

  it('deadline-reminders mails a funded cluster 30 days before the reporting deadline', async () => {
    const funder = await createOrganisation(database.db, { kind: 'funder' });
    const cluster = await createOrganisation(database.db);
    const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx
        .insert(fundingGrants)
        .values({ funderId: funder.id, clusterId: cluster.id, year: 2025, amountDkk: 1_000_000 }),
    );
    // The deadline for 2025 is 1 March 2026.
    await runScheduled('deadline-reminders', '2026-01-30T09:00:00Z');
    expect(mailsTo(staff.email)).toHaveLength(1);
  });

  it('company-effect-survey starts no round in a year that is not a sending year', async () => {
    // Sending years are even (docs/surveys.md); rounds themselves: test/surveys/effect-round.int.test.ts.
    await runScheduled('company-effect-survey', '2031-06-01T06:00:00Z');
    expect(await stateCounts('company-effect-survey')).toMatchObject({ completed: 1, failed: 0 });
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from surveys`);
    expect(row?.n).toBe(0);
  });

  it('retention removes a password reset link past its retention period and keeps a recent one', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(passwordResetTokens).values([
        { tokenHash: `old-${user.id}`, userId: user.id, expiresAt: new Date('2030-01-01T10:00:00Z') },
        { tokenHash: `new-${user.id}`, userId: user.id, expiresAt: new Date('2030-01-03T10:00:00Z') },
      ]),
    );
    await runScheduled('retention', '2030-01-03T09:00:00Z');
    const left = await queryRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from password_reset_tokens where user_id = ${user.id}`,
    );
    expect(left.map((r) => r.token_hash)).toEqual([`new-${user.id}`]);
  });

  it('retries a run whose mail is refused, then marks it failed with the error', async () => {
    const org = await createOrganisation(database.db);
    const creator = await createUser(database.db, 'cluster_staff', { organisationId: org.id });
    refuse.add(creator.email.toLowerCase());
    await createApiToken(
      database.db,
      callerWith(creator, [{ organisationId: org.id, role: 'cluster_staff' }]),
      {
        organisationId: org.id,
        name: 'Afvist',
        now: new Date('2033-11-11T09:00:00Z'),
        lifetime: 30,
      },
    );
    const before = (await stateCounts('token-reminders'))?.failed ?? 0;
    await runScheduled('token-reminders', '2033-12-01T09:00:00Z');
    expect((await stateCounts('token-reminders'))?.failed).toBe(before + 1);
    const [failed] = await queryRows<{ message: string; retries: number }>(
      database.db,
      sql`select output->>'message' as message, retry_count as retries from pgboss.job
          where name = 'token-reminders' and state = 'failed'`,
    );
    expect(failed).toEqual({ message: '1 e-mail(s) could not be sent; tried again later', retries: 1 });
  });
});
