import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import {
  auditLog,
  clusterLabels,
  clusterProfileDrafts,
  clusters,
  events,
  organisations,
  posts,
} from '../../src/db/schema/index.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { copenhagenDate } from '../../src/domain/reference/time.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

/** A cluster that meets all five criteria, with a Gold label valid today. */
async function createCluster(
  name: string,
  opts: { seat?: number; themes?: string[]; league?: 'world_class' | 'regional' | 'emerging' } = {},
) {
  serial++;
  let cvr: string | null = null;
  for (let n = 3100000 + serial * 13; !cvr; n++) cvr = completeCvr(String(n));
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${serial}`;
  const today = copenhagenDate(new Date());
  const year = Number(today.slice(0, 4));
  return withActor(database.db, systemActor('test'), async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ kind: 'cluster_organisation', name, slug, cvr, municipalityCode: opts.seat ?? 461 })
      .returning();
    if (!org) throw new Error('no org');
    await tx.insert(clusters).values({
      organisationId: org.id,
      league: opts.league ?? 'regional',
      themes: opts.themes ?? ['robotics'],
      summaryDa: `${name} samler robotvirksomheder.`,
      staffFte: 3,
      dedicatedCompanies: 40,
      boardCompanies: 3,
      boardKnowledgeInstitutions: 1,
      boardPublic: 1,
      innovationPurpose: true,
      contactEmail: `kontakt@${slug}.test`,
    });
    await tx.insert(clusterLabels).values({
      organisationId: org.id,
      level: 'gold',
      awardedOn: `${year - 1}-01-01`,
      validUntil: `${year + 2}-01-01`,
      assessingBody: 'ESCA',
    });
    return org;
  });
}

async function staffOf(organisationId: string) {
  const user = await createUser(database.db, 'cluster_staff', { organisationId });
  const client = new Client(t.app);
  await client.login(user.email, TEST_PASSWORD);
  return { user, client };
}

/** The edit form's current values as fields to post back, from the rendered form. */
function formValues(html: string): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const prev = values[k];
    values[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const a = m[1] ?? '';
    const name = /name="([^"]+)"/.exec(a)?.[1];
    if (!name || name === '_csrf') continue;
    const value = decode(/value="([^"]*)"/.exec(a)?.[1] ?? '');
    if (/type="checkbox"/.test(a)) {
      if (/checked/.test(a)) add(name, value);
    } else add(name, value);
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    add(m[1] ?? '', decode(m[2] ?? ''));
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    add(m[1] ?? '', /<option value="([^"]*)" selected/.exec(m[2] ?? '')?.[1] ?? '');
  }
  return values;
}

async function postProfile(
  client: Client,
  slug: string,
  values: Record<string, string | string[]>,
  action: string,
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  body.set('action', action);
  body.set('_csrf', client.csrfToken);
  const res = await client.request(`/klynger/${slug}/rediger`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { res, html: res.status === 303 ? '' : await res.text() };
}

const inSection = (html: string, heading: string, name: string) => {
  const start = html.indexOf(heading);
  if (start < 0) return false;
  const next = html.indexOf('<section', start);
  return html.slice(start, next < 0 ? undefined : next).includes(name);
};

describe('qualification of a cluster edited to fail each criterion in turn', () => {
  const cases: [string, Record<string, string | string[]>, string][] = [
    ['innovation purpose', { innovationPurpose: [] }, 'Klyngen har ikke angivet et innovationsformål.'],
    [
      'triple helix',
      { boardKnowledgeInstitutions: '0' },
      'Bestyrelsen mangler repræsentanter for: videninstitutioner.',
    ],
    ['formal organisation', { staffFte: '0,5' }, '0,5 årsværk; kravet er mindst 1.'],
    [
      'dedicated companies',
      { dedicatedCompanies: '19' },
      '19 dedikerede private virksomheder; kravet er mindst 20.',
    ],
  ];
  for (const [criterion, change, reason] of cases) {
    it(`moves to the emerging catalogue when it fails ${criterion}, with the reason`, async () => {
      const org = await createCluster(`Robotklynge ${criterion}`);
      const { client } = await staffOf(org.id);
      const catalogue = async () => (await new Client(t.app).get('/klynger')).html;
      expect(inSection(await catalogue(), 'id="significant-heading"', org.name)).toBe(true);

      const { html } = await client.get(`/klynger/${org.slug}/rediger`);
      const values = { ...formValues(html), ...change };
      if (Array.isArray(change.innovationPurpose)) delete values.innovationPurpose;
      const published = await postProfile(client, org.slug, values, 'publish');
      expect(published.res.status, published.html.slice(0, 300)).toBe(303);

      const after = await catalogue();
      expect(inSection(after, 'id="significant-heading"', org.name)).toBe(false);
      expect(inSection(after, 'id="emerging-heading"', org.name)).toBe(true);
      const page = (await new Client(t.app).get(`/klynger/${org.slug}`)).html;
      expect(page).toContain(reason);
      expect(page).toContain('Klyngen opfylder ikke alle fem kriterier');
    });
  }

  it('moves to the emerging catalogue when its label expires, and back when certification is in process', async () => {
    const org = await createCluster('Mærkeklyngen');
    await withActor(database.db, systemActor('test'), (tx) =>
      tx
        .update(clusterLabels)
        .set({ awardedOn: '2020-01-01', validUntil: '2022-01-01' })
        .where(eq(clusterLabels.organisationId, org.id)),
    );
    const page = (await new Client(t.app).get(`/klynger/${org.slug}`)).html;
    expect(page).toContain('Ingen gyldig mærkning, og ingen certificering i gang.');
    const { client } = await staffOf(org.id);
    const { html } = await client.get(`/klynger/${org.slug}/rediger`);
    await postProfile(client, org.slug, { ...formValues(html), labelInProcess: 'on' }, 'publish');
    const again = (await new Client(t.app).get(`/klynger/${org.slug}`)).html;
    expect(again).toContain('Certificering er i gang.');
    expect(again).toContain('Klyngen opfylder alle fem kriterier');
  });
});

describe('editing a profile: drafts, preview, publish, audit', () => {
  it('saves a draft that the public does not see, previews it, then publishes it, all audited', async () => {
    const org = await createCluster('Kladdeklyngen');
    const { user, client } = await staffOf(org.id);
    const { html } = await client.get(`/klynger/${org.slug}/rediger`);
    // The schema requires the Danish summary, not the English one.
    expectRequiredFieldMarks(html, {
      optional: 'Kort beskrivelse (engelsk)',
      required: 'Kort beskrivelse (dansk)',
    });
    const values = { ...formValues(html), summaryDa: 'Ny kort beskrivelse fra kladden.' };

    const draft = await postProfile(client, org.slug, values, 'preview');
    expect(draft.res.status).toBe(303);
    expect(draft.res.headers.get('location')).toBe(`/klynger/${org.slug}/forhaandsvisning`);
    expect((await client.get(`/klynger/${org.slug}/forhaandsvisning`)).html).toContain(
      'Ny kort beskrivelse fra kladden.',
    );
    expect((await new Client(t.app).get(`/klynger/${org.slug}`)).html).not.toContain(
      'Ny kort beskrivelse fra kladden.',
    );
    expect((await client.get(`/klynger/${org.slug}/rediger`)).html).toContain('Der er en kladde');

    await postProfile(client, org.slug, values, 'publish');
    expect((await new Client(t.app).get(`/klynger/${org.slug}`)).html).toContain(
      'Ny kort beskrivelse fra kladden.',
    );
    expect(
      await database.db
        .select()
        .from(clusterProfileDrafts)
        .where(eq(clusterProfileDrafts.organisationId, org.id)),
    ).toHaveLength(0);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.entityId, org.id)));
    const kinds = audit.map((a) => `${a.entity}:${a.action}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'cluster_profile_drafts:insert',
        'clusters:update',
        'cluster_profile_drafts:delete',
      ]),
    );
    const update = audit.find((a) => a.entity === 'clusters' && a.action === 'update');
    expect(update?.after).toMatchObject({ summary_da: 'Ny kort beskrivelse fra kladden.' });
    expect(update?.before).toMatchObject({ summary_da: expect.stringContaining('samler robotvirksomheder') });
  });

  it('discards a draft', async () => {
    const org = await createCluster('Kasseklyngen');
    const { client } = await staffOf(org.id);
    const { html } = await client.get(`/klynger/${org.slug}/rediger`);
    await postProfile(client, org.slug, { ...formValues(html), summaryDa: 'Kasseres.' }, 'save');
    const discarded = await postProfile(client, org.slug, {}, 'discard');
    expect(discarded.res.headers.get('location')).toContain('status=discarded');
    expect((await client.get(`/klynger/${org.slug}/rediger`)).html).not.toContain('Kasseres.');
  });

  it('shows specific errors and writes nothing for bad input', async () => {
    const org = await createCluster('Fejlklyngen');
    const { client } = await staffOf(org.id);
    const { html } = await client.get(`/klynger/${org.slug}/rediger`);
    const bad: Record<string, string | string[]> = {
      ...formValues(html),
      summaryDa: '',
      website: 'http://usikker.dk',
      strongholdIndustries: '28 3401 x',
      staffFte: 'mange',
      seatMunicipality: '999',
    };
    delete bad.themes;
    const before = await database.db.select().from(clusters).where(eq(clusters.organisationId, org.id));
    const res = await postProfile(client, org.slug, bad, 'publish');
    expect(res.res.status).toBe(422);
    for (const text of [
      'Kort beskrivelse (dansk) skal udfyldes.',
      'Vælg mindst ét tema.',
      'Skriv en adresse, der begynder med https://.',
      'Hver kode skal være 2-6 cifre',
      'Medarbejdere i årsværk skal være et tal, fx 12,5 eller 10.000.',
      'Vælg en af de 98 kommuner.',
    ]) {
      expect(res.html).toContain(text);
    }
    expect(await database.db.select().from(clusters).where(eq(clusters.organisationId, org.id))).toEqual(
      before,
    );
  });
});

describe('who may edit a profile', () => {
  it('refuses cluster staff of another cluster with 403, for the form, the preview and a POST', async () => {
    const mine = await createCluster('Egen klynge');
    const other = await createCluster('Anden klynge');
    const { client } = await staffOf(mine.id);
    expect((await client.get(`/klynger/${other.slug}/rediger`)).res.status).toBe(403);
    expect((await client.get(`/klynger/${other.slug}/forhaandsvisning`)).res.status).toBe(403);
    await client.get(`/klynger/${mine.slug}/rediger`);
    const post = await postProfile(client, other.slug, { summaryDa: 'Overtaget' }, 'publish');
    expect(post.res.status).toBe(403);
    const [row] = await database.db.select().from(clusters).where(eq(clusters.organisationId, other.id));
    expect(row?.summaryDa).toBe('Anden klynge samler robotvirksomheder.');
    expect((await client.get(`/klynger/${mine.slug}/rediger`)).res.status).toBe(200);
  });

  it('lets support staff and admins edit any cluster; funders and visitors may not', async () => {
    const org = await createCluster('Fælles klynge');
    for (const role of ['support_staff', 'admin'] as const) {
      const u = await createUser(database.db, role);
      const c = new Client(t.app);
      await c.login(u.email, TEST_PASSWORD);
      expect((await c.get(`/klynger/${org.slug}/rediger`)).res.status, role).toBe(200);
    }
    const funder = await createUser(database.db, 'funder');
    const fc = new Client(t.app);
    await fc.login(funder.email, TEST_PASSWORD);
    expect((await fc.get(`/klynger/${org.slug}/rediger`)).res.status).toBe(403);
    expect((await new Client(t.app).get(`/klynger/${org.slug}/rediger`)).res.status).toBe(303);
  });

  it('shows the edit link only to those who may edit', async () => {
    const org = await createCluster('Linkklyngen');
    const { client } = await staffOf(org.id);
    expect((await client.get(`/klynger/${org.slug}`)).html).toContain(`/klynger/${org.slug}/rediger`);
    expect((await new Client(t.app).get(`/klynger/${org.slug}`)).html).not.toContain(
      `/klynger/${org.slug}/rediger`,
    );
  });
});

describe('catalogue filters and the cluster page', () => {
  it('combines theme, region, league and label filters, reflected in the URL', async () => {
    const a = await createCluster('Filter Energi Syd', {
      seat: 461,
      themes: ['energy'],
      league: 'world_class',
    });
    const b = await createCluster('Filter Energi Nord', {
      seat: 851,
      themes: ['energy'],
      league: 'regional',
    });
    const c = await createCluster('Filter Vand Syd', { seat: 461, themes: ['water'], league: 'world_class' });
    const { html } = await new Client(t.app).get('/klynger?tema=energy&region=1083');
    expect(html).toContain(a.name);
    expect(html).not.toContain(b.name);
    expect(html).not.toContain(c.name);
    expect(html).toMatch(/<option value="energy" selected/);
    const league = (await new Client(t.app).get('/klynger?tema=energy&liga=regional')).html;
    expect(league).toContain(b.name);
    expect(league).not.toContain(a.name);
    const noLabel = (await new Client(t.app).get('/klynger?maerke=none&tema=energy')).html;
    expect(noLabel).toContain('Ingen klynger matcher filtrene.');
    const junk = await new Client(t.app).get('/klynger?tema=%3Cscript%3E&region=abc');
    expect(junk.res.status).toBe(200);
  });

  it("lists a cluster's upcoming events and success stories on its page", async () => {
    const org = await createCluster('Arrangementsklyngen');
    const now = Date.now();
    await withActor(database.db, systemActor('test'), async (tx) => {
      await tx.insert(events).values({
        organisationId: org.id,
        slug: `robotdag-${org.slug}`,
        title: 'Robotdag i Odense',
        startsAt: new Date(now + 86_400_000),
        endsAt: new Date(now + 90_000_000),
        location: 'Odense',
        publishedAt: new Date(now - 1000),
      });
      await tx.insert(posts).values({
        kind: 'success_story',
        organisationId: org.id,
        slug: `historie-${org.slug}`,
        title: 'Fra idé til robotcelle',
        publishedAt: new Date(now - 1000),
      });
    });
    for (const path of [`/klynger/${org.slug}`, `/en/clusters/${org.slug}`]) {
      const { res, html } = await new Client(t.app).get(path);
      expect(res.status, path).toBe(200);
      expect(html).toContain('Robotdag i Odense');
      expect(html).toContain('Fra idé til robotcelle');
    }
  });

  it('answers an unknown cluster with 404 and shows the English page under /en', async () => {
    expect((await new Client(t.app).get('/klynger/findes-ikke')).res.status).toBe(404);
    const org = await createCluster('Sprogklyngen');
    const en = await new Client(t.app).get(`/en/clusters/${org.slug}`);
    expect(en.res.status).toBe(200);
    expect(en.html).toContain('Criteria of a significant cluster');
    expect(en.html).toContain(`href="/klynger/${org.slug}" lang="da"`);
  });
});

describe('contact form', () => {
  it('sends the message to the cluster by e-mail, and rate limits', async () => {
    const org = await createCluster('Kontaktklyngen');
    const client = new Client(t.app);
    await client.get(`/klynger/${org.slug}`);
    const bad = await client.post(`/klynger/${org.slug}/kontakt`, { name: '', email: 'x', message: '' });
    expect(bad.res.status).toBe(422);
    const sent = await client.post(`/klynger/${org.slug}/kontakt`, {
      name: 'Eva',
      email: 'eva@firma.dk',
      message: 'Vi vil gerne være medlem.',
    });
    expect(sent.res.status).toBe(303);
    const mail = t.deps.mailer.outbox.at(-1);
    expect(mail?.to).toBe(`kontakt@${org.slug}.test`);
    expect(mail?.replyTo).toBe('eva@firma.dk');
    expect(mail?.text).toContain('Vi vil gerne være medlem.');
    expect(
      (
        await client.post(
          `/klynger/${org.slug}/kontakt`,
          { name: 'Eva', email: 'eva@firma.dk', message: 'x' },
          { csrf: false },
        )
      ).res.status,
    ).toBe(403);
    let status = 0;
    for (let i = 0; i < 6 && status !== 429; i++) {
      status = (
        await client.post(`/klynger/${org.slug}/kontakt`, {
          name: 'Eva',
          email: 'eva@firma.dk',
          message: `Igen ${i}`,
        })
      ).res.status;
    }
    expect(status).toBe(429);
  });
});
