import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { addNotifications } from '../../src/domain/notifications/commands.ts';
import { createTestDatabase } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
}, 120_000);
afterAll(() => database?.close());

describe('the notifications pages', () => {
  it('serve any signed-in role: an assessor reads, follows in English and marks its notifications read', async () => {
    const assessor = await createUser(database.db, 'assessor');
    await withActor(database.db, systemActor('test'), (tx) =>
      addNotifications(tx, [
        {
          recipientUserId: assessor.id,
          text: 'Du er tilføjet som bedømmer',
          textEn: 'You were added as an assessor',
          link: '/bedoemmelser',
          createdAt: new Date('2031-01-01T08:00:00Z'),
        },
      ]),
    );
    const client = new Client(t.app);
    expect((await client.login(assessor.email, assessor.password)).res.status).toBe(303);
    expect((await client.get('/')).html).toContain('Notifikationer (1 ulæste)');
    const list = await client.get('/konto/notifikationer');
    expect(list.res.status).toBe(200);
    expect(list.html).toContain('<a href="/bedoemmelser">Du er tilføjet som bedømmer</a>');
    const english = await client.get('/en/account/notifications');
    expect(english.html).toContain('<a href="/en/assessments">You were added as an assessor</a>');
    const marked = await client.post('/en/account/notifications', {});
    expect(marked.res.status).toBe(303);
    expect(marked.res.headers.get('location')).toBe('/en/account/notifications?laest=1');
    expect((await client.get('/konto/notifikationer?laest=1')).html).toContain(
      'Alle notifikationer er markeret som læst.',
    );
    expect((await client.get('/')).html).not.toContain('ulæste');
  });

  it('send a visitor to log in', async () => {
    const res = await new Client(t.app).request('/konto/notifikationer');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/log-ind?next=%2Fkonto%2Fnotifikationer');
  });
});
