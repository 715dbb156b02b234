import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { auditLog, calls, events, posts } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

// A fixed "now" for the app, so upcoming and past do not depend on when the tests run.
const NOW = Date.parse('2027-01-15T12:00:00Z');

let database: Database;
let t: TestApp;
let clusterA: { id: string };
let clusterB: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  t.advanceClock(NOW - Date.now());
  clusterA = await createOrganisation(database.db, { name: 'Klynge A' });
  clusterB = await createOrganisation(database.db, { name: 'Klynge B' });
});
afterAll(() => database?.close());

async function signIn(role: Role, organisationId?: string) {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  const client = new Client(t.app);
  const { res } = await client.login(user.email, TEST_PASSWORD);
  expect(res.status).toBe(303);
  return { user, client };
}

/** Opens the form page (for its CSRF token) and posts it. */
async function submit(client: Client, path: string, fields: Record<string, string>) {
  const page = await client.get(path);
  expect(page.res.status, path).toBe(200);
  return client.post(path, fields);
}

const visitor = () => new Client(t.app);
const location = (res: Response) => res.headers.get('location') ?? '';
const postFields = (organisationId: string, title: string, extra: Record<string, string> = {}) => ({
  organisationId,
  lang: 'da',
  title,
  summary: `Resumé af ${title}`,
  body: 'Tekst med **fed**.',
  intent: 'publish',
  ...extra,
});
const newsBySlug = async (slug: string) =>
  (await database.db.select().from(posts).where(eq(posts.slug, slug)))[0];

describe('publishing news and success stories', () => {
  it('sends visitors to log in and writes nothing', async () => {
    const client = visitor();
    const form = await client.get('/nyheder/ny');
    expect(form.res.status).toBe(303);
    expect(location(form.res)).toBe('/log-ind?next=%2Fnyheder%2Fny');
    // A token from any form, as a visitor whose session has run out would have.
    await client.get('/log-ind');
    const { res } = await client.post('/nyheder/ny', postFields(clusterA.id, 'Anonym nyhed'));
    expect(res.status).toBe(303);
    expect(location(res)).toMatch(/^\/log-ind/);
    expect(await database.db.$count(posts, eq(posts.title, 'Anonym nyhed'))).toBe(0);
  });

  it('lets cluster staff publish for their cluster, shows it in both languages and audits it', async () => {
    const { user, client } = await signIn('cluster_staff', clusterA.id);
    const { res } = await submit(
      client,
      '/nyheder/ny',
      postFields(clusterA.id, 'Klynge A åbner ny testfacilitet', { lang: 'en' }),
    );
    expect(res.status).toBe(303);
    expect(location(res)).toBe('/nyheder/klynge-a-aabner-ny-testfacilitet?saved=1');
    const saved = await client.get(location(res));
    expect(saved.html).toContain('Ændringerne er gemt.');

    const da = await visitor().get('/nyheder');
    expect(da.html).toMatch(/<li class="content-item" lang="en">[\s\S]*?Klynge A åbner ny testfacilitet/);
    expect(da.html).toContain('(på engelsk)');
    const en = await visitor().get('/en/news');
    expect(en.html).toContain('href="/en/news/klynge-a-aabner-ny-testfacilitet"');
    const item = await visitor().get('/en/news/klynge-a-aabner-ny-testfacilitet');
    expect(item.res.status).toBe(200);
    expect(item.html).toMatch(/<article class="content-article" lang="en">/);
    expect(item.html).toContain('<strong>fed</strong>');
    expect(item.html).not.toContain('Draft');

    const post = await newsBySlug('klynge-a-aabner-ny-testfacilitet');
    expect(post?.publishedAt?.getTime()).toBeGreaterThanOrEqual(NOW);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'posts'), eq(auditLog.entityId, post?.id ?? '')));
    expect(audit).toMatchObject({ action: 'insert', actorUserId: user.id, actorLabel: user.email });
    expect(audit?.requestId).toBeTruthy();
  });

  it('hides a draft from visitors, marks it for editors, and publishes and unpublishes it', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const created = await submit(
      client,
      '/historier/ny',
      postFields(clusterA.id, 'Kladde om robotter', { intent: 'draft' }),
    );
    const path = '/historier/kladde-om-robotter';
    expect(location(created.res)).toBe(`${path}?saved=1`);
    expect((await visitor().get(path)).res.status).toBe(404);
    expect((await visitor().get('/historier')).html).not.toContain('Kladde om robotter');
    const own = await client.get(path);
    expect(own.res.status).toBe(200);
    expect(own.html).toContain('badge badge-warning content-draft-badge">Kladde<');
    expect((await client.get('/historier')).html).toMatch(/Dine kladder[\s\S]*Kladde om robotter/);
    // Another cluster's staff cannot see it either.
    const other = await signIn('cluster_staff', clusterB.id);
    expect((await other.client.get(path)).res.status).toBe(404);

    const published = await submit(client, `${path}/rediger`, postFields(clusterA.id, 'Kladde om robotter'));
    expect(published.res.status).toBe(303);
    expect((await visitor().get(path)).res.status).toBe(200);
    expect((await visitor().get('/historier')).html).toContain('Kladde om robotter');

    const edit = await client.get(`${path}/rediger`);
    expect(edit.html).toContain('Afpublicér og gem som kladde');
    await client.post(`${path}/rediger`, postFields(clusterA.id, 'Kladde om robotter', { intent: 'draft' }));
    expect((await visitor().get(path)).res.status).toBe(404);
    expect((await newsBySlug('kladde-om-robotter'))?.publishedAt).toBeNull();
  });

  it('refuses cluster staff publishing or editing for another cluster, and writes nothing', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const before = await database.db.$count(auditLog);
    const { res, html } = await submit(client, '/nyheder/ny', postFields(clusterB.id, 'Nyhed for B'));
    expect(res.status).toBe(403);
    expect(html).toContain('Ingen adgang');
    expect(await database.db.$count(posts, eq(posts.title, 'Nyhed for B'))).toBe(0);
    expect(await database.db.$count(auditLog)).toBe(before);

    const owner = await signIn('cluster_staff', clusterB.id);
    await submit(owner.client, '/nyheder/ny', postFields(clusterB.id, 'Nyhed fra B'));
    expect((await client.get('/nyheder/nyhed-fra-b/rediger')).res.status).toBe(403);
    await client.get('/nyheder/nyhed-fra-b');
    const hijack = await client.post('/nyheder/nyhed-fra-b/rediger', postFields(clusterA.id, 'Overtaget'));
    expect(hijack.res.status).toBe(403);
    expect((await newsBySlug('nyhed-fra-b'))?.title).toBe('Nyhed fra B');
  });

  it('lets support staff publish for the support function, but not funders or business service staff', async () => {
    const support = await signIn('support_staff');
    const res = await submit(
      support.client,
      '/nyheder/ny',
      postFields(support.user.organisationId, 'Supportnyhed'),
    );
    expect(res.res.status).toBe(303);
    const other = await submit(
      support.client,
      '/nyheder/ny',
      postFields(clusterA.id, 'Support for klynge A'),
    );
    expect(other.res.status).toBe(403);
    for (const role of ['funder', 'business_service_staff', 'assessor'] as const) {
      const { client } = await signIn(role);
      expect((await client.get('/nyheder/ny')).res.status, role).toBe(403);
      expect((await client.get('/arrangementer/ny')).res.status, role).toBe(403);
    }
  });

  it('shows field errors in the page language and keeps what was typed', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const da = await submit(client, '/nyheder/ny', postFields('', '', { summary: 'Mit resumé' }));
    expect(da.res.status).toBe(422);
    expect(da.html).toContain('Der er fejl i formularen');
    expect(da.html).toMatch(/id="title-error"[^>]*>Skriv en titel\./);
    expect(da.html).toContain('<a href="#organisationId" class="function-link">Vælg, hvem der udgiver.</a>');
    expect(da.html).toContain('>Mit resumé</textarea>');
    expect(da.html).toContain('name="_csrf"');
    const en = await submit(client, '/en/events/new', {
      ...postFields(clusterA.id, 'Event'),
      // The date input's three fields: 30 February is no date.
      startDateDay: '30',
      startDateMonth: '2',
      startDateYear: '2027',
      startTime: '10:00',
      endDate: '2027-02-01',
      endTime: '9.00',
      onlineUrl: 'javascript:alert(1)',
    });
    expect(en.res.status).toBe(422);
    expect(en.html).toMatch(
      /id="startDate-error"[^>]*>Start: Date must be a real date with day, month and year/,
    );
    expect(en.html).toMatch(/id="endTime-error"[^>]*>Enter a valid time/);
    expect(en.html).toMatch(/id="onlineUrl-error"[^>]*>Enter a web address/);
    const order = await submit(client, '/arrangementer/ny', {
      ...postFields(clusterA.id, 'Baglæns'),
      startDate: '2027-02-02',
      startTime: '10:00',
      endDate: '2027-02-01',
      endTime: '10:00',
    });
    expect(order.html).toMatch(/id="endDate-error"[^>]*>Slutningen skal ligge efter starten\./);
    expect(await database.db.$count(events, eq(events.title, 'Baglæns'))).toBe(0);
  });

  it('makes slugs from titles with Danish letters folded and a number when taken', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const first = await submit(
      client,
      '/nyheder/ny',
      postFields(clusterA.id, 'Ærø og Åbenrå: Øget samarbejde'),
    );
    expect(location(first.res)).toBe('/nyheder/aeroe-og-aabenraa-oeget-samarbejde?saved=1');
    const second = await submit(
      client,
      '/nyheder/ny',
      postFields(clusterA.id, 'Ærø og Åbenrå: Øget samarbejde'),
    );
    expect(location(second.res)).toBe('/nyheder/aeroe-og-aabenraa-oeget-samarbejde-2?saved=1');
    const reserved = await submit(client, '/nyheder/ny', postFields(clusterA.id, 'Ny'));
    expect(location(reserved.res)).toBe('/nyheder/ny-2?saved=1');
    expect((await visitor().get('/nyheder/ny-2')).res.status).toBe(200);
  });

  it('renders Markdown without letting scripts, event handlers or javascript: links through', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const body = [
      '<script>alert("xss")</script>',
      '[klik](javascript:alert(1))',
      '<img src=x onerror=alert(1)>',
      '![x](javascript:alert(2))',
      '[ekstern](https://example.com)',
    ].join('\n\n');
    await submit(client, '/nyheder/ny', postFields(clusterA.id, '<b>XSS</b> forsøg', { body }));
    const { html } = await visitor().get('/nyheder/b-xss-b-forsoeg');
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    const tags = article.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /^<(script|img|b)\b|\bon\w+=|javascript:/i.test(tag))).toEqual([]);
    expect(article).toContain('&lt;script&gt;');
    expect(article).toContain('&lt;b&gt;XSS&lt;/b&gt; forsøg');
    expect(article).toContain('<a href="https://example.com" rel="nofollow noopener">ekstern</a>');
  });
});

/** A small well-formedness check: one root, balanced tags, quoted attributes, known entities. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let roots = 0;
  let i = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/.exec(xml)?.[0].length ?? -1;
  if (i < 0) return ['no XML declaration'];
  while (i < xml.length) {
    if (xml[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(xml);
      if (!m) return [...problems, `malformed tag at ${xml.slice(i, i + 30)}`];
      const [, close, name, attrs = '', selfClosing] = m;
      if (badEntity.test(attrs)) problems.push(`bad entity in <${name}>`);
      if (close) {
        if (stack.pop() !== name) problems.push(`</${name}> closes nothing open`);
      } else {
        if (stack.length === 0) roots++;
        if (!selfClosing) stack.push(name ?? '');
      }
      i = tag.lastIndex;
    } else {
      const end = xml.indexOf('<', i) < 0 ? xml.length : xml.indexOf('<', i);
      const text = xml.slice(i, end);
      if (badEntity.test(text) || text.includes('>')) problems.push(`bad text ${text.slice(0, 30)}`);
      if (stack.length === 0 && text.trim()) problems.push('text outside the root');
      i = end;
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  if (roots !== 1) problems.push(`${roots} roots`);
  return problems;
}

describe('feeds', () => {
  it('serves well-formed RSS and Atom with the published posts only, in both languages', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    await submit(client, '/historier/ny', postFields(clusterA.id, 'Mejeri & universitet <samarbejde>'));
    await submit(
      client,
      '/historier/ny',
      postFields(clusterA.id, 'Upubliceret historie', { intent: 'draft' }),
    );
    for (const [path, type] of [
      ['/historier/rss.xml', 'application/rss+xml'],
      ['/historier/atom.xml', 'application/atom+xml'],
      ['/en/stories/rss.xml', 'application/rss+xml'],
      ['/en/stories/atom.xml', 'application/atom+xml'],
      ['/nyheder/rss.xml', 'application/rss+xml'],
    ] as const) {
      const res = await visitor().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(`${type}; charset=utf-8`);
      const xml = await res.text();
      expect(xmlProblems(xml), path).toEqual([]);
      if (!path.startsWith('/nyheder')) {
        expect(xml, path).toContain('Mejeri &amp; universitet &lt;samarbejde&gt;');
        expect(xml, path).not.toContain('Upubliceret historie');
      }
    }
    const en = await (await visitor().request('/en/stories/atom.xml')).text();
    expect(en).toContain('href="http://localhost:3000/en/stories/mejeri-universitet-samarbejde"');
    const list = await visitor().get('/historier');
    expect(list.html).toContain('<a href="/historier/rss.xml" type="application/rss+xml">');
    expect(list.html).toContain('<a href="/historier/atom.xml" type="application/atom+xml">');
    // Feed readers find the feeds in the head of the list pages, in both languages.
    const head = async (path: string) => (await visitor().get(path)).html.split('</head>')[0] ?? '';
    expect(await head('/historier')).toContain(
      '<link rel="alternate" type="application/rss+xml" href="/historier/rss.xml"',
    );
    expect(await head('/nyheder')).toContain(
      '<link rel="alternate" type="application/atom+xml" href="/nyheder/atom.xml"',
    );
    expect(await head('/en/news')).toContain(
      '<link rel="alternate" type="application/rss+xml" href="/en/news/rss.xml"',
    );
  });
});

/** Unfolds an iCalendar text, checking the line rules of RFC 5545 on the way; returns the events. */
function parseCalendar(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: string[] = [];
  const found: Record<string, string>[] = [];
  let current: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z-]+)(?:;[A-Z-]+=[^:;]+)*:(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name = '', value = ''] = m ?? [];
    if (name === 'BEGIN') {
      stack.push(value);
      current = {};
    } else if (name === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT') found.push(current);
    } else current[name] = value;
  }
  expect(stack).toEqual([]);
  expect(lines.slice(0, 3)).toEqual([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Klyngeportalen//Arrangementer//DA',
  ]);
  for (const e of found)
    for (const p of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) expect(e[p], p).toBeTruthy();
  return found;
}

const eventFields = (organisationId: string, title: string, extra: Record<string, string> = {}) => ({
  ...postFields(organisationId, title),
  startDate: '2027-02-10',
  startTime: '10:00',
  endDate: '2027-02-10',
  endTime: '15:00',
  location: 'Mødecentret',
  municipalityCode: '461',
  onlineUrl: '',
  ...extra,
});

describe('events', () => {
  it('keeps the target groups ticked on the form, shows them and filters the list by them', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    await client.get('/arrangementer/ny');
    // Ticked checkboxes repeat their field.
    const body = new URLSearchParams([
      ...Object.entries(eventFields(clusterA.id, 'Forskermøde om sensorer')),
      ['targetGroups', 'researchers'],
      ['targetGroups', 'companies'],
      ['_csrf', client.csrfToken],
    ]);
    const res = await client.request('/arrangementer/ny', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    const path = '/arrangementer/forskermoede-om-sensorer';
    expect((await visitor().get(path)).html).toContain('Virksomheder, Forskere');
    expect((await visitor().get('/en/events/forskermoede-om-sensorer')).html).toContain(
      'Companies, Researchers',
    );
    expect((await visitor().get('/arrangementer?audience=researchers')).html).toContain(`href="${path}"`);
    expect((await visitor().get('/arrangementer?audience=public_bodies')).html).not.toContain(
      `href="${path}"`,
    );
    const edit = await client.get(`${path}/rediger`);
    expect(edit.html).toMatch(/value="researchers"\s+checked/);
    expect(edit.html).not.toMatch(/value="public_bodies"\s+checked/);
    const refused = await submit(
      client,
      '/arrangementer/ny',
      eventFields(clusterA.id, 'Ukendt målgruppe', { targetGroups: 'pirates' }),
    );
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('Vælg målgrupper fra listen.');
  });

  it('takes Danish times across the change to summer time and serves them as UTC in iCal', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    // Summer time starts on 28 March 2027: 10:00 is 09:00 UTC before and 08:00 UTC after.
    await submit(
      client,
      '/arrangementer/ny',
      eventFields(clusterA.id, 'Forårsmøde hen over sommertid', {
        startDate: '2027-03-27',
        endDate: '2027-03-29',
      }),
    );
    const path = '/arrangementer/foraarsmoede-hen-over-sommertid';
    const page = await visitor().get(path);
    expect(page.html).toContain('27. marts 2027 kl. 10.00 – 29. marts 2027 kl. 15.00');
    expect(page.html).toContain('datetime="2027-03-27T09:00:00.000Z"');
    expect(page.html).toContain(`href="${path}/ics"`);

    const res = await visitor().request(`${path}/ics`);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="foraarsmoede-hen-over-sommertid.ics"',
    );
    const [event] = parseCalendar(await res.text());
    expect(event).toMatchObject({
      DTSTART: '20270327T090000Z',
      DTEND: '20270329T130000Z',
      SUMMARY: 'Forårsmøde hen over sommertid',
      LOCATION: 'Mødecentret\\, Odense',
      URL: `http://localhost:3000${path}`,
    });
    expect(event?.UID).toMatch(/^[0-9a-f-]{36}@localhost$/);
    expect(event?.DTSTAMP).toMatch(/^2027011\d{1}T\d{6}Z$/);
    const en = parseCalendar(
      await (await visitor().request('/en/events/foraarsmoede-hen-over-sommertid/ics')).text(),
    );
    expect(en[0]?.URL).toBe('http://localhost:3000/en/events/foraarsmoede-hen-over-sommertid');
  });

  it('reflects the filters in the URL and subscribes to upcoming events only', async () => {
    const org = await createOrganisation(database.db, { name: 'Klynge C' });
    const { client } = await signIn('cluster_staff', org.id);
    const add = (title: string, extra: Record<string, string>) =>
      submit(client, '/arrangementer/ny', eventFields(org.id, title, extra));
    await add('Marts i Aarhus', { startDate: '2027-03-05', endDate: '2027-03-05', municipalityCode: '751' });
    await add('Februar i Odense', {});
    await add('Januar forbi', { startDate: '2027-01-10', endDate: '2027-01-10' });
    await add('Kladde i februar', { intent: 'draft' });
    const titles = async (query: string) => {
      const { html } = await visitor().get(`/arrangementer?organisation=${org.id}${query}`);
      return [...html.matchAll(/<h2 class="h4 content-item-title"><a [^>]*>([^<]+)</g)].map((m) => m[1]);
    };
    expect(await titles('')).toEqual(['Februar i Odense', 'Marts i Aarhus']);
    expect(await titles('&when=past')).toEqual(['Januar forbi']);
    expect(await titles('&region=1082&month=2027-03')).toEqual(['Marts i Aarhus']);
    const { html } = await visitor().get(`/en/events?organisation=${org.id}&region=1082`);
    expect(html).toMatch(
      /<option value="1082" selected="">Central Denmark Region|<option value="1082" selected="">/,
    );

    const summaries = parseCalendar(await (await visitor().request('/arrangementer.ics')).text()).map(
      (e) => e.SUMMARY,
    );
    expect(summaries).toEqual(expect.arrayContaining(['Februar i Odense', 'Marts i Aarhus']));
    expect(summaries).not.toContain('Januar forbi');
    expect(summaries).not.toContain('Kladde i februar');
    // Calendars find the subscription in the head of the events page.
    const { html: page } = await visitor().get('/arrangementer');
    expect(page.split('</head>')[0]).toContain(
      '<link rel="alternate" type="text/calendar" href="/arrangementer.ics"',
    );
  });

  it('refuses an unknown municipality with a field error', async () => {
    const { client } = await signIn('cluster_staff', clusterA.id);
    const res = await submit(
      client,
      '/arrangementer/ny',
      eventFields(clusterA.id, 'Ukendt sted', { municipalityCode: '998' }),
    );
    expect(res.res.status).toBe(422);
    expect(res.html).toMatch(/id="municipalityCode-error"[^>]*>Kommune har en ugyldig værdi\./);
  });
});

const callFields = (organisationId: string, title: string, extra: Record<string, string> = {}) => ({
  organisationId,
  title,
  summary: `Om ${title}`,
  body: 'Vilkår for opslaget.',
  // A new call can only be a draft or published; opening goes through the call flow.
  status: 'published',
  opensDate: '',
  opensTime: '',
  deadlineDate: '2027-03-01',
  deadlineTime: '12:00',
  ...extra,
});

describe('calls', () => {
  it('lets only funders create calls', async () => {
    expect(location((await visitor().get('/opslag/ny')).res)).toBe('/log-ind?next=%2Fopslag%2Fny');
    for (const role of ['cluster_staff', 'support_staff', 'admin', 'assessor'] as const) {
      const { client } = await signIn(role);
      expect((await client.get('/opslag/ny')).res.status, role).toBe(403);
    }
  });

  it('shows deadlines in Danish time, open calls before closed ones, and hides drafts', async () => {
    const { user, client } = await signIn('funder');
    const org = user.organisationId;
    await submit(
      client,
      '/opslag/ny',
      callFields(org, 'Sommerpulje', { deadlineDate: '2027-06-01', status: 'published' }),
    );
    const created = await submit(client, '/opslag/ny', callFields(org, 'Forårspulje'));
    expect(location(created.res)).toBe('/opslag/foraarspulje?saved=1');
    await submit(client, '/opslag/ny', callFields(org, 'Fristen er gået', { deadlineDate: '2027-01-10' }));
    await submit(client, '/opslag/ny', callFields(org, 'Hemmelig kladde', { status: 'draft' }));
    const jump = await submit(client, '/opslag/ny', callFields(org, 'Sprunget over', { status: 'decided' }));
    expect(jump.res.status).toBe(422);
    expect(jump.html).toMatch(/id="status-error"[^>]*>Opslaget kan ikke skifte til den status/);

    const { html } = await visitor().get(`/opslag?organisation=${org}`);
    const open = html.slice(html.indexOf('Åbne opslag'), html.indexOf('Lukkede opslag'));
    const closed = html.slice(html.indexOf('Lukkede opslag'));
    expect(open.indexOf('Forårspulje')).toBeLessThan(open.indexOf('Sommerpulje'));
    expect(open).toContain(
      '<time datetime="2027-03-01T11:00:00.000Z">1. marts 2027 kl. 12.00 (dansk tid)</time>',
    );
    expect(open).toContain(
      '<time datetime="2027-06-01T10:00:00.000Z">1. juni 2027 kl. 12.00 (dansk tid)</time>',
    );
    expect(closed).toMatch(/Fristen er gået<\/a> <span class="badge content-phase">Lukket/);
    expect(html).not.toContain('Hemmelig kladde');
    const english = await visitor().get('/en/calls/foraarspulje');
    expect(english.html).toContain('1 March 2027 at 12:00 (Danish time)');

    expect((await visitor().get('/opslag/hemmelig-kladde')).res.status).toBe(404);
    expect((await client.get('/opslag/hemmelig-kladde')).html).toContain('content-draft-badge">Kladde<');
    const [row] = await database.db.select().from(calls).where(eq(calls.slug, 'foraarspulje'));
    expect(row?.deadline.toISOString()).toBe('2027-03-01T11:00:00.000Z');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'calls'), eq(auditLog.entityId, row?.id ?? '')));
    expect(audit).toMatchObject({ action: 'insert', actorUserId: user.id, actorLabel: user.email });
  });

  it('takes the timeline in Danish date inputs, in order, and shows it on the call page', async () => {
    const { user, client } = await signIn('funder');
    const day = (name: string, d: string, m: string, y: string) => ({
      [`${name}Day`]: d,
      [`${name}Month`]: m,
      [`${name}Year`]: y,
    });
    const timeline = {
      ...day('assessmentDeadline', '3', '5', '2027'),
      ...day('decisionDate', '1', '9', '2027'),
      ...day('grantsStartOn', '1', '1', '2028'),
    };
    // The decision before the assessment: refused on its own field, the typed days kept.
    const wrong = await submit(
      client,
      '/opslag/ny',
      callFields(user.organisationId, 'Pulje med tidsplan', {
        ...timeline,
        ...day('decisionDate', '1', '4', '2027'),
      }),
    );
    expect(wrong.res.status).toBe(422);
    expect(wrong.html).toMatch(
      /id="decisionDate-error"[^>]*>Beslutningen skal ligge efter ansøgningsfristen og fristen for bedømmelse\./,
    );
    expect(wrong.html).toMatch(/name="decisionDateMonth"[^>]*value="4"/);
    const saved = await submit(
      client,
      '/opslag/ny',
      callFields(user.organisationId, 'Pulje med tidsplan', timeline),
    );
    expect(location(saved.res)).toBe('/opslag/pulje-med-tidsplan?saved=1');
    const [row] = await database.db.select().from(calls).where(eq(calls.slug, 'pulje-med-tidsplan'));
    expect(row).toMatchObject({
      assessmentDeadline: '2027-05-03',
      decisionDate: '2027-09-01',
      grantsStartOn: '2028-01-01',
    });
    const page = (await visitor().get('/opslag/pulje-med-tidsplan')).html;
    const shown = page.slice(page.indexOf('id="call-timeline"'));
    expect(shown).toMatch(
      /Ansøgningsfrist<\/strong>: <time datetime="2027-03-01T11:00:00.000Z">1\. marts 2027 kl\. 12\.00/,
    );
    expect(shown).toMatch(/Ansøgningsfrist<\/strong>.*<span class="badge badge-info">Næste<\/span>/s);
    expect(shown).toContain('Frist for bedømmelse</strong>: <time datetime="2027-05-03">3. maj 2027</time>');
    expect(shown).toContain('Beslutning</strong>: <time datetime="2027-09-01">1. september 2027</time>');
    expect(shown).toContain('Tilskud begynder</strong>: <time datetime="2028-01-01">1. januar 2028</time>');
    const english = (await visitor().get('/en/calls/pulje-med-tidsplan')).html;
    expect(english).toContain('Assessment deadline</strong>: <time datetime="2027-05-03">3 May 2027</time>');
    // The edit form shows the stored days in the three fields.
    const form = (await client.get('/opslag/pulje-med-tidsplan/rediger')).html;
    expect(form).toMatch(/name="grantsStartOnYear"[^>]*value="2028"/);
  });

  it("edits a call in Danish time, keeps its address, and refuses another funder's edit", async () => {
    const owner = await signIn('funder');
    await submit(owner.client, '/opslag/ny', callFields(owner.user.organisationId, 'Pulje til redigering'));
    const form = await owner.client.get('/opslag/pulje-til-redigering/rediger');
    expect(form.html).toMatch(/id="deadlineTime"[^>]*value="12:00"/);
    const saved = await owner.client.post(
      '/opslag/pulje-til-redigering/rediger',
      callFields(owner.user.organisationId, 'Nyt navn', {
        deadlineDate: '2027-04-01',
        deadlineTime: '09:30',
      }),
    );
    expect(location(saved.res)).toBe('/opslag/pulje-til-redigering?saved=1');
    const [row] = await database.db.select().from(calls).where(eq(calls.slug, 'pulje-til-redigering'));
    expect(row).toMatchObject({ title: 'Nyt navn', deadline: new Date('2027-04-01T07:30:00Z') });

    const other = await signIn('funder');
    expect((await other.client.get('/opslag/pulje-til-redigering/rediger')).res.status).toBe(403);
    await other.client.get('/opslag');
    await other.client.get('/opslag/ny');
    const res = await other.client.post(
      '/opslag/pulje-til-redigering/rediger',
      callFields(other.user.organisationId, 'Overtaget'),
    );
    expect(res.res.status).toBe(403);
    expect(
      (await database.db.select().from(calls).where(eq(calls.slug, 'pulje-til-redigering')))[0]?.title,
    ).toBe('Nyt navn');
  });
});
