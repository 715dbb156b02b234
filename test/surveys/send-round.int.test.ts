/**
 * The survey owner's page tells how the last round of e-mails went, counted from the invitations
 * and the `survey-mails` job: queued, sent, and not sent with what happens next (an admin gets
 * the link to the jobs page, others are told an admin can send them again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { addUploadedAudience } from '../../src/domain/surveys/audiences.ts';
import { surveyOverview } from '../../src/domain/surveys/listing.ts';
import { sendInvitations } from '../../src/domain/surveys/sending.ts';
import { createSurvey, publishSurvey } from '../../src/domain/surveys/surveys.ts';
import { createJobQueue } from '../../src/jobs/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { createCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';
import { startSmtpServer } from '../support/smtp.ts';

const REFUSED = 'lukket-postkasse@firma.example';

describe(`the last round of a survey's e-mails on ${testDriver()}`, () => {
  let database: Database;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const refuse = new Set([REFUSED]);
  let support: Caller & { email: string };
  let owner: Client;
  let admin: Client;

  /** A published survey with three recipients from a list, one of them at an address SMTP refuses. */
  async function surveyToThree(): Promise<string> {
    const now = new Date();
    const id = await createSurvey(
      database.db,
      support,
      {
        titleDa: 'Evaluering',
        titleEn: 'Evaluation',
        anonymous: 'on',
        resultsAudience: 'owners',
        closesOn: '2099-12-31',
        start: 'template:event_evaluation',
      },
      now,
    );
    await publishSurvey(database.db, support, id, now);
    const list = `email\na-${id}@firma.example\nb-${id}@firma.example\n${REFUSED}\n`;
    const added = await addUploadedAudience(database.db, support, id, new TextEncoder().encode(list));
    expect(added.result?.added).toBe(3);
    return id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer({ refuse });
    // No retries: a round that cannot send every mail fails at once.
    t = createTestApp(database, { SMTP_URL: smtp.url, JOB_RETRY_LIMIT: '0' });
    const org = await createOrganisation(database.db, { kind: 'support_function' });
    support = await createCaller(database.db, 'support_staff', { organisationId: org.id });
    owner = await signedInClient(t.app, support.email);
    admin = await signedInClient(t.app, (await createCaller(database.db, 'admin')).email);
  }, 60_000);

  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it('is queued, with nothing sent, until a worker takes the job', async () => {
    const id = await surveyToThree();
    expect((await surveyOverview(database.db, support, id, new Date())).lastRound).toBeNull();
    // A queue with no workers: the job waits as it would until a worker is free. The app's
    // worker takes it in the next test; it fails at once there, as the app's jobs do.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOB_RETRY_LIMIT: '0' });
    const idleQueue = createJobQueue(database, createLogger(config), config.jobs);
    const round = new Date();
    try {
      await sendInvitations(database.db, idleQueue, support, id, round);
      expect((await surveyOverview(database.db, support, id, new Date())).lastRound).toEqual({
        kind: 'invitation',
        round,
        state: 'queued',
        sent: 0,
        unsent: 3,
      });
      const page = await owner.get(`/support/undersoegelser/${id}`);
      expect(page.html).toContain('i kø og ved at blive sendt; 0 sendt indtil videre.');
    } finally {
      await idleQueue.stop();
    }
  });

  it('counts the mails sent and those refused; the admin gets the way to send them again', async () => {
    const id = await surveyToThree();
    const path = `/support/undersoegelser/${id}`;
    expect((await owner.get(path)).html).not.toContain('id="last-round"');
    expect((await owner.post(`${path}/send`, {})).res.status).toBe(303);
    await t.deps.jobs.idle();
    const seenByOwner = (await owner.get(path)).html;
    expect(seenByOwner).toContain('2 sendt, 1 kunne ikke sendes.');
    expect(seenByOwner).toContain('Nogle e-mails kunne ikke sendes. En administrator kan sende dem igen.');
    expect(seenByOwner).not.toContain('href="/admin/jobber"');
    const seenByAdmin = (await admin.get(path)).html;
    expect(seenByAdmin).toContain('2 sendt, 1 kunne ikke sendes.');
    expect(seenByAdmin).toContain('<a href="/admin/jobber">Send dem igen under Jobs</a>');
    const inEnglish = (await owner.get(`/en/support/surveys/${id}`)).html;
    expect(inEnglish).toContain('2 sent, 1 could not be sent.');

    // The mailbox opens; a new round sends the one left, and counts only its own mails.
    refuse.clear();
    await owner.get(path);
    expect((await owner.post(`${path}/send`, {})).res.status).toBe(303);
    await t.deps.jobs.idle();
    const after = (await owner.get(path)).html;
    expect(after).toMatch(/Seneste udsendelse af invitationer \([^)]*\): 1 sendt\./);
    expect(after).not.toContain('kunne ikke sendes');
  });
});
