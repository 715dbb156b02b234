import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { clusters, organisations } from '../../src/db/schema/index.ts';
import type { ThemeKey } from '../../src/domain/catalogue/themes.ts';
import type { League } from '../../src/domain/landscape/queries.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
const slugs: Record<string, string> = {};

async function addCluster(name: string, league: League, themes: ThemeKey[], seat: number, endedOn?: string) {
  const org = await createOrganisation(database.db, { name });
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.update(organisations).set({ municipalityCode: seat }).where(eq(organisations.id, org.id));
    await tx.insert(clusters).values({ organisationId: org.id, league, themes, endedOn });
  });
  slugs[name] = org.slug;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  await addCluster('Fynsk Energi', 'world_class', ['energy'], 461);
  await addCluster('Sønderborg Brint', 'emerging', ['energy'], 540);
  await addCluster('Aarhus Mad', 'regional', ['food'], 751);
  await addCluster('Bornholms Netværk', 'emerging', ['tourism'], 400);
  await addCluster('Lukket Energi', 'regional', ['energy'], 461, '2001-01-01');
});
afterAll(() => database?.close());

/** The text of the first element matching a regex group, tags stripped. */
const textOf = (html: string, re: RegExp) =>
  (re.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('landscape page', () => {
  it('shows the matrix with counts, catalogue links and the overlap mark, in Danish', async () => {
    const { res, html } = await new Client(t.app).get('/landskab');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Klyngelandskabet</h1>');
    expect(html).toContain('<caption>Aktive klynger pr. tema og region (efter hjemsted)</caption>');
    expect(html).toContain('<th scope="col">Region Syddanmark</th>');
    expect(html).toContain('<th scope="row">Energi</th>');
    const energyRow = textOf(html, /<th scope="row">Energi<\/th>(.*?)<\/tr>/s);
    // Nordjylland, Midtjylland: none; Syddanmark: 2 (the ended cluster left out); total 2.
    expect(energyRow).toBe(
      '– ingen – ingen 2 klynger med temaet Energi i Region Syddanmark overlap – ingen – ingen 2 klynger med temaet Energi i alt',
    );
    expect(html).toContain('href="/klynger?tema=energy&amp;region=1083"');
    expect(html).toContain('href="/klynger?tema=food&amp;region=1082"');
    expect(html.match(/class="landscape-overlap-marker"/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle=/);
    // The page needs no script of its own: the only scripts are the layout's, for the mobile menu.
    expect(html.match(/<script[^>]*>/g)?.map((tag) => /src="\/assets\/([a-z]+)/.exec(tag)?.[1])).toEqual([
      'dkfds',
      'navigation',
    ]);
  });

  it('shows the map with all regions, seat links and attribution, and the table beside it', async () => {
    const { html } = await new Client(t.app).get('/landskab');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="landscape-map-title landscape-map-desc"/);
    expect(html).toContain('<title id="landscape-map-title">');
    expect(html.match(/<path d="M/g)).toHaveLength(6);
    for (const name of ['Fynsk Energi', 'Sønderborg Brint', 'Aarhus Mad', 'Bornholms Netværk'])
      expect(html).toContain(`href="/klynger/${slugs[name]}"`);
    expect(html).not.toContain('Lukket Energi');
    expect(html.match(/<circle [^>]*r="4.5"/g)).toHaveLength(4);
    expect(html).toContain(
      'Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI 1:500.000 (2014).',
    );
    expect(html).toContain('<caption>Aktive klynger efter region (hjemsted)</caption>');
    const capital = textOf(html, /<th scope="row">Region Hovedstaden<\/th>(.*?)<\/tr>/s);
    expect(capital).toBe('1 Bornholms Netværk , Bornholm');
    const north = textOf(html, /<th scope="row">Region Nordjylland<\/th>(.*?)<\/tr>/s);
    expect(north).toBe('0 Ingen');
  });

  it('renders in English with the same structure', async () => {
    const { res, html } = await new Client(t.app).get('/en/landscape');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>The cluster landscape</h1>');
    expect(html).toContain('<th scope="col">Region of Southern Denmark</th>');
    expect(html).toContain('href="/en/clusters?tema=energy&amp;region=1083"');
    expect(html).toContain(`href="/en/clusters/${slugs['Aarhus Mad']}"`);
    expect(html).toContain('<caption>Active clusters by region (seat)</caption>');
    expect(html).toContain('Contains data from the Danish Agency for Data Supply and Infrastructure');
    expect(html).toContain('href="/landskab" lang="da"');
  });

  it('filters matrix and map by league from the query string and keeps it in the form and links', async () => {
    const { html } = await new Client(t.app).get('/landskab?liga=emerging');
    expect(html).toContain('<option value="emerging" selected="">Små og spirende klynger</option>');
    expect(html).toContain('Viser kun: Små og spirende klynger.');
    expect(html).toContain('href="/klynger?tema=energy&amp;region=1083&amp;liga=emerging"');
    expect(html).not.toContain('class="landscape-overlap-marker"');
    expect(html.match(/<circle [^>]*r="4.5"/g)).toHaveLength(2);
    expect(html).not.toContain(`href="/klynger/${slugs['Fynsk Energi']}"`);
    // An unknown league is ignored, not an error.
    const odd = await new Client(t.app).get('/landskab?liga=premier');
    expect(odd.res.status).toBe(200);
    expect(odd.html.match(/<circle [^>]*r="4.5"/g)).toHaveLength(4);
  });

  it('names the overlapping clusters only for signed-in funders', async () => {
    const visitor = await new Client(t.app).get('/landskab');
    expect(visitor.html).not.toContain('id="overlaps-heading"');
    expect(visitor.html).toContain('Finansiører kan se navnene på de overlappende klynger');

    const funder = await createUser(database.db, 'funder');
    const client = new Client(t.app);
    await client.login(funder.email, funder.password);
    const { html } = await client.get('/landskab');
    expect(html).toContain('<h2 id="overlaps-heading">Overlap mellem klynger</h2>');
    const list = textOf(html, /<ul class="landscape-overlaps">(.*?)<\/ul>/s);
    expect(list).toBe('Energi i Region Syddanmark: Fynsk Energi , Sønderborg Brint');

    const staff = await createUser(database.db, 'cluster_staff');
    const other = new Client(t.app);
    await other.login(staff.email, staff.password);
    expect((await other.get('/landskab')).html).not.toContain('id="overlaps-heading"');
  });
});
