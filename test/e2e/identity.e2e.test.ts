import { createServer } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { queryRows } from '../../src/db/client.ts';
import { memberships, organisations, users } from '../../src/db/schema/index.ts';
import { NEMLOGIN_CLAIMS as n } from '../../src/domain/accounts/identity-claims.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { axeViolations, proveDemoCode, useDemoSite, withPage } from './harness.ts';

const SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
/** A valid CVR number (mod 11) of no demo organisation or company. */
const COMPANY_CVR = '10000009';

let port = 0;
let provider: TestProvider;

beforeAll(async () => {
  // The site's address must be known before it starts: it is the provider's redirect URI.
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  provider = await startTestProvider([`http://127.0.0.1:${port}/log-ind/retur/nemlogin`], Object.values(n));
});
afterAll(async () => {
  await provider?.close();
});

const site = useDemoSite(() => ({
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  TWO_STEP_LOGIN: 'required',
  ...provider.env('nemlogin'),
}));

/** The person's way through the login page, the provider's login and consent pages, and back. */
async function logInWithMitId(page: Page, subject: string) {
  await page.goto(`${site.server.url}/log-ind`);
  await page.getByRole('link', { name: 'Log ind med MitID Erhverv' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').first().click();
  // The provider asks for consent to share the claims once per person.
  await page.locator('button[type="submit"]').first().click();
  await page.waitForURL(`${site.server.url}/**`);
}

describe('login with MitID Erhverv in the browser (local OpenID Connect provider)', () => {
  it('offers the provider on an axe-clean login page, Danish and English', async () => {
    await withPage(site, async (page) => {
      for (const [path, name] of [
        ['/log-ind', 'Log ind med MitID Erhverv'],
        ['/en/log-in', 'Log in with MitID Erhverv'],
      ] as const) {
        await page.goto(`${site.server.url}${path}`);
        await expect(page.getByRole('link', { name }).count()).resolves.toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  });

  it('takes a company user to the company page, as the company of their CVR number, without administration', async () => {
    provider.accounts.set('company-person', {
      [n.email]: 'mette@firma.example',
      [n.fullName]: 'Mette Madsen',
      [n.cvr]: COMPANY_CVR,
      [n.orgName]: 'Firma Eksempel ApS',
      [n.loa]: SUBSTANTIAL,
    });
    await withPage(site, async (page) => {
      await logInWithMitId(page, 'company-person');
      // A company user lands on the company's own page, whichever way they signed in.
      expect(new URL(page.url()).pathname).toBe('/virksomhed');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/konto`);
      await expect(page.getByRole('cell', { name: 'Firma Eksempel ApS' }).count()).resolves.toBe(1);
      expect((await page.goto(`${site.server.url}/admin`))?.status()).toBe(403);
      expect((await page.goto(`${site.server.url}/opslag/ny`))?.status()).toBe(403);
      // Anyone may set up two-step login: the QR code page, in both languages.
      for (const path of ['/konto/totrinslogin', '/en/account/two-step-login']) {
        await page.goto(`${site.server.url}${path}`);
        await expect(page.locator('.totp-qr svg').count()).resolves.toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
    const [company] = await site.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.cvr, COMPANY_CVR));
    expect(company?.kind).toBe('company');
  });

  it("takes an invited funder to their account with the funder's rights, MitID being their second factor", async () => {
    const [ministry] = await site.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, 'Uddannelses- og Forskningsministeriet'));
    await withActor(site.database.db, systemActor('test'), async (tx) => {
      const [invited] = await tx
        .insert(users)
        .values({ email: 'frida@ufm.example', name: 'Frida Fond', invitedAt: new Date() })
        .returning();
      await tx
        .insert(memberships)
        .values({ userId: invited?.id ?? '', organisationId: ministry?.id ?? '', role: 'funder' });
    });
    provider.accounts.set('invited-funder', { [n.email]: 'frida@ufm.example', [n.loa]: SUBSTANTIAL });
    await withPage(site, async (page) => {
      await logInWithMitId(page, 'invited-funder');
      // A funder lands on the funding overview; the account page shows the membership.
      expect(new URL(page.url()).pathname).toBe('/finansiering');
      await page.goto(`${site.server.url}/konto`);
      await expect(
        page.getByRole('cell', { name: 'Uddannelses- og Forskningsministeriet' }).count(),
      ).resolves.toBe(1);
      expect((await page.goto(`${site.server.url}/opslag/ny`))?.status()).toBe(200);
      expect((await page.goto(`${site.server.url}/admin`))?.status()).toBe(403);
    });
  });

  it('asks the demo admin for the one-time code; the code, sessions and personal data pages are axe-clean', async () => {
    const admin = DEMO_LOGINS.find((d) => d.role === 'admin');
    await withPage(site, async (page) => {
      await page.goto(`${site.server.url}/log-ind`);
      await page.getByLabel('E-mail').fill(admin?.email ?? '');
      await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.waitForURL('**/log-ind/engangskode?next=%2Fadmin');
      expect(await axeViolations(page)).toEqual([]);
      expect((await page.goto(`${site.server.url}/admin`))?.url()).toBe(
        `${site.server.url}/log-ind/engangskode?next=%2Fadmin`,
      );
      await page.goto(`${site.server.url}/en/log-in/one-time-code`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/log-ind/engangskode`);
      await proveDemoCode(page);
      await page.waitForURL('**/konto');
      expect((await page.goto(`${site.server.url}/admin`))?.status()).toBe(200);
      for (const path of [
        '/konto/totrinslogin',
        '/konto/sessioner',
        '/konto/persondata',
        '/en/account/two-step-login',
        '/en/account/sessions',
        '/en/account/personal-data',
      ]) {
        expect((await page.goto(`${site.server.url}${path}`))?.status(), path).toBe(200);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await eraseParticipantInBrowser(page);
    });
  });
});

/** An admin finds a demo participant by name, confirms its erasure and reads the receipt; every page axe-clean. */
async function eraseParticipantInBrowser(page: Page) {
  const [participant] = await queryRows<{ cvr: string; name: string }>(
    site.database.db,
    sql`select cvr, max(name) as name from participations where cvr is not null
        group by cvr order by cvr limit 1`,
  );
  if (!participant) throw new Error('the demo has no participant');
  for (const path of [
    '/en/admin/participants',
    `/en/admin/participants/${participant.cvr}/erase-personal-data`,
  ]) {
    expect((await page.goto(`${site.server.url}${path}`))?.status(), path).toBe(200);
    expect(await axeViolations(page), path).toEqual([]);
  }
  await page.goto(`${site.server.url}/admin/deltagere`);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('CVR-nummer eller navn').fill(participant.name);
  await page.getByRole('button', { name: 'Søg' }).click();
  await page.waitForURL('**/admin/deltagere?q=*');
  expect(await axeViolations(page)).toEqual([]);
  await page
    .getByRole('link', { name: `Slet persondata om ${participant.name}` })
    .first()
    .click();
  await page.getByRole('button', { name: 'Slet persondata' }).click();
  await page.waitForLoadState();
  expect(await page.getByText('Bekræft, at deltagerens persondata skal slettes.').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Jeg har kontrolleret, at deltagerens persondata skal slettes').check();
  await page.getByRole('button', { name: 'Slet persondata' }).click();
  await page.waitForURL('**/admin/deltagere?slettet=*');
  await expect(page.getByText('Deltagerens persondata er slettet').count()).resolves.toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  const [left] = await queryRows<{ n: number }>(
    site.database.db,
    sql`select count(*)::int as n from participations where cvr = ${participant.cvr}`,
  );
  expect(left?.n).toBe(0);
}
