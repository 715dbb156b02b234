import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import {
  addMilestone,
  changeStatus,
  completeMilestone,
  linkActivity,
  unlink,
} from '../../src/domain/strategy/commands.ts';
import { initiativeForManager, listFocusAreas } from '../../src/domain/strategy/queries.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let activityId: number;
let clusterUser: { id: string; email: string };
let funderUser: { email: string; id: string };
/** A funder of the ministry that owns the strategy, a regional funder and a cluster's staff, as callers. */
let keeper: Caller;
let regionalFunder: Caller;
let clusterStaff: Caller;

const callerOf = (user: { id: string; email: string }, role: Role, organisationId: string): Caller => ({
  principal: { userId: user.id, memberships: [{ organisationId, role }] },
  actor: { userId: user.id, label: user.email },
});

/**
 * The strategy's own headings (test/fixtures/strategy), by code: 'A' for a focus area, 'A1' for
 * its first initiative.
 */
function strategyHeadings(): Map<string, string> {
  const text = readFileSync(
    new URL('../fixtures/strategy/klyngestrategi-2016-2018-headings.txt', import.meta.url),
    'utf8',
  );
  const headings = new Map<string, string>();
  let area = '';
  for (const line of text.split('\n')) {
    const focusArea = /^Indsatsområde ([A-E]): (.+)$/.exec(line);
    const initiative = /^([1-4])\. (.+)$/.exec(line);
    if (focusArea?.[1] && focusArea[2]) {
      area = focusArea[1];
      headings.set(area, focusArea[2]);
    } else if (initiative?.[1] && initiative[2]) headings.set(`${area}${initiative[1]}`, initiative[2]);
  }
  return headings;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const cluster = await createOrganisation(database.db);
  clusterUser = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
  // A national funder owns the strategy; its funder user keeps it.
  const ministry = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'national' });
  funderUser = await createUser(database.db, 'funder', { organisationId: ministry.id });
  const region = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' });
  const regionUser = await createUser(database.db, 'funder', { organisationId: region.id });
  keeper = callerOf(funderUser, 'funder', ministry.id);
  regionalFunder = callerOf(regionUser, 'funder', region.id);
  clusterStaff = callerOf(clusterUser, 'cluster_staff', cluster.id);
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
  it('holds the strategy’s 5 focus areas and 20 initiatives under the strategy’s own titles', async () => {
    const areas = await listFocusAreas(database.db);
    expect(areas.map((a) => a.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const initiatives = areas.flatMap((a) => a.initiatives);
    expect(initiatives).toHaveLength(20);
    for (const a of areas) expect(a.initiatives.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const headings = strategyHeadings();
    expect(headings.size).toBe(25);
    expect(new Map([...areas, ...initiatives].map((x) => [x.code, x.titleDa]))).toEqual(headings);
    for (const x of [...areas, ...initiatives]) expect(x.titleEn.length, x.code).toBeGreaterThan(10);
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
    const id = await addMilestone(database.db, keeper, 'B1', {
      title: 'Værktøj lanceret',
      dueOn: '2027-06-30',
    });
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      completeMilestone(database.db, keeper, 'B1', id, { doneOn: '2016-01-01' }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'doneOn', message: 'doneBeforeCreated' }],
    });
    await expect(
      completeMilestone(database.db, keeper, 'B1', id, { doneOn: '2099-01-01' }),
    ).rejects.toMatchObject({ issues: [{ message: 'doneInFuture' }] });
    await completeMilestone(database.db, keeper, 'B1', id, { doneOn: today });

    const client = await signedIn(funderUser.email);
    await client.get('/klyngeforum/initiativer/b1');
    const bad = await client.post('/klyngeforum/initiativer/b1/milepaele', {
      title: '',
      dueOn: '2027-13-45',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Frist skal være en rigtig dato med dag, måned og år');
    const added = await client.post('/klyngeforum/initiativer/b1/milepaele', {
      title: 'Krav i bevillinger skærpet',
      dueOn: '2027-12-31',
    });
    expect(added.res.status).toBe(303);
    const overview = await client.get('/klyngeforum');
    expect(overview.html).toContain('1 af 2 milepæle nået');
  });

  it('linking an activity that does not exist is a clear error; an existing one is linked and shown', async () => {
    await expect(linkActivity(database.db, keeper, 'A1', 999_999_999)).rejects.toMatchObject({
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
    // Refused before the form is read: invalid input gets the same 403, not the form's errors.
    const invalid = await cluster.post('/klyngeforum/initiativer/c1/status', { status: 'x', note: '' });
    expect(invalid.res.status).toBe(403);
    // A visitor with a valid CSRF token (from the login form) is sent to log in.
    const visitor = new Client(t.app);
    await visitor.get('/log-ind');
    const anon = await visitor.post('/klyngeforum/initiativer/c1/status', { status: 'completed', note: 'x' });
    expect(anon.res.status).toBe(303);
    expect(anon.res.headers.get('location')).toBe('/log-ind?next=%2Fklyngeforum%2Finitiativer%2Fc1%2Fstatus');
    // Without a token the request is refused before anything else.
    const noToken = new Client(t.app);
    const refused = await noToken.post('/klyngeforum/initiativer/c1/status', {
      status: 'completed',
      note: 'x',
    });
    expect(refused.res.status).toBe(403);
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

  describe('every command refuses a caller who does not keep the strategy', () => {
    const notKeepers = () =>
      [
        ['cluster staff', clusterStaff],
        ['a regional funder', regionalFunder],
      ] as const;
    const forbidden = { code: 'forbidden' };

    it('changeStatus and addMilestone', async () => {
      for (const [, who] of notKeepers()) {
        await expect(
          changeStatus(database.db, who, 'D1', { status: 'completed', note: 'Nej' }),
        ).rejects.toMatchObject(forbidden);
        await expect(
          addMilestone(database.db, who, 'D1', { title: 'Nej', dueOn: '2027-01-01' }),
        ).rejects.toMatchObject(forbidden);
      }
      const d1 = await initiativeForManager(database.db, keeper, 'd1');
      expect(d1).toMatchObject({ status: 'not_started', milestones: [], history: [] });
    });

    it('completeMilestone, linkActivity and unlink', async () => {
      const milestone = await addMilestone(database.db, keeper, 'D2', {
        title: 'Kortlagt',
        dueOn: '2027-06-30',
      });
      await linkActivity(database.db, keeper, 'D2', activityId);
      const [link] = (await initiativeForManager(database.db, keeper, 'D2')).links;
      const today = new Date().toISOString().slice(0, 10);
      for (const [, who] of notKeepers()) {
        await expect(
          completeMilestone(database.db, who, 'D2', milestone, { doneOn: today }),
        ).rejects.toMatchObject(forbidden);
        await expect(linkActivity(database.db, who, 'D3', activityId)).rejects.toMatchObject(forbidden);
        await expect(unlink(database.db, who, 'D2', link?.id ?? '')).rejects.toMatchObject(forbidden);
      }
      const d2 = await initiativeForManager(database.db, keeper, 'D2');
      expect(d2.milestones.map((m) => m.doneOn)).toEqual([null]);
      expect(d2.links.map((l) => l.activityId)).toEqual([activityId]);
      expect((await initiativeForManager(database.db, keeper, 'D3')).links).toEqual([]);
    });

    it('lets an admin keep the strategy, and reads the initiative only for whom keeps it', async () => {
      const support = await createOrganisation(database.db, { kind: 'support_function' });
      const adminUser = await createUser(database.db, 'admin', { organisationId: support.id });
      const admin = callerOf(adminUser, 'admin', support.id);
      await changeStatus(database.db, admin, 'D4', { status: 'in_progress', note: 'Sat i gang' });
      expect((await initiativeForManager(database.db, admin, 'D4')).history).toMatchObject([
        { fromStatus: 'not_started', toStatus: 'in_progress', by: adminUser.email },
      ]);
      for (const [, who] of notKeepers())
        await expect(initiativeForManager(database.db, who, 'D4')).rejects.toMatchObject(forbidden);
    });

    it('an unknown milestone or link is not found, not a database error', async () => {
      await expect(
        completeMilestone(database.db, keeper, 'D2', 'not-a-uuid', { doneOn: '2026-01-01' }),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(unlink(database.db, keeper, 'D2', 'not-a-uuid')).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
