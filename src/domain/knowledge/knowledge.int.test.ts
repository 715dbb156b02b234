import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { search } from '../search/queries.ts';
import { searchQuery } from '../search/schemas.ts';
import {
  createKnowledgeItem,
  knowledgeItemBySlug,
  knowledgeItemToEdit,
  knowledgeList,
  updateKnowledgeItem,
} from './items.ts';
import { addTemplateVersion, templateChangelog, templateFile } from './versions.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-04-10T12:00:00Z');

/** The smallest file a PDF reader and the type check both take as a PDF. */
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer<<>>\n%%EOF\n`);
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

const item = (over: Record<string, string> = {}) => ({
  kind: 'template',
  topic: 'ipr',
  access: 'public',
  titleDa: 'Fortrolighedsaftale (NDA)',
  titleEn: 'Non-disclosure agreement (NDA)',
  summaryDa: 'En gensidig fortrolighedsaftale mellem klyngen og en virksomhed.',
  summaryEn: 'A mutual non-disclosure agreement between the cluster and a company.',
  bodyDa: 'Brug aftalen **før** I deler fortrolige oplysninger.',
  bodyEn: 'Use the agreement **before** you share confidential information.',
  ...over,
});

const inSearch = (text: string, lang: 'da' | 'en' = 'da') =>
  search(database.db, searchQuery.parse({ q: text, type: 'knowledge' }), {
    now: LATER,
    today: '2026-04-10',
    lang,
  });

describe(`the knowledge base (${testDriver()})`, () => {
  it('support staff publish a template in versions: every version stays downloadable with what changed, newest first', async () => {
    const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
    const staff = await createCaller(database.db, 'support_staff', { organisationId: supportFunction.id });
    const { slug, kind } = await createKnowledgeItem(database.db, staff, item(), NOW);
    expect([slug, kind]).toEqual(['fortrolighedsaftale-nda', 'template']);

    const first = pdf('version one');
    const second = pdf('version two, with a clause on students');
    expect(
      await addTemplateVersion(
        database.db,
        staff,
        slug,
        { name: '../NDA "udkast".pdf', bytes: first },
        { changesDa: 'Første udgave.', changesEn: 'First edition.' },
        NOW,
      ),
    ).toEqual({ version: 1 });
    expect(
      await addTemplateVersion(
        database.db,
        staff,
        slug,
        { name: 'nda.pdf', bytes: second },
        { changesDa: 'Nyt afsnit om studerende.', changesEn: 'New section on students.' },
        LATER,
      ),
    ).toEqual({ version: 2 });

    const page = await knowledgeItemBySlug(database.db, null, slug);
    expect(
      (await templateChangelog(database.db, page.id)).map((v) => [v.version, v.changesDa, v.sizeBytes]),
    ).toEqual([
      [2, 'Nyt afsnit om studerende.', second.byteLength],
      [1, 'Første udgave.', first.byteLength],
    ]);
    const old = await templateFile(database.db, null, slug, 1);
    expect(old.fileName).toBe('NDA _udkast_.pdf');
    expect(old.mediaType).toBe('application/pdf');
    expect(Buffer.from(old.content).equals(Buffer.from(first))).toBe(true);
    expect(
      Buffer.from((await templateFile(database.db, null, slug, 2)).content).equals(Buffer.from(second)),
    ).toBe(true);
    await expectAppError(templateFile(database.db, null, slug, 3), 'not_found');

    const listed = (await knowledgeList(database.db, null)).find((i) => i.slug === slug);
    expect(listed?.latestVersion).toBe(2);

    // The audit log records each upload, with the file itself written as "redacted".
    const audited = await queryRows<{ action: string; content: string; size: number }>(
      database.db,
      sql`select action, after->>'content' as content, (after->>'size_bytes')::int as size
          from audit_log where entity = 'template_versions' order by id`,
    );
    expect(audited).toEqual([
      { action: 'insert', content: 'redacted', size: first.byteLength },
      { action: 'insert', content: 'redacted', size: second.byteLength },
    ]);
  });

  it('refuses a file that is not a document, an empty file, a missing "what changed", and an article upload', async () => {
    const staff = await createCaller(database.db, 'support_staff');
    const { slug } = await createKnowledgeItem(
      database.db,
      staff,
      item({ titleDa: 'Samarbejdsaftale' }),
      NOW,
    );
    const changes = { changesDa: 'Første udgave.', changesEn: 'First edition.' };
    const upload = (bytes: Uint8Array, input: Record<string, string> = changes, to = slug) =>
      addTemplateVersion(database.db, staff, to, { name: 'fil.pdf', bytes }, input, NOW);
    await expect(upload(PNG)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'file', message: 'type' }],
    });
    await expect(upload(new TextEncoder().encode('just text'))).rejects.toMatchObject({
      issues: [{ field: 'file', message: 'type' }],
    });
    await expect(upload(new Uint8Array())).rejects.toMatchObject({
      issues: [{ field: 'file', message: 'missing' }],
    });
    await expect(upload(pdf('x'), { changesDa: '', changesEn: 'x' })).rejects.toMatchObject({
      code: 'validation',
      issues: [
        { field: 'changesDa', message: 'required' },
        { field: 'changesEn', message: 'required' },
      ],
    });
    const article = await createKnowledgeItem(
      database.db,
      staff,
      item({ kind: 'article', titleDa: 'Sådan skriver I en samarbejdsaftale' }),
      NOW,
    );
    await expectAppError(upload(pdf('x'), changes, article.slug), 'not_found');
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from template_versions v join knowledge_items k on k.id = v.item_id where k.slug = ${slug}`,
    );
    expect(n).toBe(0);
  });

  it('an item for signed-in users is read by anyone signed in, never by a visitor, and is not in the public search', async () => {
    const staff = await createCaller(database.db, 'support_staff');
    const { slug } = await createKnowledgeItem(
      database.db,
      staff,
      item({
        access: 'signed_in',
        titleDa: 'Tidsregistrering til medfinansiering',
        titleEn: 'Time registration for co-financing',
        summaryDa: 'Skema til timeregistrering af virksomheders medfinansiering i kroner.',
        summaryEn: 'A sheet for recording the hours companies put in as co-financing.',
      }),
      NOW,
    );
    await addTemplateVersion(
      database.db,
      staff,
      slug,
      { name: 'timer.pdf', bytes: pdf('timer') },
      { changesDa: 'Første udgave.', changesEn: 'First edition.' },
      NOW,
    );
    const companyUser = roleCaller('company_user').principal;
    await expectAppError(knowledgeItemBySlug(database.db, null, slug), 'unauthenticated');
    await expectAppError(templateFile(database.db, null, slug, 1), 'unauthenticated');
    expect((await knowledgeItemBySlug(database.db, companyUser, slug)).titleEn).toBe(
      'Time registration for co-financing',
    );
    expect((await templateFile(database.db, companyUser, slug, 1)).mediaType).toBe('application/pdf');
    expect((await knowledgeList(database.db, null)).map((i) => i.slug)).not.toContain(slug);
    expect((await knowledgeList(database.db, companyUser)).map((i) => i.slug)).toContain(slug);
    expect((await inSearch('tidsregistrering')).counts.knowledge ?? 0).toBe(0);

    // Made public, it is in the search by its Danish and its English words.
    await updateKnowledgeItem(
      database.db,
      staff,
      slug,
      {
        ...item({ access: 'public' }),
        titleDa: 'Tidsregistrering til medfinansiering',
        titleEn: 'Time registration for co-financing',
        summaryDa: 'Skema til timeregistrering af virksomheders medfinansiering i kroner.',
        summaryEn: 'A sheet for recording the hours companies put in as co-financing.',
      },
      LATER,
    );
    expect((await inSearch('tidsregistrering')).hits.map((h) => [h.kind, h.slug])).toEqual([
      ['knowledge', slug],
    ]);
    expect((await inSearch('co-financing', 'en')).hits.map((h) => h.slug)).toEqual([slug]);
  });

  it('only those who keep the knowledge base write it', async () => {
    const staff = await createCaller(database.db, 'support_staff');
    const { slug } = await createKnowledgeItem(
      database.db,
      staff,
      item({ titleDa: 'Forretningsorden for bestyrelsen' }),
      NOW,
    );
    const changes = { changesDa: 'Første udgave.', changesEn: 'First edition.' };
    for (const role of ['cluster_staff', 'funder', 'company_user'] as const) {
      const outsider = roleCaller(role);
      await expectAppError(createKnowledgeItem(database.db, outsider, item(), NOW), 'forbidden');
      await expectAppError(updateKnowledgeItem(database.db, outsider, slug, item(), NOW), 'forbidden');
      await expectAppError(knowledgeItemToEdit(database.db, outsider, slug), 'forbidden');
      await expectAppError(
        addTemplateVersion(database.db, outsider, slug, { name: 'f.pdf', bytes: pdf('x') }, changes, NOW),
        'forbidden',
      );
    }
    const admin = roleCaller('admin');
    expect((await knowledgeItemToEdit(database.db, admin, slug)).titleDa).toBe(
      'Forretningsorden for bestyrelsen',
    );
  });
});
