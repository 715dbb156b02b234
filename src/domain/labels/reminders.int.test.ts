import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { type ReceivedMail, startSmtpServer } from '../../../test/support/smtp.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { clusterLabels, users } from '../../db/schema/index.ts';
import { runLabelReminders } from '../../jobs/label-reminders.ts';
import { createLogger } from '../../logger.ts';
import { remindExpiringLabels } from './reminders.ts';
import type { LabelLevel } from './schemas.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refuse = new Set<string>();
const logger = createLogger({ logLevel: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse });
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const run = (today: string) =>
  runLabelReminders(
    {
      config: { publicUrl: 'https://klynge.example/' },
      db: database.db,
      mailer: smtp.mailer,
      logger,
      clock: () => new Date(),
    },
    today,
  );

async function label(organisationId: string, level: LabelLevel, awardedOn: string, validUntil: string) {
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(clusterLabels).values({ organisationId, level, awardedOn, validUntil, assessingBody: 'ESCA' }),
  );
}

/** A received message as text: quoted-printable soft breaks and UTF-8 bytes undone. */
const textOf = (m: ReceivedMail) =>
  Buffer.from(
    m.data
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** The mails received since `from`, as "recipient: months before expiry", sorted. */
const mailsSince = (from: number) =>
  smtp.received
    .slice(from)
    .map((m) => `${m.to.join(',')}: ${/, in (\d+) months\./.exec(textOf(m))?.[1] ?? '?'}`)
    .sort();

/** Runs on each day in turn; what each run sent, as "day: recipient: months". */
async function runDays(days: string[]) {
  const out: string[] = [];
  for (const day of days) {
    const from = smtp.received.length;
    await run(day);
    for (const m of mailsSince(from)) out.push(`${day} ${m}`);
  }
  return out;
}

describe('label expiry reminders', () => {
  let staffEmail: string;
  let supportEmail: string;
  let cluster: { id: string };

  beforeAll(async () => {
    cluster = await createOrganisation(database.db, { name: 'Mærkeklyngen' });
    const other = await createOrganisation(database.db);
    staffEmail = (await createUser(database.db, 'cluster_staff', { organisationId: cluster.id })).email;
    supportEmail = (await createUser(database.db, 'support_staff')).email;
    // Not told: another cluster's staff, and a disabled colleague.
    await createUser(database.db, 'cluster_staff', { organisationId: other.id });
    const gone = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id)),
    );
    await label(cluster.id, 'gold', '2026-06-30', '2028-06-30');
  });

  it('mails the cluster and the support function on the day 12, 6 and 3 months before, each once', async () => {
    const sent = await runDays([
      '2027-06-29',
      '2027-06-30',
      '2027-06-30',
      '2027-07-01',
      '2027-12-29',
      '2027-12-30',
      '2028-03-29',
      '2028-03-30',
      '2028-03-31',
      '2028-06-30',
    ]);
    expect(sent).toEqual(
      [
        `2027-06-30 ${staffEmail}: 12`,
        `2027-06-30 ${supportEmail}: 12`,
        `2027-12-30 ${staffEmail}: 6`,
        `2027-12-30 ${supportEmail}: 6`,
        `2028-03-30 ${staffEmail}: 3`,
        `2028-03-30 ${supportEmail}: 3`,
      ].sort(),
    );
  });

  it('says which label ends when, in Danish and English, with a link to the register', async () => {
    const body = smtp.received.map(textOf).find((d) => d.includes('in 12 months'));
    expect(body).toContain('udløber 30. juni 2028, om 12 måneder');
    expect(body).toContain('expires on 30 June 2028, in 12 months');
    expect(body).toContain('https://klynge.example/maerker');
  });

  it('reminds a label first seen late only at the latest edge passed, and skips a renewed label', async () => {
    const late = await createOrganisation(database.db);
    const lateStaff = (await createUser(database.db, 'cluster_staff', { organisationId: late.id })).email;
    await label(late.id, 'bronze', '2027-02-15', '2029-02-15');
    const renewed = await createOrganisation(database.db);
    await createUser(database.db, 'cluster_staff', { organisationId: renewed.id });
    await label(renewed.id, 'silver', '2027-02-01', '2029-02-01');
    await label(renewed.id, 'gold', '2028-11-01', '2031-11-01');
    const sent = await runDays(['2028-12-01', '2028-12-02']);
    expect(sent).toEqual([`2028-12-01 ${lateStaff}: 3`, `2028-12-01 ${supportEmail}: 3`].sort());
  });

  it('leaves a label whose mails all failed for the next run', async () => {
    const failing = await createOrganisation(database.db);
    const failingStaff = (await createUser(database.db, 'cluster_staff', { organisationId: failing.id }))
      .email;
    await label(failing.id, 'bronze', '2028-01-10', '2030-01-10');
    refuse.add(failingStaff.toLowerCase());
    refuse.add(supportEmail.toLowerCase());
    const failed = await run('2029-01-10');
    expect(failed).toEqual({ labels: 0, sent: 0, failed: 2, retry: 1 });
    refuse.clear();
    expect(await runDays(['2029-01-11'])).toEqual(
      [`2029-01-11 ${failingStaff}: 12`, `2029-01-11 ${supportEmail}: 12`].sort(),
    );
  });

  it('is the system’s to send: a person is refused', async () => {
    const { caller } = await createUserAndCaller(database.db, 'support_staff');
    await expectAppError(
      remindExpiringLabels(database.db, smtp.mailer, caller, '2027-06-30', {
        now: new Date(),
        labelsPage: 'https://klynge.example/maerker',
        logger,
      }),
      'forbidden',
    );
  });
});
