import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser, randomCvr, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp, type TestApp } from '../support/http.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
  t = createTestApp(database, { PUBLIC_URL: 'https://klyngeportalen.example' }, { mailer: smtp.mailer });
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const PASSWORD = 'et langt og godt kodeord';

/** A day as the three fields of a DKFDS date input. */
const dateFields = (name: string, day: Date) => ({
  [`${name}Day`]: String(day.getUTCDate()),
  [`${name}Month`]: String(day.getUTCMonth() + 1),
  [`${name}Year`]: String(day.getUTCFullYear()),
});

/** The text of a mail: the body travels quoted-printable, so soft breaks and =XX bytes are undone. */
const bodyOf = (mail: ReceivedMail | undefined) =>
  decodeURIComponent((mail?.data ?? '').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));

async function mailTo(email: string): Promise<string> {
  await t.deps.jobs.idle();
  return bodyOf(smtp.received.findLast((m) => m.to.includes(email)));
}

/** Signs a Danish company up through the form, opens the mailed link and logs in: a signed-in client. */
async function signUpAndLogIn(name: string, email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.get('/virksomhed/opret');
  const sent = await client.post('/virksomhed/opret', {
    organisationName: name,
    country: 'DK',
    cvr: randomCvr(),
    municipalityCode: '751',
    registrationNumber: '',
    name: 'Test Person',
    email,
    password: PASSWORD,
    confirm: PASSWORD,
  });
  expect(sent.res.status).toBe(200);
  expect(sent.html).toContain('Vi har sendt en e-mail med et link');
  const link = /https:\/\/klyngeportalen\.example(\/virksomhed\/bekraeft\?token=[\w-]+)/.exec(
    await mailTo(email),
  )?.[1];
  if (!link) throw new Error('no verification link in the mail');
  await client.get(link);
  const verified = await client.post('/virksomhed/bekraeft', {
    token: new URL(link, 'http://x').searchParams.get('token') ?? '',
  });
  expect(verified.res.status).toBe(303);
  expect(verified.res.headers.get('location')).toBe('/log-ind?status=account-created');
  const login = await client.login(email, PASSWORD);
  expect(login.res.headers.get('location')).toBe('/virksomhed');
  return client;
}

describe(`company accounts and the marketplace over HTTP (${testDriver()})`, () => {
  it('two companies sign up by e-mail; one publishes, the other finds it and expresses interest; the owner gets the mail', async () => {
    const owner = await signUpAndLogIn('Http Ejer ApS', 'ejer@firma.example');
    const home = await owner.get('/virksomhed');
    expect(home.res.status).toBe(200);
    expect(home.html).toContain('Http Ejer ApS');
    const form = await owner.get('/markedsplads/ny');
    // Every field is required but the two marked optional (the dates among the required).
    expect(form.html).toContain('Alle felter skal udfyldes, undtagen dem, der er markeret (valgfri).');
    expect(form.html.match(/\(valgfri\)<\/(label|legend)>/g)).toHaveLength(2);
    const published = await owner.post('/markedsplads/ny', {
      direction: 'offer',
      type: 'expertise',
      title: 'Hydraulikservice til vindmøller',
      description: 'Vi servicerer hydraulik.',
      technologies: 'hydraulik',
      ...dateFields('validFrom', t.deps.clock()),
      ...dateFields('validUntil', new Date(t.deps.clock().getTime() + 300 * 86_400_000)),
    });
    expect(published.res.status).toBe(303);
    const itemPath = published.res.headers.get('location')?.split('?')[0] ?? '';

    const other = await signUpAndLogIn('Http Køber ApS', 'koeber@firma.example');
    const found = await other.get('/markedsplads?q=hydraulikservice');
    expect(found.html).toContain(`href="${itemPath}"`);
    const item = await other.get(itemPath);
    // The item's facts are a DKFDS summary list.
    expect(item.html).toMatch(/<dl class="summary-list"><dt>Udbyder<\/dt>/);
    const interest = await other.post(`${itemPath}/interesse`, { message: 'Kan I komme i januar?' });
    expect(interest.res.status).toBe(303);
    const mail = await mailTo('ejer@firma.example');
    expect(mail).toContain('Kan I komme i januar?');
    expect(mail).toContain('koeber@firma.example');
    expect(mail).toContain(`https://klyngeportalen.example${itemPath}`);

    // The owner edits it from the item's page: the form holds the stored values.
    expect((await owner.get(itemPath)).html).toContain(`href="${itemPath}/rediger"`);
    expect((await other.get(`${itemPath}/rediger`)).res.status).toBe(403);
    const editForm = await owner.get(`${itemPath}/rediger`);
    expect(editForm.html).toContain('value="Hydraulikservice til vindmøller"');
    expect(editForm.html).toContain('Gem ændringerne');
    const until = dateFields('validUntil', new Date(t.deps.clock().getTime() + 300 * 86_400_000));
    const fields = {
      direction: 'offer',
      type: 'expertise',
      description: 'Vi servicerer hydraulik.',
      technologies: 'hydraulik',
      ...dateFields('validFrom', t.deps.clock()),
      ...until,
    };
    const refused = await owner.post(`${itemPath}/rediger`, { ...fields, title: '' });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('Overskrift skal udfyldes.');
    const edited = await owner.post(`${itemPath}/rediger`, {
      ...fields,
      title: 'Hydraulikservice til havvind',
    });
    expect(edited.res.status).toBe(303);
    expect(edited.res.headers.get('location')).toBe(`${itemPath}?gemt=1`);
    const shown = await other.get(itemPath);
    expect(shown.html).toContain('<h1>Hydraulikservice til havvind</h1>');
  });

  it('cluster staff invite a member company by e-mail; the person accepts with a password and lands on the company’s page', async () => {
    const staff = await createUser(database.db, 'cluster_staff');
    const client = new Client(t.app);
    await client.login(staff.email, TEST_PASSWORD);
    await client.get('/arbejdsrum/virksomhedsinvitationer');
    const sent = await client.post('/arbejdsrum/virksomhedsinvitationer', {
      organisationName: 'Inviteret Medlem ApS',
      cvr: randomCvr(),
      municipalityCode: '461',
      email: 'inviteret@medlem.example',
    });
    expect(sent.res.status).toBe(303);
    const link = /https:\/\/klyngeportalen\.example(\/virksomhed\/bekraeft\?token=[\w-]+)/.exec(
      await mailTo('inviteret@medlem.example'),
    )?.[1];
    if (!link) throw new Error('no invitation link in the mail');
    const invitee = new Client(t.app);
    const page = await invitee.get(link);
    expect(page.html).toContain('Inviteret Medlem ApS');
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const accepted = await invitee.post('/virksomhed/bekraeft', {
      token,
      name: 'Ida Inviteret',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(accepted.res.status).toBe(303);
    const login = await invitee.login('inviteret@medlem.example', PASSWORD);
    expect(login.res.headers.get('location')).toBe('/virksomhed');
  });

  it('shows the sign-up form’s errors in Danish with status 422, creating nothing', async () => {
    const client = new Client(t.app);
    await client.get('/virksomhed/opret');
    const { res, html } = await client.post('/virksomhed/opret', {
      organisationName: '',
      country: 'DK',
      cvr: '12345678',
      municipalityCode: '',
      email: 'ikke-en-adresse',
      password: 'kort',
      confirm: 'anden',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('Skriv et gyldigt CVR-nummer (8 cifre).');
    expect(html).toContain('Virksomhedens eller organisationens navn skal udfyldes');
  });

  it('answers a used or unknown link with 422 and a clear message', async () => {
    const client = new Client(t.app);
    const opened = await client.get('/virksomhed/bekraeft?token=ukendt');
    expect(opened.res.status).toBe(200);
    expect(opened.html).toContain('Linket er ugyldigt, allerede brugt eller udløbet.');
    await client.get('/virksomhed/opret');
    const { res, html } = await client.post('/virksomhed/bekraeft', { token: 'ukendt' });
    expect(res.status).toBe(422);
    expect(html).toContain('Linket er ugyldigt, allerede brugt eller udløbet.');
  });

  it('limits sign-ups per client like the other mail-sending forms', async () => {
    const limited = createTestApp(database, {}, { mailer: smtp.mailer });
    const client = new Client(limited.app);
    await client.get('/virksomhed/opret');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.post('/virksomhed/opret', { country: 'DK' })).res.status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  it('lists public profiles and items in the open data API, a page at a time, and refuses bad filters', async () => {
    const organisations = await t.app.request('/api/v1/organisations?country=DK&page=1');
    expect(organisations.status).toBe(200);
    const body = (await organisations.json()) as {
      data: { name: string }[];
      meta: { total: number; pageSize: number };
    };
    expect(body.meta.pageSize).toBe(20);
    expect(body.data.map((o) => o.name)).toContain('Http Ejer ApS');
    const marketplace = await t.app.request('/api/v1/marketplace?technology=hydraulik');
    const items = (await marketplace.json()) as {
      data: { title: string; url: string }[];
      meta: { total: number };
    };
    expect(items.meta.total).toBe(1);
    expect(items.data[0]?.title).toBe('Hydraulikservice til havvind');
    expect((await t.app.request('/api/v1/marketplace?type=nonsense')).status).toBe(400);
    expect((await t.app.request('/api/v1/organisations?page=0')).status).toBe(400);
    const openapi = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/organisations', '/v1/marketplace']),
    );
  });
});
