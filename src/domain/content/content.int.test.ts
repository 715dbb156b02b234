import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, posts } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../policy/policy.ts';
import { createEvent, createPost, updateEvent, updatePost } from './commands.ts';
import {
  draftPosts,
  eventToEdit,
  listPublishedEvents,
  listPublishedPosts,
  postToEdit,
  publishedEvent,
  viewableEvent,
  viewablePost,
} from './queries.ts';
import { eventFilter, eventForm, postForm } from './schemas.ts';

const NOW = new Date('2027-01-15T12:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function editor(role: Role, organisationId?: string): Promise<Caller> {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return {
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
  };
}

const post = (organisationId: string, title: string, intent = 'publish') =>
  postForm.parse({ organisationId, lang: 'da', title, summary: '', body: '', intent });

describe('posts', () => {
  it('gives concurrent posts with the same title different slugs', async () => {
    const org = await createOrganisation(database.db);
    const staff = await editor('cluster_staff', org.id);
    const results = await Promise.all(
      [1, 2, 3].map(() => createPost(database.db, staff, 'news', post(org.id, 'Samme titel'), NOW)),
    );
    expect(results.map((r) => r.slug).sort()).toEqual(['samme-titel', 'samme-titel-2', 'samme-titel-3']);
  });

  it('pages the public list and leaves out drafts and posts scheduled for later', async () => {
    const org = await createOrganisation(database.db);
    const staff = await editor('cluster_staff', org.id);
    for (let i = 1; i <= 12; i++)
      await createPost(database.db, staff, 'news', post(org.id, `Nyhed ${i}`), hours(-i));
    await createPost(database.db, staff, 'news', post(org.id, 'Kladde', 'draft'), NOW);
    await createPost(database.db, staff, 'news', post(org.id, 'Senere'), hours(5));
    const first = await listPublishedPosts(database.db, 'news', { organisation: org.id, page: 1 }, NOW);
    expect(first).toMatchObject({ total: 12, pages: 2, page: 1 });
    expect(first.items.map((p) => p.title).slice(0, 2)).toEqual(['Nyhed 1', 'Nyhed 2']);
    const second = await listPublishedPosts(database.db, 'news', { organisation: org.id, page: 2 }, NOW);
    expect(second.items.map((p) => p.title)).toEqual(['Nyhed 11', 'Nyhed 12']);
    // A scheduled post is its editors' until it is due; a visitor does not see it.
    expect(await viewablePost(database.db, staff.principal, 'news', 'senere', NOW)).toMatchObject({
      publishedAt: hours(5),
      isPublic: false,
      editable: true,
    });
    expect(await viewablePost(database.db, null, 'news', 'senere', NOW)).toBeNull();
    expect(await viewablePost(database.db, null, 'news', 'senere', hours(6))).toMatchObject({
      isPublic: true,
    });
  });

  it("refuses an edit of another cluster's post and writes nothing", async () => {
    const [a, b] = [await createOrganisation(database.db), await createOrganisation(database.db)];
    const owner = await editor('cluster_staff', a.id);
    const { slug } = await createPost(database.db, owner, 'success_story', post(a.id, 'Historie fra A'), NOW);
    const intruder = await editor('cluster_staff', b.id);
    const before = await database.db.$count(auditLog);
    const attempt = updatePost(database.db, intruder, 'success_story', slug, post(a.id, 'Ændret'), NOW);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(await database.db.$count(auditLog)).toBe(before);
    expect((await database.db.select().from(posts).where(eq(posts.slug, slug)))[0]?.title).toBe(
      'Historie fra A',
    );
  });
});

describe('events', () => {
  it('keeps an event under way among the upcoming, and refuses an unknown municipality', async () => {
    const org = await createOrganisation(database.db);
    const staff = await editor('support_staff', org.id);
    const fields = {
      organisationId: org.id,
      lang: 'da',
      title: 'I gang nu',
      intent: 'publish',
      startDate: '2027-01-15',
      startTime: '09:00',
      endDate: '2027-01-15',
      endTime: '16:00',
    };
    await createEvent(database.db, staff, eventForm.parse(fields), hours(-48));
    const upcoming = await listPublishedEvents(database.db, eventFilter.parse({ organisation: org.id }), NOW);
    expect(upcoming.items.map((e) => e.title)).toEqual(['I gang nu']);
    const error = await createEvent(
      database.db,
      staff,
      eventForm.parse({ ...fields, municipalityCode: '998' }),
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([{ field: 'municipalityCode', message: 'invalid' }]);
  });
});

describe('every command and read of content refuses a caller its rules do not allow', () => {
  it('refuses with forbidden and writes nothing', async () => {
    const db = database.db;
    const [own, other] = [await createOrganisation(db), await createOrganisation(db)];
    const staff = await editor('cluster_staff', own.id);
    const { slug: postSlug } = await createPost(db, staff, 'news', post(own.id, 'Egen nyhed'), NOW);
    const event = eventForm.parse({
      organisationId: own.id,
      lang: 'da',
      title: 'Eget arrangement',
      startDate: '2027-02-01',
      startTime: '10:00',
      endDate: '2027-02-01',
      endTime: '12:00',
    });
    const { slug: eventSlug } = await createEvent(db, staff, event, NOW);
    const outsiders = {
      otherCluster: await editor('cluster_staff', other.id),
      funder: await editor('funder'),
      assessor: await editor('assessor'),
      businessService: await editor('business_service_staff'),
    };
    const before = await db.$count(auditLog);
    for (const [who, intruder] of Object.entries(outsiders)) {
      const attempts = {
        createPost: () => createPost(db, intruder, 'news', post(own.id, 'Indtrængende'), NOW),
        updatePost: () => updatePost(db, intruder, 'news', postSlug, post(own.id, 'Ændret'), NOW),
        postToEdit: () => postToEdit(db, intruder, 'news', postSlug, NOW),
        createEvent: () => createEvent(db, intruder, event, NOW),
        updateEvent: () => updateEvent(db, intruder, eventSlug, event, NOW),
        eventToEdit: () => eventToEdit(db, intruder, eventSlug, NOW),
      };
      const codes: Record<string, string> = {};
      for (const [name, attempt] of Object.entries(attempts))
        codes[name] = await attempt().then(
          () => 'allowed',
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        );
      expect(codes, who).toEqual(Object.fromEntries(Object.keys(attempts).map((n) => [n, 'forbidden'])));
    }
    expect(await db.$count(auditLog)).toBe(before);
  });

  it('shows a draft to the editors of its organisation only', async () => {
    const db = database.db;
    const org = await createOrganisation(db);
    const staff = await editor('cluster_staff', org.id);
    const colleague = await editor('cluster_staff', org.id);
    const { slug } = await createPost(db, staff, 'news', post(org.id, 'Kladde til kolleger', 'draft'), NOW);
    const { slug: eventSlug } = await createEvent(
      db,
      staff,
      eventForm.parse({
        organisationId: org.id,
        lang: 'da',
        title: 'Kladde til arrangement',
        startDate: '2027-02-01',
        startTime: '10:00',
        endDate: '2027-02-01',
        endTime: '12:00',
      }),
      NOW,
    );
    const outsider = await editor('cluster_staff');
    const seen = async (principal: Caller['principal'] | null) => [
      (await viewablePost(db, principal, 'news', slug, NOW)) !== null,
      (await viewableEvent(db, principal, eventSlug, NOW)) !== null,
    ];
    expect(await seen(colleague.principal)).toEqual([true, true]);
    expect(await seen(outsider.principal)).toEqual([false, false]);
    expect(await seen(null)).toEqual([false, false]);
    expect(await publishedEvent(db, eventSlug, NOW)).toBeNull();
    expect((await draftPosts(db, colleague.principal, 'news', NOW)).map((p) => p.slug)).toEqual([slug]);
    expect(await draftPosts(db, outsider.principal, 'news', NOW)).toEqual([]);
  });
});
