import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { VERSION_MAX_AGE_MS } from '../../src/domain/search/cache.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let staff: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const supportFunction = await createOrganisation(database.db, { kind: 'support_function' });
  const user = await createUser(database.db, 'support_staff', { organisationId: supportFunction.id });
  staff = await signedInClient(t.app, user.email);
});
afterAll(() => database?.close());

const FORM = {
  titleDa: 'Workshop om grøn omstilling',
  titleEn: 'Workshop on the green transition',
  summaryDa: 'En dag om klimamål, grønne forretningsmodeller og projekter med virksomheder.',
  summaryEn: 'A day on climate targets, green business models and projects with companies.',
  descriptionDa: 'Vi arbejder med **konkrete** cases.',
  descriptionEn: '',
  targetGroups: 'staff',
  form: 'workshop',
  payment: 'user_payment',
  price: '1.250',
  capacity: '30',
  language: 'da',
};

describe(`the support function's service pages (${testDriver()})`, () => {
  it('support staff create a service from the form; it shows on its page, in the list, its filters and the search', async () => {
    await staff.get('/support/ydelser/ny');
    const saved = await staff.post('/support/ydelser/ny', FORM);
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe('/ydelser/workshop-om-groen-omstilling?gemt=1');

    const visitor = new Client(t.app);
    const page = await visitor.get('/ydelser/workshop-om-groen-omstilling');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<h1>Workshop om grøn omstilling</h1>');
    expect(page.html).toContain('Egenbetaling: 1.250 kr.');
    expect(page.html).toContain('<strong>konkrete</strong>');
    expect(page.html).not.toContain('Redigér ydelsen');
    const english = await visitor.get('/en/services/workshop-om-groen-omstilling');
    expect(english.html).toContain('<h1>Workshop on the green transition</h1>');
    expect(english.html).toContain('User payment: DKK 1,250');

    expect((await visitor.get('/ydelser?group=staff&form=workshop')).html).toContain(
      'Workshop om grøn omstilling',
    );
    const otherGroup = await visitor.get('/ydelser?group=boards');
    expect(otherGroup.html).not.toContain('Workshop om grøn omstilling');
    expect(otherGroup.html).toContain('Ingen ydelser passer til filtrene.');
    // A filter value that does not exist is ignored, so an old link still shows the list.
    expect((await visitor.get('/ydelser?form=lecture')).html).toContain('Workshop om grøn omstilling');

    const found = await visitor.get('/soeg?q=omstilling&type=service');
    expect(found.html).toContain('href="/ydelser/workshop-om-groen-omstilling"');
    expect(found.html).toContain('Ydelse fra den nationale supportfunktion');
  });

  it('shows a refused form again with each error naming its field and what was typed kept', async () => {
    await staff.get('/support/ydelser/ny');
    const refused = await staff.post('/support/ydelser/ny', {
      ...FORM,
      titleDa: '',
      payment: 'free',
      capacity: 'tre',
    });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('Titel på dansk skal udfyldes.');
    expect(refused.html).toContain(
      'Skriv en pris ved egenbetaling eller pris, og ingen pris ved en gratis ydelse.',
    );
    expect(refused.html).toContain('value="tre"');
    expect(refused.html).toContain('value="Workshop on the green transition"');
  });

  it('edits and retires a service: it leaves the list and the search, keeps its page, and can be offered again', async () => {
    await staff.get('/ydelser/workshop-om-groen-omstilling/rediger');
    expect(staff.lastHtml).toContain('value="1.250"');
    const edited = await staff.post('/ydelser/workshop-om-groen-omstilling/rediger', {
      ...FORM,
      titleDa: 'Workshop om grøn omstilling i klynger',
    });
    expect(edited.res.status).toBe(303);
    expect(edited.res.headers.get('location')).toBe('/ydelser/workshop-om-groen-omstilling?gemt=1');

    await staff.get('/ydelser/workshop-om-groen-omstilling');
    const retired = await staff.post('/ydelser/workshop-om-groen-omstilling/udfas', { retired: 'true' });
    expect(retired.res.status).toBe(303);
    // The search reads its index's version at most every VERSION_MAX_AGE_MS: the change shows after it.
    t.advanceClock(VERSION_MAX_AGE_MS + 1);
    const visitor = new Client(t.app);
    expect((await visitor.get('/ydelser')).html).not.toContain('grøn omstilling');
    expect((await visitor.get('/soeg?q=omstilling&type=service')).html).not.toContain('/ydelser/workshop');
    const page = await visitor.get('/ydelser/workshop-om-groen-omstilling');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Ydelsen udbydes ikke længere.');
    expect((await staff.get('/support/ydelser')).html).toContain('Udfaset');

    await staff.post('/ydelser/workshop-om-groen-omstilling/udfas', { retired: 'false' });
    expect((await visitor.get('/ydelser')).html).toContain('Workshop om grøn omstilling i klynger');
  });

  it('refuses cluster staff the catalogue’s forms and commands', async () => {
    const clusterUser = await createUser(database.db, 'cluster_staff');
    const cluster = await signedInClient(t.app, clusterUser.email);
    expect((await cluster.get('/support/ydelser/ny')).res.status).toBe(403);
    expect((await cluster.get('/ydelser/workshop-om-groen-omstilling/rediger')).res.status).toBe(403);
    await cluster.get('/konto');
    expect((await cluster.post('/support/ydelser/ny', FORM)).res.status).toBe(403);
    expect(
      (await cluster.post('/ydelser/workshop-om-groen-omstilling/udfas', { retired: 'true' })).res.status,
    ).toBe(403);
    expect((await new Client(t.app).get('/ydelser/workshop-om-groen-omstilling')).res.status).toBe(200);
  });
});
