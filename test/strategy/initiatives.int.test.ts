import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { addMilestone, completeMilestone, linkActivity } from '../../src/domain/strategy/commands.ts';
import { listFocusAreas } from '../../src/domain/strategy/queries.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let activityId: number;
let clusterUser: { email: string };
let funderUser: { email: string; id: string };

const seedsDir = '/work/shared/seeds';
const seedText = () => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith('001_'));
  return readFileSync(`${seedsDir}/${file}`, 'utf8').replace(/\s+/g, ' ');
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const cluster = await createOrganisation(database.db);
  clusterUser = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
  // A national funder owns the strategy; its funder user keeps it.
  const ministry = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'national' });
  funderUser = await createUser(database.db, 'funder', { organisationId: ministry.id });
  const [row] = await withActor(database.db, systemActor('test'), (tx) =>
    queryRows<{ id: number }>(
      tx,
      sql`insert into activities (cluster_id, activity_ref, title, category, start_date)
          values (${cluster.id}, 'A-1', 'Workshop om videnbroer', 'knowledge_dissemination', '2016-05-01')
          returning id::int`,
    ),
  );
  activityId = row?.id ?? 0;
}, 120_000);
afterAll(() => database?.close());

const signedIn = (email: string) => signedInClient(t.app, email);

describe(`strategy initiatives (${testDriver()})`, () => {
  it('holds the strategy’s 5 focus areas and 20 initiatives with their titles from seed 001', async () => {
    const areas = await listFocusAreas(database.db);
    expect(areas.map((a) => a.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const initiatives = areas.flatMap((a) => a.initiatives);
    expect(initiatives).toHaveLength(20);
    for (const a of areas) expect(a.initiatives.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const text = seedText();
    for (const x of [...areas, ...initiatives]) {
      expect(text, x.titleDa).toContain(x.titleDa);
      expect(x.titleEn.length).toBeGreaterThan(10);
    }
    expect(initiatives.find((i) => i.code === 'D3')?.titleDa).toBe(
      'Fortsat udvikling af danske Guld- og Sølvklynger og Labelsystemet',
    );
    const parties = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct initiative_code)::int as n from strategy_responsible_parties`,
    );
    expect(parties[0]?.n).toBe(20);
  });

  it('shows the overview publicly in Danish and English with status in words and milestone progress', async () => {
    const client = new Client(t.app);
    const { res, html } = await client.get('/klyngeforum');
    expect(res.status).toBe(200);
    expect(html).toContain('Indsatsområde E: Sammenhæng i klyngeindsatsen og klyngestrukturen');
    expect(html).toContain('Strategisk samarbejde mellem klynger og forskningsinstitutioner om videnbroer');
    expect(html).toContain('Ikke startet');
    const en = await client.get('/en/cluster-forum');
    expect(en.html).toContain('Better overview of the Danish cluster landscape');
    const page = await client.get('/en/cluster-forum/initiatives/e1');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Cluster Forum');
    expect((await client.get('/klyngeforum/initiativer/f9')).res.status).toBe(404);
  });

  it('a status change by the strategy owner writes the history and the audit log', async () => {
    const client = await signedIn(funderUser.email);
    await client.get('/klyngeforum/initiativer/a2');
    const missingNote = await client.post('/klyngeforum/initiativer/a2/status', {
      status: 'in_progress',
      note: '',
    });
    expect(missingNote.res.status).toBe(422);
    expect(missingNote.html).toContain('Skriv en begrundelse for ændringen.');
    const ok = await client.post('/klyngeforum/initiativer/a2/status', {
      status: 'in_progress',
      note: 'Dialog med erhvervsakademierne er i gang',
    });
    expect(ok.res.status).toBe(303);
    const { html } = await client.get(ok.res.headers.get('location') ?? '');
    expect(html).toContain('Ikke startet → I gang');
    expect(html).toContain('Dialog med erhvervsakademierne er i gang');
    const audit = await queryRows<{ entity: string; actor: string }>(
      database.db,
      sql`select entity, actor_label as actor from audit_log
           where entity in ('strategy_initiatives', 'strategy_status_changes') and entity_id in ('A2')
              or (entity = 'strategy_status_changes' and after->>'initiative_code' = 'A2')`,
    );
    expect(audit.map((a) => a.entity).sort()).toEqual(['strategy_initiatives', 'strategy_status_changes']);
    expect(audit.every((a) => a.actor === funderUser.email)).toBe(true);
    const same = await client.post('/klyngeforum/initiativer/a2/status', {
      status: 'in_progress',
      note: 'igen',
    });
    expect(same.res.status).toBe(422);
    expect(same.html).toContain('Vælg en anden status end den nuværende.');
  });

  it('validates milestones: a done date not before creation and not in the future', async () => {
    const actor = systemActor('test');
    const id = await addMilestone(database.db, actor, 'B1', {
      title: 'Værktøj lanceret',
      dueOn: '2027-06-30',
    });
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      completeMilestone(database.db, actor, 'B1', id, { doneOn: '2016-01-01' }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'doneOn', message: 'doneBeforeCreated' }],
    });
    await expect(
      completeMilestone(database.db, actor, 'B1', id, { doneOn: '2099-01-01' }),
    ).rejects.toMatchObject({ issues: [{ message: 'doneInFuture' }] });
    await completeMilestone(database.db, actor, 'B1', id, { doneOn: today });

    const client = await signedIn(funderUser.email);
    await client.get('/klyngeforum/initiativer/b1');
    const bad = await client.post('/klyngeforum/initiativer/b1/milepaele', {
      title: '',
      dueOn: '2027-13-45',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Skriv en gyldig dato som åååå-mm-dd.');
    const added = await client.post('/klyngeforum/initiativer/b1/milepaele', {
      title: 'Krav i bevillinger skærpet',
      dueOn: '2027-12-31',
    });
    expect(added.res.status).toBe(303);
    const overview = await client.get('/klyngeforum');
    expect(overview.html).toContain('1 af 2 milepæle nået');
  });

  it('linking an activity that does not exist is a clear error; an existing one is linked and shown', async () => {
    await expect(linkActivity(database.db, systemActor('test'), 'A1', 999_999_999)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'activityId', message: 'activityNotFound' }],
    });
    const client = await signedIn(funderUser.email);
    await client.get('/klyngeforum/initiativer/a1');
    const missing = await client.post('/klyngeforum/initiativer/a1/aktiviteter', { activityId: '999999999' });
    expect(missing.res.status).toBe(422);
    expect(missing.html).toContain('Der findes ingen aktivitet med det id.');
    const search = await client.get('/klyngeforum/initiativer/a1?q=videnbroer');
    expect(search.html).toContain(`id ${activityId}`);
    const ok = await client.post('/klyngeforum/initiativer/a1/aktiviteter', {
      activityId: String(activityId),
    });
    expect(ok.res.status).toBe(303);
    const page = await client.get('/klyngeforum/initiativer/a1');
    expect(page.html).toContain('Workshop om videnbroer');
    const again = await client.post('/klyngeforum/initiativer/a1/aktiviteter', {
      activityId: String(activityId),
    });
    expect(again.html).toContain('Aktiviteten er allerede tilknyttet initiativet.');
  });

  it('refuses edits by a cluster user (403) and by visitors, and edits without CSRF', async () => {
    const cluster = await signedIn(clusterUser.email);
    const page = await cluster.get('/klyngeforum/initiativer/c1');
    expect(page.res.status).toBe(200);
    expect(page.html).not.toContain('Skift status');
    const res = await cluster.post('/klyngeforum/initiativer/c1/status', {
      status: 'completed',
      note: 'Færdig',
    });
    expect(res.res.status).toBe(403);
    const visitor = new Client(t.app);
    await visitor.get('/klyngeforum/initiativer/c1');
    const anon = await visitor.post('/klyngeforum/initiativer/c1/status', { status: 'completed', note: 'x' });
    expect([302, 401, 403]).toContain(anon.res.status);
    const funder = await signedIn(funderUser.email);
    await funder.get('/klyngeforum/initiativer/c1');
    const noCsrf = await funder.post(
      '/klyngeforum/initiativer/c1/status',
      { status: 'completed', note: 'x' },
      { csrf: false },
    );
    expect(noCsrf.res.status).toBe(403);
    const [row] = await queryRows<{ status: string }>(
      database.db,
      sql`select status from strategy_initiatives where code = 'C1'`,
    );
    expect(row?.status).toBe('not_started');
  });
});
