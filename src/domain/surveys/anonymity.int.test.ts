/**
 * Anonymous surveys store no link between an answer and the person who gave it (docs/surveys.md):
 * proved on the schema (no foreign-key path from a response or its answers to an invitation, a
 * token, a draft, a contact, a company or a user) and on the rows an answer leaves behind.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { asSystem } from '../../../test/surveys/fixture.ts';
import { type Database, queryRows } from '../../db/client.ts';
import type { Mailer, MailMessage } from '../../mail/mailer.ts';
import { addUploadedAudience } from './audiences.ts';
import { saveAnswers, submitResponse } from './responding.ts';
import { sendSurveyMails } from './sending.ts';
import { createSurvey, publishSurvey } from './surveys.ts';

/** Tables that know who someone is: none may be reachable from a response. */
const WHO = [
  'survey_invitations',
  'survey_tokens',
  'survey_drafts',
  'survey_opt_outs',
  'company_contacts',
  'companies',
  'participations',
  'users',
  'memberships',
  'sessions',
];

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Every table reachable from `start` by following foreign keys from the referencing column. */
async function reachableFrom(start: string[]): Promise<Set<string>> {
  const edges = await queryRows<{ source: string; target: string }>(
    database.db,
    sql`select c.conrelid::regclass::text as source, c.confrelid::regclass::text as target
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const seen = new Set(start);
  const queue = [...start];
  for (let table = queue.shift(); table !== undefined; table = queue.shift())
    for (const e of edges)
      if (e.source === table && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
  return seen;
}

/** A mailer that keeps what it sends: the tokens are in the mails only. */
function keepingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { outbox: [], sent, send: async (m) => void sent.push(m) };
}

async function answeredSurvey(anonymous: boolean) {
  const now = new Date();
  const org = await createOrganisation(database.db, { kind: 'support_function' });
  const owner = await createCaller(database.db, 'support_staff', { organisationId: org.id });
  const id = await createSurvey(
    database.db,
    owner,
    {
      titleDa: 'Anonymitet',
      titleEn: 'Anonymity',
      anonymous: anonymous ? 'on' : '',
      resultsAudience: 'owners',
      closesOn: '2099-01-01',
      start: 'template:event_evaluation',
    },
    now,
  );
  await publishSurvey(database.db, owner, id, now);
  await addUploadedAudience(
    database.db,
    owner,
    id,
    new TextEncoder().encode('email,name\nanne@example.dk,Anne Andersen\nbo@example.dk,Bo Berg\n'),
  );
  const mailer = keepingMailer();
  const links = {
    answer: (_: 'da' | 'en', t: string) => `https://x/undersoegelser/${t}`,
    optOut: () => 'https://x/o',
  };
  // What the survey-mails job does once the owner has pressed send.
  await sendSurveyMails({ db: database.db, mailer, logger: { warn() {} } as never }, id, 'invitation', {
    now,
    links,
    actor: owner.actor,
  });
  const mail = mailer.sent.find((m) => m.to === 'anne@example.dk');
  const token = /undersoegelser\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] as string;
  await saveAnswers(
    database.db,
    token,
    1,
    { 'q-overall': '5', 'q-relevance': '4', 'q-new_contacts': 'no' },
    'next',
    now,
  );
  await saveAnswers(database.db, token, 2, { 'q-recommend': 'yes', 'q-improve': 'Mere kaffe' }, 'next', now);
  expect((await submitResponse(database.db, token, now)).issues).toEqual([]);
  return { id, token };
}

describe(`anonymous responses on ${testDriver()}`, () => {
  it('have no foreign-key path to an invitation, a token, a draft or anyone’s identity', async () => {
    const reachable = await reachableFrom(['survey_responses', 'survey_answers']);
    expect([...reachable].sort()).toEqual([
      'municipalities',
      'organisations',
      'questionnaire_versions',
      'questionnaires',
      'regions',
      'survey_answers',
      'survey_responses',
      'surveys',
    ]);
    for (const table of WHO) expect(reachable.has(table)).toBe(false);
  });

  it('leave rows in which no value is found in the invitation, its tokens or an audit entry of either', async () => {
    const { id } = await answeredSurvey(true);
    const [response] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from survey_responses where survey_id = ${id}`,
    );
    expect(response?.respondent_email).toBeNull();
    expect(response?.respondent_name).toBeNull();
    expect(response?.respondent_cvr).toBeNull();
    expect(response?.submitted_at).toBeNull();
    // The values that could identify the response: its id and its edit key.
    for (const value of [response?.id, response?.edit_key] as string[]) {
      const [found] = await queryRows<{ n: number }>(
        database.db,
        sql`select (select count(*) from survey_invitations i where i::text like '%' || ${value} || '%')
                 + (select count(*) from survey_tokens t where t::text like '%' || ${value} || '%')
                 + (select count(*) from audit_log a where a.after::text like '%' || ${value} || '%'
                                                     or a.before::text like '%' || ${value} || '%') as n`,
      );
      expect(found?.n).toBe(0);
    }
    const audited = await queryRows<{ entity: string }>(
      database.db,
      sql`select distinct entity from audit_log
          where entity in ('survey_responses', 'survey_answers', 'survey_drafts', 'survey_tokens')`,
    );
    expect(audited).toEqual([]);
    const [drafts] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from survey_drafts`,
    );
    expect(drafts?.n).toBe(0);
  });

  it('cannot be given a respondent afterwards: the database refuses it', async () => {
    const { id } = await answeredSurvey(true);
    const change = asSystem(
      database.db,
      sql`update survey_responses set respondent_email = 'anne@example.dk' where survey_id = ${id}`,
    );
    const error = await change.then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(error?.cause?.message ?? error?.message).toMatch(/survey_responses_anonymous_has_no_respondent/);
  });

  it('keep who answered only in a named survey, as plain values', async () => {
    const { id } = await answeredSurvey(false);
    const rows = await queryRows<{ respondent_email: string; respondent_name: string }>(
      database.db,
      sql`select respondent_email, respondent_name from survey_responses where survey_id = ${id}`,
    );
    expect(rows).toEqual([{ respondent_email: 'anne@example.dk', respondent_name: 'Anne Andersen' }]);
  });
});
