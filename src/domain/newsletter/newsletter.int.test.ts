import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createUser, randomCvr } from '../../../test/support/factories.ts';
import { readableMail, startSmtpServer } from '../../../test/support/smtp.ts';
import { loadConfig } from '../../config.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { clusters, newsletterSubscribers } from '../../db/schema/index.ts';
import { createLogger } from '../../logger.ts';
import type { Caller } from '../caller.ts';
import { applyRetention, RETENTION_RULES } from '../personal-data/retention.ts';
import { archive, archivedIssue, createIssue, issueForEditor, updateIssue } from './issues.ts';
import type { NewsletterLinks } from './mail.ts';
import { countRecipients } from './segments.ts';
import { INTERRUPTED, sendIssue, sendPendingMails } from './sending.ts';
import {
  confirmSignup,
  signUp,
  subscribeAccount,
  unsubscribeAccount,
  unsubscribeByLink,
} from './subscribers.ts';
import { confirmationToken, unsubscribeToken } from './tokens.ts';

const SECRET = 'a-test-secret-of-enough-length-for-hmac-signing';
const NOW = new Date('2026-05-04T08:00:00Z');
const HOUR = 3_600_000;
const links: NewsletterLinks = {
  unsubscribe: (lang, token) =>
    `https://klynge.test/${lang === 'en' ? 'en/newsletter/unsubscribe' : 'nyhedsbrev/afmeld'}/${token}`,
  archived: (_lang, id) => `https://klynge.test/nyhedsbrev/arkiv/${id}`,
  unsubscribeMailbox: 'nyhedsbrev@klynge.test',
};
const logger = createLogger(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));

let database: Database;
let editor: Caller;
const enqueued: unknown[] = [];
/** The queue's side of sending: what was queued is recorded; the test runs the job itself. */
const jobs = {
  enqueue: async (_kind: string, data: Record<string, unknown>) => {
    enqueued.push(data);
    return 'job';
  },
};

/** A visitor's sign-up, confirmed by its link unless `confirm` is false. */
async function externalSubscriber(email: string, interests: string[], confirm = true) {
  const pending = await signUp(database.db, { email, name: '', interests }, 'da', NOW);
  if (!pending) throw new Error('no sign-up');
  if (confirm)
    await confirmSignup(database.db, SECRET, confirmationToken(SECRET, pending.subscriberId, NOW), NOW);
  return pending.subscriberId;
}

async function subscribedUser(
  role: 'cluster_staff' | 'company_user' | 'funder',
  organisationId?: string,
  interests: string[] = [],
) {
  const { user, caller } = await createUserAndCaller(
    database.db,
    role,
    organisationId ? { organisationId } : {},
  );
  await subscribeAccount(database.db, caller, { interests }, NOW);
  return { user, caller };
}

let clusterStaff: Caller;
beforeAll(async () => {
  database = await createTestDatabase();
  editor = (await createUserAndCaller(database.db, 'support_staff')).caller;
  const odense = await createCluster(database.db, {
    cvr: randomCvr(),
    name: 'Fyn-klyngen',
    slug: 'fyn',
    municipalityCode: 461,
  });
  const capital = await createCluster(database.db, {
    cvr: randomCvr(),
    name: 'Byklyngen',
    slug: 'by',
    municipalityCode: 101,
  });
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.update(clusters).set({ league: 'world_class' }).where(eq(clusters.organisationId, capital.id)),
  );
  // Receiving: two cluster staff, a company user, a funder, two confirmed visitors (6).
  clusterStaff = (await subscribedUser('cluster_staff', odense.id, ['energy'])).caller;
  await subscribedUser('cluster_staff', capital.id);
  await subscribedUser('company_user');
  await subscribedUser('funder');
  await externalSubscriber('ext1@example.dk', ['energy']);
  await externalSubscriber('ext2@example.dk', ['energy', 'water']);
  // Not receiving: an unconfirmed sign-up, an unsubscribed visitor, a user who never subscribed.
  await externalSubscriber('pending@example.dk', ['energy'], false);
  const gone = await externalSubscriber('gone@example.dk', ['energy']);
  await unsubscribeByLink(database.db, SECRET, unsubscribeToken(SECRET, gone), NOW);
  await createUser(database.db, 'cluster_staff', { organisationId: odense.id });
});
afterAll(async () => {
  await database?.close();
});

describe('segments', () => {
  // Expected by hand from the subscribers made above.
  it.each([
    ['all', null, 6],
    ['role', 'cluster_staff', 2],
    ['role', 'funder', 1],
    ['league', 'world_class', 1],
    ['league', 'regional', 1],
    ['region', '1083', 1],
    ['region', '1084', 1],
    ['region', '1081', 0],
    ['theme', 'energy', 3],
    ['theme', 'water', 1],
    ['companies', null, 1],
    ['external', null, 2],
  ] as const)('%s %s reaches %i confirmed subscribers', async (segment, segmentValue, expected) => {
    expect(await countRecipients(database.db, { segment, segmentValue })).toBe(expected);
  });

  it('the draft page counts its segment', async () => {
    const id = await createIssue(
      database.db,
      editor,
      { subject: 'Energi', body: 'Nyt om energi i klyngerne.', segment: 'theme', segmentValue: 'energy' },
      NOW,
    );
    const issue = await issueForEditor(database.db, editor, id);
    expect(issue.recipients).toBe(3);
    expect(issue.status).toBe('draft');
  });
});

describe('subscribing', () => {
  it('a sign-up receives nothing until its link is opened, and a second sign-up of a receiving address is ignored', async () => {
    const before = await countRecipients(database.db, { segment: 'external', segmentValue: null });
    const pending = await signUp(
      database.db,
      { email: ' New@Example.dk ', name: 'Ny Læser', interests: 'water' },
      'en',
      NOW,
    );
    expect(pending).toMatchObject({ email: 'new@example.dk', name: 'Ny Læser', lang: 'en' });
    expect(await countRecipients(database.db, { segment: 'external', segmentValue: null })).toBe(before);
    await confirmSignup(
      database.db,
      SECRET,
      confirmationToken(SECRET, pending?.subscriberId ?? '', NOW),
      new Date(NOW.getTime() + 47 * HOUR),
    );
    expect(await countRecipients(database.db, { segment: 'external', segmentValue: null })).toBe(before + 1);
    const [row] = await database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'new@example.dk'));
    expect(row).toMatchObject({ source: 'signup', consentedAt: NOW, interests: ['water'] });
    expect(await signUp(database.db, { email: 'new@example.dk', interests: [] }, 'da', NOW)).toBeNull();
  });

  it('a confirmation link expires after 48 hours, and a forged one names nobody', async () => {
    const pending = await signUp(database.db, { email: 'late@example.dk', interests: [] }, 'da', NOW);
    const token = confirmationToken(SECRET, pending?.subscriberId ?? '', NOW);
    await expectAppError(
      confirmSignup(database.db, SECRET, token, new Date(NOW.getTime() + 48 * HOUR)),
      'conflict',
    );
    await expectAppError(confirmSignup(database.db, 'another-secret', token, NOW), 'not_found');
    await expectAppError(confirmSignup(database.db, SECRET, `${token}x`, NOW), 'not_found');
    const [row] = await database.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'late@example.dk'));
    expect(row?.confirmedAt).toBeNull();
  });

  it('bad input is refused by field', async () => {
    await expectAppError(
      signUp(database.db, { email: 'not an address', interests: [] }, 'da', NOW),
      'validation',
    );
    await expectAppError(
      signUp(database.db, { email: 'x@example.dk', interests: ['nonsense'] }, 'da', NOW),
      'validation',
    );
  });

  it('a user unsubscribes from the account and is out of every segment', async () => {
    const { caller } = await subscribedUser('funder');
    expect(await countRecipients(database.db, { segment: 'role', segmentValue: 'funder' })).toBe(2);
    await unsubscribeAccount(database.db, caller, NOW);
    expect(await countRecipients(database.db, { segment: 'role', segmentValue: 'funder' })).toBe(1);
  });

  it('only a person subscribes from an account', async () => {
    await expectAppError(
      subscribeAccount(database.db, roleCaller('funder'), { interests: [] }, NOW),
      'forbidden',
    );
  });
});

describe('the support function alone writes and sends issues', () => {
  it('others are refused', async () => {
    const input = { subject: 'Hej', body: 'En tekst på mere end ti tegn.', segment: 'all' };
    await expectAppError(createIssue(database.db, clusterStaff, input, NOW), 'forbidden');
    await expectAppError(createIssue(database.db, roleCaller('funder'), input, NOW), 'forbidden');
    const id = await createIssue(database.db, editor, input, NOW);
    await expectAppError(updateIssue(database.db, clusterStaff, id, input, NOW), 'forbidden');
    await expectAppError(issueForEditor(database.db, clusterStaff, id), 'forbidden');
    await expectAppError(sendIssue(database.db, jobs, clusterStaff, id, NOW), 'forbidden');
  });

  it('a segment that needs a value is refused without one', async () => {
    await expectAppError(
      createIssue(
        database.db,
        editor,
        { subject: 'Hej', body: 'En tekst på mere end ti tegn.', segment: 'role', segmentValue: '' },
        NOW,
      ),
      'validation',
    );
    await expectAppError(
      createIssue(
        database.db,
        editor,
        { subject: 'Hej', body: 'En tekst på mere end ti tegn.', segment: 'region', segmentValue: '9999' },
        NOW,
      ),
      'validation',
    );
  });
});

describe('sending', () => {
  it('sends in batches, resumes after a stop without sending twice, logs failures and carries one-click unsubscribe', async () => {
    const smtp = await startSmtpServer({ refuse: new Set(['ext2@example.dk']) });
    try {
      const deps = { db: database.db, mailer: smtp.mailer, logger };
      const segment = { segment: 'all' as const, segmentValue: null };
      const expected = await countRecipients(database.db, segment);
      const id = await createIssue(
        database.db,
        editor,
        { subject: 'Nyhedsbrev maj', body: '# Maj\n\nNyt fra **supporten**.', ...segment },
        NOW,
      );
      await sendIssue(database.db, jobs, editor, id, NOW);
      expect(enqueued.at(-1)).toEqual({ issueId: id });
      await expectAppError(
        updateIssue(
          database.db,
          editor,
          id,
          { subject: 'Ændret', body: 'En anden tekst her.', ...segment },
          NOW,
        ),
        'conflict',
      );
      // A run stopped after its first batch, then the job again (after a restart), then once more.
      const ctx = { now: NOW, secret: SECRET, links, batchSize: 3 };
      const first = await sendPendingMails(deps, id, { ...ctx, maxBatches: 1 });
      expect(first.sent + first.failed).toBe(3);
      expect((await issueForEditor(database.db, editor, id)).progress).toEqual({ total: expected, ...first });
      const rest = await sendPendingMails(deps, id, ctx);
      expect(first.sent + rest.sent).toBe(expected - 1);
      expect(first.failed + rest.failed).toBe(1);
      expect(await sendPendingMails(deps, id, ctx)).toEqual({ sent: 0, failed: 0 });
      const addresses = smtp.received.flatMap((m) => m.to);
      expect(addresses).toHaveLength(expected - 1);
      expect(new Set(addresses).size).toBe(expected - 1);
      const issue = await issueForEditor(database.db, editor, id);
      expect(issue).toMatchObject({
        status: 'sent',
        progress: { total: expected, sent: expected - 1, failed: 1 },
      });
      const [failure] = await queryRows<{ error: string }>(
        database.db,
        sql`select error from newsletter_deliveries where issue_id = ${id} and status = 'failed'`,
      );
      expect(failure?.error).toMatch(/550/);
      await expectAppError(sendIssue(database.db, jobs, editor, id, NOW), 'conflict');
      // The headers of RFC 2369 and RFC 8058, with the recipient's own link.
      const mail = smtp.received.find((m) => m.to.includes('ext1@example.dk'));
      const text = readableMail(mail?.data ?? '');
      const [, token] = /<https:\/\/klynge\.test\/nyhedsbrev\/afmeld\/([^>]+)>/.exec(text) ?? [];
      expect(text).toMatch(
        /^List-Unsubscribe:\s+<https:\/\/klynge\.test\/nyhedsbrev\/afmeld\/[^>]+>,\s+<mailto:nyhedsbrev@klynge\.test\?subject=unsubscribe%20/m,
      );
      expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(text).toContain('Nyt fra **supporten**.');
      const before = await countRecipients(database.db, segment);
      await unsubscribeByLink(database.db, SECRET, token ?? '', NOW);
      await unsubscribeByLink(database.db, SECRET, token ?? '', NOW);
      expect(await countRecipients(database.db, segment)).toBe(before - 1);
      await expectAppError(unsubscribeByLink(database.db, SECRET, `${token}x`, NOW), 'not_found');
      // In the public archive now; a draft is not.
      expect((await archive(database.db)).map((i) => i.id)).toContain(id);
      expect((await archivedIssue(database.db, id)).subject).toBe('Nyhedsbrev maj');
    } finally {
      await smtp.close();
    }
  });

  it('a mail a stopped run had claimed is recorded as failed, not sent again', async () => {
    const smtp = await startSmtpServer();
    try {
      const segment = { segment: 'companies' as const, segmentValue: null };
      const id = await createIssue(
        database.db,
        editor,
        { subject: 'Til virksomheder', body: 'Kun til virksomheder.', ...segment },
        NOW,
      );
      await sendIssue(database.db, jobs, editor, id, NOW);
      await withActor(database.db, systemActor('test'), (tx) =>
        tx.execute(sql`update newsletter_deliveries set status = 'claimed' where issue_id = ${id}`),
      );
      const deps = { db: database.db, mailer: smtp.mailer, logger };
      expect(await sendPendingMails(deps, id, { now: NOW, secret: SECRET, links })).toEqual({
        sent: 0,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(0);
      const [row] = await queryRows<{ status: string; error: string }>(
        database.db,
        sql`select status, error from newsletter_deliveries where issue_id = ${id}`,
      );
      expect(row).toEqual({ status: 'failed', error: INTERRUPTED });
      await expectAppError(
        archivedIssue(
          database.db,
          await createIssue(
            database.db,
            editor,
            { subject: 'Kladde', body: 'Endnu ikke sendt.', ...segment },
            NOW,
          ),
        ),
        'not_found',
      );
    } finally {
      await smtp.close();
    }
  });

  it('a segment without recipients is not sent', async () => {
    const id = await createIssue(
      database.db,
      editor,
      { subject: 'Tom', body: 'Til ingen overhovedet.', segment: 'region', segmentValue: '1081' },
      NOW,
    );
    await expectAppError(sendIssue(database.db, jobs, editor, id, NOW), 'conflict');
    expect((await issueForEditor(database.db, editor, id)).status).toBe('draft');
  });
});

describe('retention', () => {
  const addresses = async () =>
    (await database.db.select({ email: newsletterSubscribers.email }).from(newsletterSubscribers)).map(
      (r) => r.email,
    );
  const rules = RETENTION_RULES.filter((r) => r.kind.startsWith('newsletter'));
  const at = (days: number) => ({
    now: new Date(NOW.getTime() + days * 24 * HOUR + 60_000),
    sessionIdleMinutes: 30,
  });

  it('removes sign-ups never confirmed after 7 days and unsubscribed addresses after 30', async () => {
    await applyRetention(database.db, at(6), rules);
    expect(await addresses()).toEqual(expect.arrayContaining(['pending@example.dk', 'gone@example.dk']));
    await applyRetention(database.db, at(7), rules);
    const week = await addresses();
    expect(week).not.toContain('pending@example.dk');
    expect(week).not.toContain('late@example.dk');
    expect(week).toEqual(expect.arrayContaining(['gone@example.dk', 'ext2@example.dk', 'new@example.dk']));
    await applyRetention(database.db, at(30), rules);
    const month = await addresses();
    expect(month).not.toContain('gone@example.dk');
    expect(month).toEqual(expect.arrayContaining(['ext2@example.dk', 'new@example.dk']));
  });
});
