import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { calls, events, organisations, posts } from '../../src/db/schema/index.ts';
import { seedDemo } from '../../src/domain/demo/seed.ts';
import { VERSION_MAX_AGE_MS } from '../../src/domain/search/cache.ts';
import { search } from '../../src/domain/search/queries.ts';
import { type SearchQuery, searchQuery } from '../../src/domain/search/schemas.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

// Seeding the demo data takes a few seconds on PGlite, several times that on a busy machine.
const SEED_TIMEOUT = 180_000;
const DAY = 24 * 3600 * 1000;

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database);
  t = createTestApp(database);
}, SEED_TIMEOUT);
afterAll(() => database?.close());

const today = () => new Date().toISOString().slice(0, 10);
const find = (query: Record<string, unknown>) =>
  search(database.db, searchQuery.parse(query) as SearchQuery, {
    now: t.deps.clock(),
    today: today(),
    lang: 'da',
  });

async function organisationId(slug: string): Promise<string> {
  const [row] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

/** A word no demo text contains: letters and hex digits, one search token. */
const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;
const actor = systemActor('test');

async function apiSearch(query: string) {
  const res = await t.app.request(`/api/v1/search?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    data: {
      kind: string;
      title: string;
      titleHtml: string;
      summaryHtml: string;
      url: string;
      organisation: { id: string };
    }[];
    meta: { total: number; counts: Record<string, number>; pages: number };
  };
}

describe(`search on the demo data (${testDriver()})`, () => {
  const acceptance: [string, string][] = [
    ['robot', 'Odense Robotics'],
    ['fødevare', 'Food & Bio Cluster Denmark'],
    ['fodevarer', 'Food & Bio Cluster Denmark'],
    ['energi', 'Energy Cluster Denmark'],
  ];
  for (const [q, cluster] of acceptance) {
    it(`"${q}" puts ${cluster} first, on the page, in the API and in the domain`, async () => {
      const result = await find({ q });
      expect(result.hits[0]).toMatchObject({ kind: 'cluster', title: cluster, league: 'world_class' });
      const api = await apiSearch(`q=${encodeURIComponent(q)}`);
      expect(api.data[0]?.title).toBe(cluster);
      expect(api.meta.total).toBe(result.total);
      const { html } = await new Client(t.app).get(`/soeg?q=${encodeURIComponent(q)}`);
      const firstTitle = /<h3 class="h4[^"]*"><a href="[^"]+">(.*?)<\/a><\/h3>/.exec(html)?.[1];
      expect(firstTitle?.replace(/<\/?mark>/g, '').replace('&amp;', '&')).toBe(cluster);
    });
  }

  it('finds clusters by the Danish and English names of their themes', async () => {
    const byDanish = await find({ q: 'lydteknologi', type: 'cluster' });
    expect(byDanish.hits.map((h) => h.title)).toContain('Danish Sound Cluster');
    expect(byDanish.themes).toContain('sound');
    const byEnglish = await find({ q: 'welfare technology', type: 'cluster' });
    expect(byEnglish.hits.map((h) => h.title)).toContain('Danish Life Science Cluster');
  });

  it('matches parts of compound words and typos', async () => {
    const part = await find({ q: 'klynge', type: 'cluster' });
    expect(part.hits.map((h) => h.title)).toContain('Sjællandsk Fødevareklynge');
    const typo = await find({ q: 'odense robotcs' });
    expect(typo.hits[0]?.title).toBe('Odense Robotics');
  });

  it('finds the same whether æ, ø and å are typed as such, as two letters or as one', async () => {
    for (const spellings of [
      ['fødevarer', 'foedevarer', 'fodevarer'],
      ['århus', 'aarhus', 'arhus'],
      ['sjællandsk', 'sjaellandsk', 'sjellandsk'],
    ]) {
      const [danish, ...others] = await Promise.all(spellings.map((q) => find({ q })));
      expect(danish?.total, spellings[0]).toBeGreaterThan(0);
      for (const [i, other] of others.entries()) expect(other?.total, spellings[i + 1]).toBe(danish?.total);
    }
  });

  it('combines the text with a region filter: energi in Syddanmark', async () => {
    const all = await find({ q: 'energi' });
    const south = await find({ q: 'energi', region: '1083' });
    expect(south.hits[0]?.title).toBe('Energy Cluster Denmark');
    expect(south.total).toBeGreaterThan(0);
    expect(south.total).toBeLessThan(all.total);
    expect(all.hits.map((h) => h.title)).toContain('Vestjysk Energi- og Brintklynge');
    expect(south.hits.map((h) => h.title)).not.toContain('Vestjysk Energi- og Brintklynge');
    const [outside] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations o join municipalities m on m.code = o.municipality_code
          where m.region_code <> 1083 and o.id in (select jsonb_array_elements_text(${JSON.stringify(south.hits.map((h) => h.organisation.id))}::jsonb)::uuid)`,
    );
    expect(outside?.n).toBe(0);
    const api = await apiSearch('q=energi&region=1083');
    expect(api.meta.total).toBe(south.total);
  });

  it('filters by theme, league and current label, and every filter leaves out items without a cluster', async () => {
    const national = await find({ q: 'klynge', league: 'world_class', type: 'cluster' });
    expect(national.total).toBeGreaterThan(5);
    expect(national.hits.every((h) => h.league === 'world_class')).toBe(true);
    const energy = await find({ q: 'energi', theme: 'robotics' });
    expect(energy.hits.map((h) => h.title)).not.toContain('Energy Cluster Denmark');
    const gold = await find({ q: 'klynge', label: 'gold', type: 'cluster' });
    const [goldNow] = await queryRows<{ names: string[] }>(
      database.db,
      sql`select array_agg(o.name) as names from organisations o where exists (
            select 1 from cluster_labels l where l.organisation_id = o.id and l.level = 'gold'
              and l.awarded_on <= ${today()}::date and l.valid_until >= ${today()}::date)`,
    );
    expect(gold.hits.length).toBeGreaterThan(0);
    for (const hit of gold.hits) expect(goldNow?.names).toContain(hit.title);
    const calls = await find({ q: 'pulje', league: 'world_class' });
    expect(calls.counts.call).toBe(0);
  });

  it('counts per kind, narrows to one kind, and pages', async () => {
    const all = await find({ q: 'energi' });
    expect(all.counts.cluster).toBeGreaterThanOrEqual(3);
    expect(all.counts.activity).toBeGreaterThan(20);
    expect(all.total).toBe(Object.values(all.counts).reduce((a, b) => a + b, 0));
    const activities = await find({ q: 'energi', type: 'activity' });
    expect(activities.total).toBe(all.counts.activity);
    expect(activities.hits.every((h) => h.kind === 'activity')).toBe(true);
    const page2 = await find({ q: 'energi', type: 'activity', page: 2 });
    expect(page2.hits).toHaveLength(20);
    const ids = new Set(activities.hits.map((h) => h.id));
    expect(page2.hits.some((h) => ids.has(h.id))).toBe(false);
  });
});

describe('what is searchable', () => {
  it('finds published news, events and open calls, never drafts, scheduled posts or draft calls', async () => {
    const word = unique('zebrafisk');
    const robotics = await organisationId('odense-robotics');
    const past = new Date(Date.now() - DAY);
    const future = new Date(Date.now() + 3 * DAY);
    await withActor(database.db, actor, async (tx) => {
      await tx.insert(posts).values([
        {
          kind: 'news',
          organisationId: robotics,
          slug: unique('n'),
          title: `Nyhed om ${word}`,
          publishedAt: past,
        },
        {
          kind: 'news',
          organisationId: robotics,
          slug: unique('n'),
          title: `Kladde om ${word}`,
          publishedAt: null,
        },
        {
          kind: 'success_story',
          organisationId: robotics,
          slug: unique('s'),
          title: `Senere ${word}`,
          publishedAt: future,
        },
      ]);
      await tx.insert(events).values([
        {
          organisationId: robotics,
          slug: unique('e'),
          title: `Dag om ${word}`,
          startsAt: future,
          endsAt: future,
          publishedAt: past,
        },
        {
          organisationId: robotics,
          slug: unique('e'),
          title: `Skjult ${word}`,
          startsAt: future,
          endsAt: future,
        },
      ]);
      await tx.insert(calls).values([
        {
          ownerId: robotics,
          slug: unique('c'),
          title: `Pulje for ${word}`,
          status: 'open',
          deadline: future,
        },
        { ownerId: robotics, slug: unique('c'), title: `Udkast ${word}`, status: 'draft', deadline: future },
      ]);
    });
    const found = await find({ q: word });
    expect(found.hits.map((h) => h.title).sort()).toEqual(
      [`Dag om ${word}`, `Nyhed om ${word}`, `Pulje for ${word}`].sort(),
    );
    expect(found.counts).toMatchObject({ news: 1, story: 0, event: 1, call: 1 });
    // The scheduled story appears when its moment comes, without any write.
    t.advanceClock(4 * DAY);
    try {
      expect((await find({ q: word })).counts.story).toBe(1);
    } finally {
      t.advanceClock(-4 * DAY);
    }
  });

  it('follows edits, renames and deletions in the same transaction', async () => {
    const before = unique('kolibri');
    const after = unique('pelikan');
    const robotics = await organisationId('odense-robotics');
    const slug = unique('post');
    await withActor(database.db, actor, (tx) =>
      tx
        .insert(posts)
        .values({ kind: 'news', organisationId: robotics, slug, title: before, publishedAt: new Date(0) }),
    );
    expect((await find({ q: before })).total).toBe(1);
    await withActor(database.db, actor, (tx) =>
      tx.update(posts).set({ title: after }).where(eq(posts.slug, slug)),
    );
    expect((await find({ q: before })).total).toBe(0);
    expect((await find({ q: after })).total).toBe(1);
    await withActor(database.db, actor, (tx) => tx.delete(posts).where(eq(posts.slug, slug)));
    expect((await find({ q: after })).total).toBe(0);

    const word = unique('ravnsborg');
    const name = `Klynge ${word}`;
    await withActor(database.db, actor, (tx) =>
      tx.update(organisations).set({ name }).where(eq(organisations.slug, 'danish-sound-cluster')),
    );
    expect((await find({ q: word })).hits[0]?.title).toBe(name);
    await withActor(database.db, actor, (tx) =>
      tx
        .update(organisations)
        .set({ name: 'Danish Sound Cluster' })
        .where(eq(organisations.slug, 'danish-sound-cluster')),
    );
  });

  it('shows a change within a tenth of a second although the page and the API cache results', async () => {
    const word = unique('papegoeje');
    const robotics = await organisationId('odense-robotics');
    expect((await apiSearch(`q=${word}`)).meta.total).toBe(0);
    await withActor(database.db, actor, (tx) =>
      tx.insert(posts).values({
        kind: 'news',
        organisationId: robotics,
        slug: unique('p'),
        title: word,
        publishedAt: new Date(0),
      }),
    );
    t.advanceClock(VERSION_MAX_AGE_MS);
    expect((await apiSearch(`q=${word}`)).meta.total).toBe(1);
    expect((await apiSearch(`q=${word}`)).meta.total).toBe(1);
    const { html } = await new Client(t.app).get(`/soeg?q=${word}`);
    expect(html).toContain('1 resultat for');
  });

  it('escapes markup in titles and summaries; only the highlight marks are HTML', async () => {
    const word = unique('flamingo');
    const robotics = await organisationId('odense-robotics');
    await withActor(database.db, actor, (tx) =>
      tx.insert(posts).values({
        kind: 'news',
        organisationId: robotics,
        slug: unique('x'),
        title: `<script>alert(1)</script> ${word} & "co"`,
        summary: `<img src=x onerror=alert(2)> om ${word}`,
        publishedAt: new Date(0),
      }),
    );
    const { html } = await new Client(t.app).get(`/soeg?q=${word}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(`&lt;script&gt;alert(1)&lt;/script&gt; <mark>${word}</mark> &amp; &quot;co&quot;`);
    expect(html).toContain(`&lt;img src=x onerror=alert(2)&gt; om <mark>${word}</mark>`);
    const api = await apiSearch(`q=${word}`);
    expect(api.data[0]?.titleHtml).toBe(
      `&lt;script&gt;alert(1)&lt;/script&gt; <mark>${word}</mark> &amp; &quot;co&quot;`,
    );
    expect(api.data[0]?.title).toBe(`<script>alert(1)</script> ${word} & "co"`);
  });

  it('treats search syntax as plain words', async () => {
    for (const q of ["energi' | !", 'robot:* & (', '\\', "''", '<->']) {
      const res = await t.app.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await find({ q: 'og' })).total).toBe(0);
  });
});

describe('the search page', () => {
  it('shows one labelled search box and an empty state without a query', async () => {
    const { res, html } = await new Client(t.app).get('/soeg');
    expect(res.status).toBe(200);
    expect(html).toContain('<label class="form-label" for="q">Søgeord</label>');
    expect(html).toMatch(/<input class="form-input" id="q" name="q" type="search"/);
    expect(html).toContain('<search aria-label="Søg på Klyngeportalen"><form method="get" action="/soeg">');
    expect(html).toContain('Skriv et eller flere ord i søgefeltet');
    expect(html).not.toContain('id="results-heading"');
  });

  it('keeps the query and filters in the form and the links, and says when nothing matched', async () => {
    const { html } = await new Client(t.app).get('/soeg?q=energi&region=1083&liga=world_class');
    expect(html).toContain('value="energi"');
    expect(html).toContain('<option value="1083" selected="">');
    expect(html).toContain('<option value="world_class" selected="">');
    expect(html).toMatch(/<p role="status">\d+ resultater? for »energi«<\/p>/);
    expect(html).toContain('href="/soeg?q=energi&amp;type=cluster&amp;region=1083&amp;liga=world_class"');
    expect(html).toContain('href="/en/search?q=energi&amp;region=1083&amp;liga=world_class"');
    expect(html).toContain(
      'href="/api/v1/search?q=energi&amp;region=1083&amp;league=world_class&amp;lang=da"',
    );
    const none = await new Client(t.app).get('/soeg?q=xyzzyqwv');
    expect(none.html).toContain('Ingen resultater for »xyzzyqwv«.');
  });

  it('links each kind of result to its page and pages through many results', async () => {
    const { html } = await new Client(t.app).get('/soeg?q=energi&type=activity');
    expect(html).toContain('<span class="badge">Aktivitet</span>');
    expect(html).toContain('href="/klynger/energy-cluster-denmark"');
    expect(html).toContain('href="/soeg?q=energi&amp;type=activity&amp;side=2"');
    const page2 = await new Client(t.app).get('/soeg?q=energi&type=activity&side=2');
    expect(page2.html).toContain('Side 2 af');
  });

  it('serves anonymous visitors a kept page but renders it anew for a signed-in visitor', async () => {
    const anonymous = await new Client(t.app).get('/soeg?q=energi');
    expect(anonymous.html).not.toContain('Log ud');
    const user = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    await client.login(user.email, user.password);
    const { res, html } = await client.get('/soeg?q=energi');
    expect(html).toContain('Log ud');
    expect(html).toContain('Energy Cluster Denmark');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('is English under /en/search, and ignores filter values it does not know', async () => {
    const { res, html } = await new Client(t.app).get('/en/search?q=robot&tema=nonsense&side=-3');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label class="form-label" for="q">Search words</label>');
    expect(html).toMatch(/\d+ results for “robot”/);
    expect(html).toContain('<span class="badge">Cluster</span>');
    expect(html).toContain('href="/en/clusters/odense-robotics"');
  });
});
