import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { type ReceivedMail, readableMail, startSmtpServer } from '../../../test/support/smtp.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows, type Tx } from '../../db/client.ts';
import {
  applications,
  assessmentScores,
  callAssessors,
  callBudgets,
  callCriteria,
  calls,
  conflictDeclarations,
} from '../../db/schema/index.ts';
import { runCallDeadlineReminders } from '../../jobs/call-deadline-reminders.ts';
import { createLogger } from '../../logger.ts';
import { remindCallDeadlines } from './reminders.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refused = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse: refused });
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const SITE = 'https://klynge.example';
const logger = createLogger({ logLevel: 'silent' });
const run = (today: string) =>
  runCallDeadlineReminders(
    { config: { publicUrl: SITE }, db: database.db, mailer: smtp.mailer, logger },
    today,
  );
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const text = (m: ReceivedMail | undefined) => readableMail(m?.data ?? '');
const asTest = <T>(work: (tx: Tx) => Promise<T>) => withActor(database.db, systemActor('test'), work);

/** A call of a new funder organisation, with its dates; each test uses its own years. */
async function newCall(values: {
  status: 'open' | 'closed' | 'assessed';
  deadline: string;
  assessmentDeadline?: string;
  decisionDate?: string;
}) {
  const owner = await createOrganisation(database.db, { kind: 'funder' });
  const [call] = await asTest((tx) =>
    tx
      .insert(calls)
      .values({
        ownerId: owner.id,
        slug: `opslag-${Math.random().toString(36).slice(2)}`,
        title: `Opslag ${values.deadline}`,
        status: values.status,
        deadline: new Date(values.deadline),
        assessmentDeadline: values.assessmentDeadline ?? null,
        decisionDate: values.decisionDate ?? null,
      })
      .returning(),
  );
  if (!call) throw new Error('call not created');
  return { call, owner };
}

/** A cluster organisation with one member of staff and an application of `status` to the call. */
async function applicant(callId: string, status: 'draft' | 'submitted' | 'eligible', locale = 'da') {
  const cluster = await createOrganisation(database.db);
  const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
  const [application] = await asTest(async (tx) => {
    if (locale !== 'da') await tx.execute(sql`update users set locale = ${locale} where id = ${staff.id}`);
    return tx.insert(applications).values({ callId, organisationId: cluster.id, status }).returning();
  });
  if (!application) throw new Error('application not created');
  return { staff, application };
}

/** Runs each day in turn and expects how many mails each person got on it. */
async function expectRuns(days: [string, number][], emails: string[]) {
  for (const [today, count] of days) {
    const before = emails.map((email) => mailsTo(email).length);
    await run(today);
    const got = emails.map((email, i) => mailsTo(email).length - (before[i] ?? 0));
    expect({ today, got }).toEqual({ today, got: emails.map(() => count) });
  }
}

describe(`call deadline reminders (${testDriver()})`, () => {
  it('mails applicants with a draft 7 days and 1 day before the application deadline, each once', async () => {
    // 10 March 2031 12:00 Danish time.
    const { call } = await newCall({ status: 'open', deadline: '2031-03-10T11:00:00Z' });
    const draft = await applicant(call.id, 'draft');
    const english = await applicant(call.id, 'draft', 'en');
    const submitted = await applicant(call.id, 'submitted');
    // Each day twice in a row: the second run of a day sends nothing.
    await expectRuns(
      [
        ['2031-03-02', 0], // 8 days before
        ['2031-03-03', 1], // 7 days before
        ['2031-03-03', 0],
        ['2031-03-04', 0], // 6 days before: the 7-day reminder was sent
        ['2031-03-08', 0], // 2 days before
        ['2031-03-09', 1], // 1 day before
        ['2031-03-09', 0],
        ['2031-03-10', 0], // the deadline's day: the 1-day reminder was sent
      ],
      [draft.staff.email, english.staff.email],
    );
    expect(mailsTo(submitted.staff.email)).toHaveLength(0);
    const [week, day] = mailsTo(draft.staff.email);
    expect(text(week)).toContain(`Jeres ansøgning til ${call.title} er endnu ikke indsendt.`);
    expect(text(week)).toContain('Ansøgningsfristen er 10. marts 2031 (om 7 dage).');
    expect(text(day)).toContain('Ansøgningsfristen er 10. marts 2031 (i morgen).');
    expect(text(week)).toContain(`${SITE}/opslag/${call.slug}/ansoegning`);
    const [englishWeek] = mailsTo(english.staff.email);
    expect(text(englishWeek)).toContain(`Your application to ${call.title} has not been submitted yet`);
    expect(text(englishWeek)).toContain(`${SITE}/en/calls/${call.slug}/application`);
    const claims = await queryRows<{ phase: string; edge: number; actor: string }>(
      database.db,
      sql`select r.phase, r.edge::int as edge, a.actor_label as actor
          from call_deadline_reminders r
          join audit_log a on a.entity = 'call_deadline_reminders'
            and a.entity_id = r.call_id || '/' || r.phase || '/' || r.edge || '/' || r.user_id
          where r.call_id = ${call.id} and r.user_id = ${draft.staff.id} order by r.edge desc`,
    );
    expect(claims).toEqual([
      { phase: 'application', edge: 7, actor: 'system:call-deadline-reminders' },
      { phase: 'application', edge: 1, actor: 'system:call-deadline-reminders' },
    ]);
  });

  it('mails only the assessors with unfinished assessments before the assessment deadline', async () => {
    const { call, owner } = await newCall({
      status: 'closed',
      deadline: '2032-03-01T11:00:00Z',
      assessmentDeadline: '2032-05-10',
    });
    const { application } = await applicant(call.id, 'eligible');
    const undeclared = await createUser(database.db, 'assessor', { organisationId: owner.id });
    const halfway = await createUser(database.db, 'assessor', { organisationId: owner.id });
    const finished = await createUser(database.db, 'assessor', { organisationId: owner.id });
    const conflicted = await createUser(database.db, 'assessor', { organisationId: owner.id });
    await asTest(async (tx) => {
      const criteria = await tx
        .insert(callCriteria)
        .values([
          { callId: call.id, position: 1, titleDa: 'Effekt', titleEn: 'Impact', weight: 60 },
          { callId: call.id, position: 2, titleDa: 'Kvalitet', titleEn: 'Quality', weight: 40 },
        ])
        .returning();
      const people = [undeclared, halfway, finished, conflicted];
      await tx.insert(callAssessors).values(people.map((p) => ({ callId: call.id, userId: p.id })));
      await tx.insert(conflictDeclarations).values([
        { applicationId: application.id, assessorId: halfway.id, hasConflict: false },
        { applicationId: application.id, assessorId: finished.id, hasConflict: false },
        { applicationId: application.id, assessorId: conflicted.id, hasConflict: true },
      ]);
      const score = (assessorId: string, criterionId: string) => ({
        applicationId: application.id,
        assessorId,
        criterionId,
        score: 3,
      });
      const [first, second] = criteria.map((c) => c.id) as [string, string];
      await tx
        .insert(assessmentScores)
        .values([score(halfway.id, first), score(finished.id, first), score(finished.id, second)]);
    });
    await expectRuns(
      [
        ['2032-05-02', 0], // 8 days before
        ['2032-05-03', 1],
        ['2032-05-03', 0],
        ['2032-05-09', 1],
        ['2032-05-10', 0],
      ],
      [undeclared.email, halfway.email],
    );
    expect(mailsTo(finished.email)).toHaveLength(0);
    expect(mailsTo(conflicted.email)).toHaveLength(0);
    expect(text(mailsTo(halfway.email)[0])).toContain('Fristen for bedømmelsen er 10. maj 2032 (om 7 dage).');
    expect(text(mailsTo(halfway.email)[0])).toContain(`${SITE}/bedoemmelser`);
  });

  it("catches up a missed day for the call's funders before the decision date, and no other funder", async () => {
    const { call, owner } = await newCall({
      status: 'assessed',
      deadline: '2033-03-01T11:00:00Z',
      decisionDate: '2033-09-01',
    });
    const coFunder = await createOrganisation(database.db, { kind: 'funder' });
    const other = await createOrganisation(database.db, { kind: 'funder' });
    await asTest((tx) =>
      tx.insert(callBudgets).values({ callId: call.id, funderId: coFunder.id, year: 2034, amountDkk: 1 }),
    );
    const ownerStaff = await createUser(database.db, 'funder', { organisationId: owner.id });
    const coStaff = await createUser(database.db, 'funder', { organisationId: coFunder.id });
    const otherStaff = await createUser(database.db, 'funder', { organisationId: other.id });
    await expectRuns(
      [
        ['2033-08-29', 1], // 3 days before: the 7-day reminder, missed on 25 August, goes now
        ['2033-08-30', 0], // 2 days before
        ['2033-08-31', 1],
        ['2033-09-01', 0],
      ],
      [ownerStaff.email, coStaff.email],
    );
    expect(mailsTo(otherStaff.email)).toHaveLength(0);
    expect(text(mailsTo(coStaff.email)[0])).toContain(
      'Beslutningen er planlagt til 1. september 2033 (om 3 dage).',
    );
    expect(text(mailsTo(coStaff.email)[0])).toContain(`${SITE}/opslag/${call.slug}/sagsbehandling`);
  });

  it('tries a refused mail again on the next run, and sends the others once', async () => {
    const { call } = await newCall({ status: 'open', deadline: '2034-03-10T11:00:00Z' });
    const refusing = await applicant(call.id, 'draft');
    const fine = await applicant(call.id, 'draft');
    refused.add(refusing.staff.email.toLowerCase());
    expect(await run('2034-03-03')).toEqual({ sent: 1, failed: 1 });
    refused.clear();
    expect(await run('2034-03-04')).toEqual({ sent: 1, failed: 0 });
    expect(mailsTo(refusing.staff.email)).toHaveLength(1);
    expect(mailsTo(fine.staff.email)).toHaveLength(1);
  });

  it('is the system’s to send, for a real day', async () => {
    const link = () => SITE;
    await expectAppError(
      remindCallDeadlines(database.db, smtp.mailer, roleCaller('admin'), '2031-03-03', { link, logger }),
      'forbidden',
    );
    await expect(run('2031-02-30')).rejects.toMatchObject({ code: 'validation' });
  });
});
