import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { LABEL_CRITERIA } from '../../src/domain/labels/criteria.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser } from '../support/factories.ts';
import { createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the label self-assessment page', () => {
  const page = '/arbejdsrum/maerkning/maerke-alfa';
  let staff: { email: string };
  let support: { email: string };

  beforeAll(async () => {
    const cluster = await createCluster(database.db, {
      cvr: '29403473',
      name: 'Mærkeklyngen',
      slug: 'maerke-alfa',
    });
    staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    support = await createUser(database.db, 'support_staff');
  });

  it('cluster staff get errors at the criteria left out, then save and see the level', async () => {
    const client = await signedInClient(t.app, staff.email);
    const empty = await client.get(page);
    expect(empty.res.status).toBe(200);
    expect(text(empty.html)).toContain('Vurder alle kriterier for at se, hvilket niveau klyngen peger mod.');

    const scores = Object.fromEntries(LABEL_CRITERIA.map((c) => [c.key, '2']));
    const { satisfaction: _, ...partial } = scores;
    const bad = await client.post(page, partial);
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('href="#satisfaction"');
    expect(text(bad.html)).toContain('Vælg en vurdering af kriteriet.');

    const ok = await client.post(page, scores);
    expect(ok.res.status).toBe(303);
    const saved = await client.get(`${page}?done=saved`);
    expect(text(saved.html)).toContain('Selvevalueringen peger mod niveauet Guld.');
  });

  it('cluster staff add an improvement action with a DKFDS date, see a bad date refused, and mark it done', async () => {
    const client = await signedInClient(t.app, staff.email);
    await client.get(page);
    const bad = await client.post(`${page}/handlinger`, {
      title: 'Mål tilfredshed',
      dueOnDay: '30',
      dueOnMonth: '2',
      dueOnYear: '2027',
    });
    expect(bad.res.status).toBe(422);
    expect(text(bad.html)).toContain('Skriv en rigtig dato: dag, måned og år.');
    const ok = await client.post(`${page}/handlinger`, {
      title: 'Mål tilfredshed',
      dueOnDay: '1',
      dueOnMonth: '3',
      dueOnYear: '2027',
    });
    expect(ok.res.status).toBe(303);
    const list = await client.get(`${page}?done=added`);
    expect(text(list.html)).toContain('Handlingen er tilføjet.');
    expect(text(list.html)).toContain('Mål tilfredshed 1. marts 2027 Åben');
    const done = /action="([^"]+\/udfoert)"/.exec(list.html)?.[1] ?? '';
    expect((await client.post(done, {})).res.status).toBe(303);
    expect(text((await client.get(page)).html)).toContain('Mål tilfredshed 1. marts 2027 Udført');
  });

  it('support staff read it without a form, in English too', async () => {
    const client = await signedInClient(t.app, support.email);
    const read = await client.get('/en/workspace/labelling/maerke-alfa');
    expect(read.res.status).toBe(200);
    expect(text(read.html)).toContain('The self-assessment points to the level Gold.');
    expect(read.html).not.toContain('type="radio"');
    const refused = await client.post(page, {});
    expect(refused.res.status).toBe(403);
  });
});
