import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createCourse } from '../../src/domain/support/courses.ts';
import { registerForCourse, takeAttendance } from '../../src/domain/support/registrations.ts';
import { createService } from '../../src/domain/support/services.ts';
import { pdfText, skipPdf } from '../reports/helpers.ts';
import { callerWith } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
/** The programme's slug, and each participant's registration for its first module. */
let programme: { slug: string; firstModule: string; full: string; missed: string };
let people: Record<'full' | 'missed' | 'stranger', { email: string }>;
/** An upcoming course of the programme's next run, and a company user. */
let upcoming: { id: string; company: { id: string; email: string; organisationId: string } };

/** A module programme of 2025 with three modules of 9.00–15.30; one participant missed the last. */
beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const supportFunction = await createOrganisation(db, {
    kind: 'support_function',
    name: 'Klyngesupport Test',
  });
  const staffUser = await createUser(db, 'support_staff', { organisationId: supportFunction.id });
  const staff = callerWith(staffUser, [{ organisationId: supportFunction.id, role: 'support_staff' }]);
  const planned = new Date('2025-01-06T09:00:00Z');
  const { slug } = await createService(
    db,
    staff,
    {
      titleDa: 'Forløb for bestyrelser',
      titleEn: 'Programme for boards',
      summaryDa: 'Tre moduler om bestyrelsens rolle.',
      summaryEn: 'Three modules on the board.',
      targetGroups: ['boards'],
      form: 'module_programme',
      payment: 'free',
      language: 'da',
    },
    planned,
  );
  const cluster = await createOrganisation(db, { name: 'Testklyngen Nord' });
  const full = await createUser(db, 'cluster_staff', { organisationId: cluster.id });
  const missed = await createUser(db, 'cluster_staff', { organisationId: cluster.id });
  const asCluster = (u: typeof full) =>
    callerWith(u, [{ organisationId: cluster.id, role: 'cluster_staff' }]);
  const first: string[] = [];
  for (const [i, date] of ['2025-02-03', '2025-03-03', '2025-04-07'].entries()) {
    const course = await createCourse(
      db,
      staff,
      slug,
      { date, startTime: '09:00', endTime: '15:30', place: 'Kolding', seats: '10', cancelBy: '2025-01-20' },
      planned,
    );
    const a = await registerForCourse(db, asCluster(full), course, {}, planned);
    const b = await registerForCourse(db, asCluster(missed), course, {}, planned);
    await takeAttendance(db, staff, course, { present: i < 2 ? [a.id, b.id] : [a.id] });
    if (i === 0) first.push(course, a.id, b.id);
  }
  const [firstModule = '', ofFull = '', ofMissed = ''] = first;
  programme = { slug, firstModule, full: ofFull, missed: ofMissed };
  people = { full, missed, stranger: await createUser(db, 'cluster_staff') };
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const id = await createCourse(
    db,
    staff,
    slug,
    { date: day(40), startTime: '09:00', endTime: '12:00', place: 'Aarhus', seats: '5', cancelBy: day(30) },
    new Date(),
  );
  upcoming = { id, company: await createUser(db, 'company_user') };
}, 120_000);
afterAll(() => database?.close());

describe(`course certificates over HTTP (${testDriver()})`, () => {
  it.skipIf(skipPdf)(
    'a participant who attended every module downloads the certificate in Danish and English',
    async () => {
      const client = await signedInClient(t.app, people.full.email);
      const page = await client.get(`/ydelser/${programme.slug}/kurser/${programme.firstModule}`);
      expect(page.html).toContain(`href="/tilmeldinger/${programme.full}/kursusbevis">Kursusbevis (PDF)</a>`);

      const res = await client.request(`/tilmeldinger/${programme.full}/kursusbevis`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="kursusbevis.pdf"');
      const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ');
      for (const line of [
        'Kursusbevis',
        'Hermed bekræftes, at Test cluster_staff Testklyngen Nord',
        'har deltaget i alle 3 moduler af forløbet Forløb for bestyrelser',
        'Modul 1: 3. februar 2025 kl. 09.00–15.30',
        'Modul 2: 3. marts 2025 kl. 09.00–15.30',
        'Modul 3: 7. april 2025 kl. 09.00–15.30',
        'I alt 19,5 timer',
        'Udstedt af Klyngesupport Test',
      ])
        expect(text).toContain(line);

      const english = await client.request(`/en/registrations/${programme.full}/certificate`);
      expect(english.status).toBe(200);
      const englishText = (await pdfText(new Uint8Array(await english.arrayBuffer()))).replace(/\s+/g, ' ');
      for (const line of [
        'Certificate of attendance',
        'has attended all 3 modules of the programme Programme for boards',
        'Module 1: 3 February 2025, 09:00–15:30',
        '19.5 hours in total',
        'Issued by Klyngesupport Test',
      ])
        expect(englishText).toContain(line);
    },
  );

  it('tells a participant who missed a module why there is no certificate; strangers are refused', async () => {
    const client = await signedInClient(t.app, people.missed.email);
    const refused = await client.get(`/tilmeldinger/${programme.missed}/kursusbevis`);
    expect(refused.res.status).toBe(409);
    expect(refused.html).toContain(
      'Kursusbevis kræver fremmøde på alle forløbets moduler. Der er registreret fremmøde på 2 af 3 moduler.',
    );
    const english = await client.get(`/en/registrations/${programme.missed}/certificate`);
    expect(english.res.status).toBe(409);
    expect(english.html).toContain('Attendance is recorded at 2 of 3 modules.');

    const stranger = await signedInClient(t.app, people.stranger.email);
    expect((await stranger.get(`/tilmeldinger/${programme.full}/kursusbevis`)).res.status).toBe(403);
    const visitor = await new Client(t.app).get(`/tilmeldinger/${programme.full}/kursusbevis`);
    expect(visitor.res.status).toBe(303);
  });

  it('a company user registers from the course page and finds the course on the company page', async () => {
    const client = await signedInClient(t.app, upcoming.company.email);
    const coursePath = `/ydelser/${programme.slug}/kurser/${upcoming.id}`;
    const page = await client.get(coursePath);
    const person = `${upcoming.company.organisationId}:${upcoming.company.id}`;
    expect(page.html).toContain(`<option value="${person}"`);
    const saved = await client.post(`${coursePath}/tilmeld`, { person });
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe(`${coursePath}?tilmeldt=1`);

    const home = await client.get('/virksomhed');
    expect(home.res.status).toBe(200);
    expect(home.html).toContain('<h2 id="my-courses-heading">Dine kurser</h2>');
    expect(home.html).toMatch(
      new RegExp(`<a href="${coursePath}">Forløb for bestyrelser, [^<]+</a>: Har plads`),
    );
    const english = await client.get('/en/company');
    expect(english.html).toContain('<h2 id="my-courses-heading">Your courses</h2>');
    expect(english.html).toContain('Programme for boards');
    expect(english.html).toContain(': Has a seat');
  });
});
