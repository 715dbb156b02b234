import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { copenhagenDate } from '../../src/domain/reference/time.ts';
import { referralWorld, reportParticipation } from '../referrals/fixtures.ts';
import { createTestDatabase } from '../support/database.ts';
import { approveYear, createUser, randomCvr } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let world: Awaited<ReturnType<typeof referralWorld>>;
let funderEmail = '';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  world = await referralWorld(database.db);
  funderEmail = (await createUser(database.db, 'funder')).email;
}, 120_000);
afterAll(() => database?.close());

const as = (email: string): Promise<Client> => signedInClient(t.app, email);

/** Today as people in Denmark see it: referral dates are checked against the Danish day. */
const today = () => copenhagenDate(new Date());

describe('referral pages', () => {
  it('names every missing field of the form at once and keeps what was typed', async () => {
    const advisor = await as(world.advisor.email);
    // The schema takes the referral without a phone number, never without a contact person.
    expectRequiredFieldMarks((await advisor.get('/henvisninger/ny')).html, {
      optional: 'Kontaktpersonens telefon',
      required: 'Kontaktperson',
    });
    const { res, html } = await advisor.post('/henvisninger/ny', {
      cvr: '12345678',
      companyName: 'Delvis ApS',
      theme: 'robotics',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('Vælg mindst én modtager fra listen.');
    expect(html).toContain('Skriv et gyldigt CVR-nummer (8 cifre).');
    expect(html).toContain('Henvisningen kræver virksomhedens samtykke.');
    expect(html).toContain('value="Delvis ApS"');
  });

  it('runs a referral from a hub to a cluster in another region to "joined an activity", seen by both', async () => {
    const cvr = randomCvr();
    const advisor = await as(world.advisor.email);
    await advisor.get('/henvisninger/ny');
    const sent = await advisor.post('/henvisninger/ny', {
      recipientIds: world.capital.id,
      cvr,
      companyName: 'Grænseløs Robot ApS',
      theme: 'robotics',
      need: 'Søger partnere til automatisering af lageret.',
      contactName: 'Karen Kontakt',
      contactEmail: 'karen@example.dk',
      consent: 'on',
    });
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe('/henvisninger?sendt=1');

    const staff = await as(world.capitalStaff.email);
    const overview = await staff.get('/henvisninger');
    const id = /href="\/henvisninger\/([0-9a-f-]{36})">Grænseløs Robot ApS/.exec(overview.html)?.[1];
    expect(id).toBeDefined();
    await staff.get(`/henvisninger/${id}`);
    expect((await staff.post(`/henvisninger/${id}/accepter`, {})).res.status).toBe(303);
    await staff.get(`/henvisninger/${id}`);
    const future = await staff.post(`/henvisninger/${id}/kontakt`, { contactedOn: '2999-01-01' });
    expect(future.res.status).toBe(422);
    expect(future.html).toContain('Datoen kan ikke ligge i fremtiden.');
    expect((await staff.post(`/henvisninger/${id}/kontakt`, { contactedOn: today() })).res.status).toBe(303);
    await staff.get(`/henvisninger/${id}`);
    const outcome = await staff.post(`/henvisninger/${id}/udfald`, {
      outcome: 'joined_activity',
      outcomeOn: today(),
    });
    expect(outcome.res.status).toBe(303);
    // Answered twice (an old tab): the page says it changed instead of failing.
    expect((await staff.post(`/henvisninger/${id}/accepter`, {})).res.status).toBe(409);

    await reportParticipation(database.db, world.capital.id, cvr, today());
    const seen = await advisor.get(`/en/referrals/${id}`);
    expect(seen.res.status).toBe(200);
    expect(seen.html).toContain('Joined an activity');
    expect(seen.html).toContain('Confirmed by the cluster&#39;s reporting (CVR and year)');
    expect(seen.html).toContain('karen@example.dk');
    // The sender cannot answer it: no forms for it.
    expect(seen.html).not.toContain('/accept"');

    const year = today().slice(0, 4);
    // The supporting measure beside the cluster's and the national account, for visitors too,
    // once the cluster's year is approved (public pages show official figures only).
    await approveYear(database.db, world.capital.id, Number(year));
    const visitor = new Client(t.app);
    for (const path of [`/resultater/${year}/klynger/${world.capital.cvr}`, `/resultater/${year}`]) {
      const account = await visitor.get(path);
      expect(account.res.status, path).toBe(200);
      expect(account.html, path).toContain(
        '<dt>Henviste virksomheder, der deltog i en aktivitet</dt><dd>1</dd><dt>Heraf bekræftet af indberetningen</dt><dd>1</dd>',
      );
    }

    const figures = await (await as(funderEmail)).get(`/henvisninger/tal?year=${year}&by=cluster`);
    expect(figures.res.status).toBe(200);
    const row = new RegExp(`<th scope="row">${world.capital.name}</th>((?:<td[^>]*>[^<]*</td>)+)`).exec(
      figures.html,
    )?.[1];
    const cells = [...(row ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // sent, accepted, declined, days to contact, joined, confirmed, project, no match, cross share
    expect(cells).toEqual(['1', '1', '0', '0', '1', '1', '0', '0', '100 %']);
  });

  it('refuses a third organisation the referral, and bad ids and figures choices kindly', async () => {
    const advisor = await as(world.advisor.email);
    const other = await as(world.aarhusStaff.email);
    const { html } = await advisor.get('/henvisninger');
    const id = /href="\/henvisninger\/([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect((await other.get(`/henvisninger/${id}`)).res.status).toBe(403);
    expect((await other.post(`/henvisninger/${id}/accepter`, {})).res.status).toBe(403);
    expect((await advisor.get('/henvisninger/not-a-uuid')).res.status).toBe(404);
    expect((await advisor.get('/henvisninger/tal?year=abc&by=nothing')).res.status).toBe(200);
  });
});
