import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { planComments } from '../../src/domain/action-plans/comments.ts';
import { savePlan } from '../../src/domain/action-plans/editing.ts';
import { callerWith } from '../support/callers.ts';
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

describe('sparring on an action plan, on the web', () => {
  const YEAR = 2026;
  const fundingView = `/finansiering/handlingsplaner/sparring-alfa/${YEAR}`;
  const workspaceView = `/arbejdsrum/handlingsplaner/sparring-alfa/${YEAR}`;
  let cluster: { id: string };
  let staff: { id: string; email: string; organisationId: string };
  let support: { email: string };

  beforeAll(async () => {
    cluster = await createCluster(database.db, {
      cvr: '29403473',
      name: 'Sparringklyngen',
      slug: 'sparring-alfa',
    });
    staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    support = await createUser(database.db, 'support_staff');
    await savePlan(
      database.db,
      callerWith(staff, [{ organisationId: cluster.id, role: 'cluster_staff' }]),
      cluster.id,
      YEAR,
      { goals: {}, activities: {}, narrative: 'Kladde til sparring.' },
      new Date(),
    );
  });

  it('support staff read the draft, get a field error for an empty comment, then comment', async () => {
    const client = await signedInClient(t.app, support.email);
    const page = await client.get(fundingView);
    expect(page.res.status).toBe(200);
    expect(text(page.html)).toContain('Kladde til sparring.');
    expect(page.html).toContain(`action="${fundingView}/kommentarer"`);

    const empty = await client.post(`${fundingView}/kommentarer`, { section: 'goals', body: '  ' });
    expect(empty.res.status).toBe(422);
    expect(empty.html).toContain('id="body-error"');
    expect(text(empty.html)).toContain('Skriv en kommentar.');

    const wrong = await client.post(`${fundingView}/kommentarer`, { section: 'budget', body: 'Hej' });
    expect(wrong.res.status).toBe(422);
    expect(text(wrong.html)).toContain('Vælg, hvad kommentaren handler om.');

    const ok = await client.post(`${fundingView}/kommentarer`, {
      section: 'goals',
      body: 'Sæt et mål for eksport.',
    });
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toBe(`${fundingView}?done=commented`);
    const after = await client.get(`${fundingView}?done=commented`);
    expect(text(after.html)).toContain('Kommentaren er sendt til klyngen.');
    expect(text(after.html)).toContain('Om: Målene Afventer klyngen Sæt et mål for eksport.');
  });

  it('cluster staff see the comment and mark it handled; they cannot comment themselves', async () => {
    const client = await signedInClient(t.app, staff.email);
    const page = await client.get(workspaceView);
    expect(text(page.html)).toContain('Sæt et mål for eksport.');
    const [comment] = await planComments(database.db, cluster.id, YEAR);
    const handled = `${workspaceView}/kommentarer/${comment?.id}/behandlet`;
    expect(page.html).toContain(`action="${handled}"`);

    const refused = await client.post(`/finansiering/handlingsplaner/sparring-alfa/${YEAR}/kommentarer`, {
      section: '',
      body: 'Egen kommentar',
    });
    expect(refused.res.status).toBe(403);

    const ok = await client.post(handled, {});
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toBe(`${workspaceView}?done=handled`);
    expect((await planComments(database.db, cluster.id, YEAR))[0]?.handledAt).toBeInstanceOf(Date);
    const again = await client.post(handled, {});
    expect(again.res.status).toBe(409);
  });

  it('shows the English page with the same comment', async () => {
    const client = await signedInClient(t.app, support.email);
    const page = await client.get(`/en/funding/action-plans/sparring-alfa/${YEAR}`);
    expect(page.res.status).toBe(200);
    expect(text(page.html)).toContain('About: The goals Handled Sæt et mål for eksport.');
  });
});
