import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { notificationsFor } from '../notifications/queries.ts';
import { search } from '../search/queries.ts';
import { searchQuery } from '../search/schemas.ts';
import {
  proposePracticeCase,
  publishPracticeCase,
  rejectPracticeCase,
  updatePracticeCase,
} from './commands.ts';
import {
  practiceCaseBySlug,
  practiceReviewQueue,
  practicesProposedBy,
  publishedPractices,
} from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-05-04T08:00:00Z');
const LATER = new Date('2026-05-06T08:00:00Z');

async function world() {
  const db = database.db;
  const hub = await createOrganisation(db, { kind: 'business_service', name: `Erhvervshus ${randomCvr()}` });
  const cluster = await createCluster(db, {
    cvr: randomCvr(),
    name: `Klynge ${randomCvr()}`,
    slug: `k-${randomCvr()}`,
  });
  const supportFunction = await createOrganisation(db, { kind: 'support_function' });
  return {
    hub,
    cluster,
    advisor: await createCaller(db, 'business_service_staff', { organisationId: hub.id }),
    staff: await createCaller(db, 'cluster_staff', { organisationId: cluster.id }),
    support: await createCaller(db, 'support_staff', { organisationId: supportFunction.id }),
  };
}

/** A case as the proposal form posts it: repeated fields arrive as lists. */
const proposal = (actors: string[], over: Record<string, unknown> = {}) => ({
  model: 'referral_partnership',
  title: 'Fælles henvisningsmøde hver måned',
  summary: 'Erhvervshuset og klyngen gennemgår hver måned virksomheder, der kan have gavn af klyngen.',
  whatWasDone: 'Et fast møde på en time med en fælles liste over virksomheder og aftalte opfølgninger.',
  whatWorked: 'Korte veje mellem rådgiverne og hurtig opfølgning.',
  whatDidNot: 'Listen blev for lang, når møderne blev aflyst.',
  contactName: 'Rikke Rådgiver',
  contactEmail: 'rikke@example.org',
  regions: ['1083', '1082'],
  themes: 'robotics',
  actors,
  ...over,
});

const inSearch = (text: string) =>
  search(database.db, searchQuery.parse({ q: text, type: 'practice' }), {
    now: LATER,
    today: '2026-05-06',
    lang: 'da',
  });

const auditActions = (slug: string) =>
  queryRows<{ action: string }>(
    database.db,
    sql`select a.action from audit_log a join practice_cases p on a.entity_id = p.id::text
        where a.entity = 'practice_cases' and p.slug = ${slug} order by a.id`,
  );

describe(`the best-practice catalogue (${testDriver()})`, () => {
  it('a hub proposes, the support function edits and publishes: public, found in the search, the proposer told, audited', async () => {
    const w = await world();
    const { slug } = await proposePracticeCase(
      database.db,
      w.advisor,
      proposal([w.hub.id, w.cluster.id]),
      NOW,
    );
    expect(slug).toBe('faelles-henvisningsmoede-hver-maaned');

    // Proposed: not public, not found in the search, hidden from other organisations.
    expect((await publishedPractices(database.db, {})).map((p) => p.slug)).not.toContain(slug);
    expect((await inSearch('henvisningsmøde')).total).toBe(0);
    await expectAppError(practiceCaseBySlug(database.db, null, slug), 'not_found');
    await expectAppError(practiceCaseBySlug(database.db, w.staff.principal, slug), 'not_found');
    const own = await practiceCaseBySlug(database.db, w.advisor.principal, slug);
    expect(own).toMatchObject({ status: 'proposed', proposerName: w.hub.name, regions: [1082, 1083] });
    expect(own.actors.map((a) => a.name).sort()).toEqual([w.cluster.name, w.hub.name].sort());
    expect((await practicesProposedBy(database.db, w.advisor.principal)).map((p) => p.slug)).toEqual([slug]);
    const queue = await practiceReviewQueue(database.db, w.support);
    expect(queue.proposed.map((p) => p.slug)).toContain(slug);

    await updatePracticeCase(
      database.db,
      w.support,
      slug,
      proposal([w.cluster.id], { title: 'Månedligt henvisningsmøde', themes: ['robotics', 'digital'] }),
      NOW,
    );
    await publishPracticeCase(database.db, w.support, slug, LATER);

    const published = await practiceCaseBySlug(database.db, null, slug);
    expect(published).toMatchObject({
      status: 'published',
      title: 'Månedligt henvisningsmøde',
      themes: ['robotics', 'digital'],
      publishedAt: LATER,
    });
    expect(published.actors.map((a) => a.name)).toEqual([w.cluster.name]);
    const hits = await inSearch('henvisningsmøde');
    expect(hits.hits.map((h) => [h.kind, h.slug])).toEqual([['practice', slug]]);
    expect((await notificationsFor(database.db, w.advisor)).map((n) => [n.text, n.link])).toEqual([
      [
        'Dit eksempel på god praksis er offentliggjort: Månedligt henvisningsmøde',
        `/viden/god-praksis/${slug}`,
      ],
    ]);
    expect((await auditActions(slug)).map((a) => a.action)).toEqual(['insert', 'update', 'update']);
    await expectAppError(publishPracticeCase(database.db, w.support, slug, LATER), 'conflict');
  });

  it('the public list filters by model, region and theme', async () => {
    const w = await world();
    const a = await proposePracticeCase(
      database.db,
      w.staff,
      proposal([w.cluster.id], { title: 'Klynge og hus i Syddanmark', regions: '1083', themes: 'robotics' }),
      NOW,
    );
    const b = await proposePracticeCase(
      database.db,
      w.staff,
      proposal([w.hub.id], {
        title: 'Fælles arrangementer i Hovedstaden',
        model: 'joint_events',
        regions: '1084',
        themes: [],
      }),
      NOW,
    );
    await publishPracticeCase(database.db, w.support, a.slug, NOW);
    await publishPracticeCase(database.db, w.support, b.slug, LATER);
    const slugs = async (filter: Parameters<typeof publishedPractices>[1]) =>
      (await publishedPractices(database.db, filter))
        .map((p) => p.slug)
        .filter((s) => s === a.slug || s === b.slug);
    expect(await slugs({})).toEqual([b.slug, a.slug]);
    expect(await slugs({ model: 'joint_events' })).toEqual([b.slug]);
    expect(await slugs({ region: 1083 })).toEqual([a.slug]);
    expect(await slugs({ theme: 'robotics' })).toEqual([a.slug]);
    expect(await slugs({ theme: 'water' })).toEqual([]);
  });

  it('a rejection needs a reason, which the proposer reads; a rejected case stays out of the catalogue', async () => {
    const w = await world();
    const { slug } = await proposePracticeCase(
      database.db,
      w.staff,
      proposal([w.hub.id], { title: 'Et forslag der afvises' }),
      NOW,
    );
    await expectAppError(
      rejectPracticeCase(database.db, w.support, slug, { reason: ' ' }, NOW),
      'validation',
    );
    await rejectPracticeCase(database.db, w.support, slug, { reason: 'Beskriv hvad der ikke virkede.' }, NOW);
    expect(await practiceCaseBySlug(database.db, w.staff.principal, slug)).toMatchObject({
      status: 'rejected',
      rejectReason: 'Beskriv hvad der ikke virkede.',
    });
    await expectAppError(practiceCaseBySlug(database.db, null, slug), 'not_found');
    expect((await notificationsFor(database.db, w.staff)).map((n) => n.text)).toEqual([
      'Dit eksempel på god praksis er afvist: Et forslag der afvises',
    ]);
    await expectAppError(publishPracticeCase(database.db, w.support, slug, NOW), 'conflict');
  });

  it('refuses other roles, foreign organisations, bad input and unknown actors', async () => {
    const w = await world();
    const valid = proposal([w.hub.id]);
    for (const role of ['company_user', 'funder', 'support_staff', 'assessor'] as const)
      await expectAppError(proposePracticeCase(database.db, roleCaller(role), valid, NOW), 'forbidden');
    await expectAppError(
      proposePracticeCase(database.db, w.staff, { ...valid, proposerId: w.hub.id }, NOW),
      'forbidden',
    );
    const { slug } = await proposePracticeCase(database.db, w.advisor, valid, NOW);
    for (const caller of [w.staff, w.advisor, roleCaller('funder')]) {
      await expectAppError(publishPracticeCase(database.db, caller, slug, NOW), 'forbidden');
      await expectAppError(
        rejectPracticeCase(database.db, caller, slug, { reason: 'Nej tak.' }, NOW),
        'forbidden',
      );
      await expectAppError(updatePracticeCase(database.db, caller, slug, valid, NOW), 'forbidden');
      await expectAppError(practiceReviewQueue(database.db, caller), 'forbidden');
    }
    await expectAppError(
      proposePracticeCase(database.db, w.advisor, { ...valid, regions: [] }, NOW),
      'validation',
    );
    await expectAppError(
      proposePracticeCase(database.db, w.advisor, { ...valid, regions: '1090' }, NOW),
      'validation',
    );
    await expectAppError(
      proposePracticeCase(database.db, w.advisor, { ...valid, actors: [] }, NOW),
      'validation',
    );
    await expectAppError(
      proposePracticeCase(database.db, w.advisor, { ...valid, contactEmail: 'nej' }, NOW),
      'validation',
    );
    const company = await createOrganisation(database.db, { kind: 'company' });
    await expectAppError(
      proposePracticeCase(database.db, w.advisor, proposal([company.id]), NOW),
      'validation',
    );
    await expectAppError(publishPracticeCase(database.db, w.support, 'findes-ikke', NOW), 'not_found');
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from practice_cases where proposer_organisation_id = ${w.advisor.principal.memberships[0]?.organisationId ?? ''}`,
    );
    expect(n).toBe(1);
  });
});
