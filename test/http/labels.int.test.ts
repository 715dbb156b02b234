import { readFile } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { auditLog, clusterLabels, organisations } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

const fixture = (name: string) => readFile(new URL(`../fixtures/labels/${name}`, import.meta.url));

let database: Database;
let t: TestApp;
let odense: string;
let aarhus: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  // Noon in Denmark on the demo's reference day: statuses below are computed for 2026-11-26.
  t.advanceClock(Date.parse('2026-11-26T11:00:00Z') - Date.now());
  const orgs = await withActor(database.db, systemActor('test'), async (tx) => {
    const rows = await tx
      .insert(organisations)
      .values([
        {
          kind: 'cluster_organisation',
          name: 'Fynske Robotter',
          slug: 'fynske-robotter',
          cvr: '31000017',
          municipalityCode: 461,
        },
        {
          kind: 'cluster_organisation',
          name: 'Aarhus Lyd',
          slug: 'aarhus-lyd',
          cvr: '31000025',
          municipalityCode: 751,
        },
      ])
      .returning();
    const [o, a] = rows.map((r) => r.id) as [string, string];
    await tx.insert(clusterLabels).values([
      {
        organisationId: o,
        level: 'gold',
        awardedOn: '2024-05-26',
        validUntil: '2027-05-26',
        assessingBody: 'ESCA',
      },
      {
        organisationId: o,
        level: 'bronze',
        awardedOn: '2022-01-10',
        validUntil: '2024-01-10',
        assessingBody: 'ESCA',
      },
      {
        organisationId: a,
        level: 'silver',
        awardedOn: '2025-03-01',
        validUntil: '2027-03-01',
        assessingBody: 'ESCA',
      },
      {
        organisationId: a,
        level: 'bronze',
        awardedOn: '2025-09-01',
        validUntil: '2027-09-01',
        assessingBody: 'ESCA',
      },
    ]);
    return [o, a] as const;
  });
  [odense, aarhus] = orgs;
});
afterAll(() => database?.close());

async function signedIn(role: Role, organisationId?: string) {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return { user, client: await signedInClient(t.app, user.email) };
}

/** Posts a file as a browser does: multipart, with the CSRF token from the last page unless told not to. */
async function upload(client: Client, csv: string | Buffer, opts: { csrf?: boolean; path?: string } = {}) {
  const form = new FormData();
  if (opts.csrf !== false) form.set('_csrf', client.csrfToken);
  form.set(
    'file',
    new Blob([typeof csv === 'string' ? csv : new Uint8Array(csv)], { type: 'text/csv' }),
    'maerker.csv',
  );
  const res = await client.request(opts.path ?? '/maerker/import', { method: 'POST', body: form });
  return { res, html: await res.text() };
}

const ourLabels = () =>
  database.db
    .select()
    .from(clusterLabels)
    .where(inArray(clusterLabels.organisationId, [odense, aarhus]));

const rowOf = (html: string, cluster: string, level: string) =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'))
    .find((r) => r.includes(cluster) && r.includes(level));

describe('the public label register', () => {
  it('shows every label with level as text, Danish dates, assessing body and status', async () => {
    const { res, html } = await new Client(t.app).get('/maerker');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Mærkningsregister</h1>');
    expect(html).toMatch(/<caption>Klyngemærker med niveau/);
    expect(html).toContain('<th scope="col">Gyldigt til</th>');
    expect(html).toContain('<a href="/klynger/fynske-robotter">Fynske Robotter</a>');
    expect(rowOf(html, 'Fynske Robotter', 'Guld')).toBe(
      '|Fynske Robotter|Guld|26. maj 2024|26. maj 2027|ESCA|Udløber snart|',
    );
    expect(rowOf(html, 'Fynske Robotter', 'Bronze')).toContain('|Udløbet|');
    expect(rowOf(html, 'Aarhus Lyd', 'Bronze')).toContain('|Gyldigt|');
    expect(html).toContain('<span class="badge badge-warning">Udløber snart</span>');
    // Neither the follow-up flags nor the import are for visitors.
    expect(html).not.toContain('Udløber inden for 6 måneder');
    expect(html).not.toContain('/maerker/import');
  });

  it('counts the clusters with a label of each level valid today', async () => {
    const { html } = await new Client(t.app).get('/maerker');
    const figures = [...html.matchAll(/<span class="key-figure-value">(\d+)<\/span>([^<]+)</g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(figures).toEqual(['1 klynge med Guld', '1 klynge med Sølv', '1 klynge med Bronze']);
  });

  it('filters by level, status and region through the query string, and keeps the choices in the form', async () => {
    const client = new Client(t.app);
    const gold = await client.get('/maerker?level=gold&status=expiring');
    expect(gold.html).toContain('<option value="gold" selected="">Guld</option>');
    expect(gold.html).toContain('<option value="expiring" selected="">Udløber snart</option>');
    expect(gold.html).toContain('1 mærke');
    expect(gold.html).toContain('Nulstil filtre');
    const region = await client.get('/maerker?region=1082');
    expect(region.html).toContain('<option value="1082" selected="">Region Midtjylland</option>');
    expect(region.html).toContain('Aarhus Lyd');
    expect(region.html).not.toContain('>Fynske Robotter</a>');
    const none = await client.get('/maerker?region=1084');
    expect(none.html).toContain('Ingen mærker matcher filtrene.');
    const junk = await client.get('/maerker?level=tin&status=&region=x');
    expect(junk.res.status).toBe(200);
    expect(junk.html).toContain('Fynske Robotter');
  });

  it('is in English under /en/labels', async () => {
    const { res, html } = await new Client(t.app).get('/en/labels?level=gold');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Label register</h1>');
    expect(rowOf(html, 'Fynske Robotter', 'Gold')).toBe(
      '|Fynske Robotter|Gold|26 May 2024|26 May 2027|ESCA|Expiring soon|',
    );
    expect(html).toContain('<a href="/en/clusters/fynske-robotter">');
  });
});

describe('flags for labels about to expire', () => {
  it('shows support staff every label expiring within 6 months, and the import link', async () => {
    const { client } = await signedIn('support_staff');
    const { html } = await client.get('/maerker');
    const flags = html.slice(html.indexOf('id="expiring-heading"'), html.indexOf('filter-heading'));
    expect(flags).toContain('Udløber inden for 6 måneder');
    expect(flags).toContain('Fynske Robotter');
    expect(flags).toContain('Aarhus Lyd');
    expect(flags).not.toContain('2027-09-01');
    expect(html).toContain('href="/maerker/import"');
  });

  it('shows cluster staff the expiring labels of their own cluster only', async () => {
    const { client } = await signedIn('cluster_staff', aarhus);
    const { html } = await client.get('/maerker');
    const flags = html.slice(html.indexOf('id="expiring-heading"'), html.indexOf('filter-heading'));
    expect(flags).toContain('Jeres mærker');
    expect(flags).toContain('Aarhus Lyd');
    expect(flags).not.toContain('Fynske Robotter');
    expect(html).not.toContain('href="/maerker/import"');
  });

  it('shows no flags to other roles', async () => {
    const { client } = await signedIn('funder');
    const { html } = await client.get('/maerker');
    expect(html).not.toContain('expiring-heading');
  });
});

describe('label import', () => {
  it('is for the support function and admins only', async () => {
    for (const role of ['admin', 'support_staff', 'cluster_staff', 'funder'] as const) {
      const { client } = await signedIn(role);
      const { res } = await client.get('/maerker/import');
      expect(res.status, role).toBe(role === 'admin' || role === 'support_staff' ? 200 : 403);
    }
    const { res } = await new Client(t.app).get('/en/labels/import');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/log-in?next=%2Fen%2Flabels%2Fimport');
  });

  it('shows the form with the columns, an example and a template to download', async () => {
    const { client } = await signedIn('support_staff');
    const { html } = await client.get('/maerker/import');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<input type="file" id="file" name="file"');
    for (const c of ['cluster_cvr', 'level', 'awarded_on', 'valid_until', 'assessing_body'])
      expect(html).toContain(`<code>${c}</code>`);
    const template = await client.request('/maerker/import/skabelon.csv');
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The BOM makes Excel read the file as UTF-8; Response.text() would drop it, so look at the bytes.
    expect(Buffer.from(await template.arrayBuffer()).toString('latin1')).toBe(
      '\xef\xbb\xbfcluster_cvr,level,awarded_on,valid_until,assessing_body\r\n',
    );
  });

  it('imports a good file, reports the counts, and a second import adds nothing', async () => {
    const { user, client } = await signedIn('support_staff');
    await client.get('/maerker/import');
    const before = (await ourLabels()).length;
    const first = await upload(client, await fixture('good.csv'));
    expect(first.res.status).toBe(200);
    expect(first.html).toContain('3 nye mærker oprettet, 0 opdateret, 0 fandtes allerede uændret.');
    expect(await ourLabels()).toHaveLength(before + 3);
    const again = await upload(client, await fixture('good.csv'));
    expect(again.html).toContain('0 nye mærker oprettet, 0 opdateret, 3 fandtes allerede uændret.');
    expect(await ourLabels()).toHaveLength(before + 3);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'cluster_labels'), eq(auditLog.actorUserId, user.id)));
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.action === 'insert' && a.actorLabel === user.email && a.requestId)).toBe(
      true,
    );
  });

  it('answers 422 with every error by line and column, in the page language, and writes nothing', async () => {
    const { client } = await signedIn('admin');
    await client.get('/maerker/import');
    const before = await ourLabels();
    const { res, html } = await upload(client, await fixture('bad-rows.csv'));
    expect(res.status).toBe(422);
    expect(html).toContain('Der er 8 fejl i filen. Intet er gemt.');
    expect(rowOf(html, '31000018', 'cluster_cvr')).toBe(
      '|3|cluster_cvr|31000018|Ikke et gyldigt CVR-nummer (8 cifre med korrekt kontrolciffer).|',
    );
    expect(rowOf(html, '2025-02-30', 'awarded_on')).toContain(
      '|7|awarded_on|2025-02-30|Ikke en gyldig dato.',
    );
    expect(rowOf(html, '2025-01-01', 'valid_until')).toContain('|8|valid_until|');
    expect(await ourLabels()).toEqual(before);

    await client.get('/en/labels/import');
    const en = await upload(client, await fixture('unknown-column.csv'), { path: '/en/labels/import' });
    expect(en.res.status).toBe(422);
    expect(rowOf(en.html, 'comment', 'Unknown column')).toBe(
      '|1|–|comment|Unknown column. Allowed columns: cluster_cvr, level, awarded_on, valid_until, assessing_body.|',
    );
  });

  it('refuses a missing file, a file over the limit and one that is not UTF-8', async () => {
    const { client } = await signedIn('support_staff');
    await client.get('/maerker/import');
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    const noFile = await client.request('/maerker/import', { method: 'POST', body: form });
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain('Vælg en CSV-fil.');
    const big = await upload(
      client,
      `cluster_cvr,level,awarded_on,valid_until,assessing_body\n${'x'.repeat(2 * 1024 * 1024)}`,
    );
    expect(big.res.status).toBe(413);
    expect(big.html).toContain('Filen er for stor. Den må højst være 2 MB.');
    const latin1 = await upload(
      client,
      Buffer.from('cluster_cvr,level,awarded_on,valid_until,assessing_body\nø', 'latin1'),
    );
    expect(latin1.res.status).toBe(422);
    expect(latin1.html).toContain('Filen er ikke UTF-8.');
  });

  it('refuses an upload from a user outside the support function, writing nothing', async () => {
    const { client } = await signedIn('cluster_staff', odense);
    await client.get('/maerker');
    const before = await ourLabels();
    const { res } = await upload(client, await fixture('good-semicolon.csv'));
    expect(res.status).toBe(403);
    expect(await ourLabels()).toEqual(before);
  });

  it('refuses an upload without the CSRF token, writing nothing', async () => {
    const { client } = await signedIn('support_staff');
    await client.get('/maerker/import');
    const before = await ourLabels();
    const { res, html } = await upload(client, await fixture('good-semicolon.csv'), { csrf: false });
    expect(res.status).toBe(403);
    expect(html).toContain('Formularen er udløbet');
    expect(await ourLabels()).toEqual(before);
  });
});
