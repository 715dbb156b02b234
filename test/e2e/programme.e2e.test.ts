/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { totpCode } from '../../src/domain/accounts/totp.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { dropDatabase, testDriver } from '../support/database.ts';
import { databaseUrlFor, quoteIdentifier, withServer } from '../support/postgres-server.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { axeViolations, launchBrowser, newContext } from './harness.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
const ADMIN = 'pia@programme.example';
const PASSWORD = 'programmets-adgangskode-1';
/** Valid by mod-11: 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 + 4·1 = 110 = 10·11. */
const VANDKLYNGEN_CVR = '12345674';

/**
 * A real programme from nothing: an empty PostgreSQL database (no demo data), `klynge init`, the
 * first administrator sets a password by the printed link, then builds the programme's
 * organisations and users through the pages. Runs where the browser tests run on PostgreSQL.
 */
describe.runIf(testDriver() === 'postgres')('a programme on an empty database', () => {
  let serverUrl = '';
  let name = '';
  let database: Database | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** The ministry's funder, signed in with two-step login from the grants test on. */
  let finn: Page;
  let link = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

  beforeAll(async () => {
    const template = inject('postgresTemplate');
    if (!template) throw new Error('no PostgreSQL server');
    serverUrl = template.databaseUrl;
    name = `${template.databasePrefix}empty_${randomBytes(4).toString('hex')}`;
    await withServer(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    const url = databaseUrlFor(serverUrl, name);
    const init = await runCli(['init', '--email', ADMIN, '--name', 'Pia Programleder'], url);
    expect(init.code, init.stderr).toBe(0);
    link = /\/nulstil-adgangskode\?token=[A-Za-z0-9_-]+/.exec(init.stdout)?.[0] ?? '';
    database = await openDatabase({ databaseUrl: url, poolSize: 5 });
    // Invitations go by e-mail: a real SMTP server receives them, and the test reads their links.
    smtp = await startSmtpServer();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      SMTP_URL: smtp.url,
    });
    server = await startServer(config, database, createLogger(config));
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    await smtp?.close();
    if (name) await dropDatabase(serverUrl, name);
  });

  const go = (path: string) => page.goto(`${server?.url}${path}`);

  it('the first administrator sets a password by the one-time link and signs in', async () => {
    expect(link).not.toBe('');
    await setPasswordAndSignIn(page, `${server?.url}${link}`, ADMIN);
  });

  it('creates a ministry, a regional funder and two clusters; the pages pass axe in Danish and English', async () => {
    await go('/admin');
    await page.getByRole('link', { name: 'Organisationer' }).click();
    expect(await axeViolations(page)).toEqual([]);
    // An empty form: field errors, still accessible.
    await page.getByRole('button', { name: 'Opret organisation' }).click();
    expect(await page.getByText('Der er fejl i formularen').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const create = async (fields: {
      name: string;
      kind: string;
      level?: string;
      league?: string;
      cvr?: string;
      municipality?: string;
    }) => {
      await go('/admin/organisationer');
      // The creation form, not the register's filter above it (which has a "Type" too).
      const form = page
        .locator('form')
        .filter({ has: page.getByRole('button', { name: 'Opret organisation' }) });
      await form.getByLabel('Navn').fill(fields.name);
      await form.getByLabel('Type').selectOption({ label: fields.kind });
      if (fields.level) await form.getByLabel('Finansiørens niveau').selectOption({ label: fields.level });
      if (fields.league) await form.getByLabel('Klyngeliga').selectOption({ label: fields.league });
      if (fields.cvr) await form.getByLabel('CVR-nummer').fill(fields.cvr);
      if (fields.municipality) await form.getByLabel('Kommune').selectOption({ label: fields.municipality });
      await form.getByRole('button', { name: 'Opret organisation' }).click();
      await expect(page.getByText(`${fields.name} er oprettet.`).count()).resolves.toBe(1);
    };
    await create({ name: 'Erhvervsministeriet', kind: 'Finansiør', level: 'Statslig', cvr: '10092485' });
    await create({
      name: 'Region Midtjylland',
      kind: 'Finansiør',
      level: 'Regional',
      municipality: 'Viborg',
    });
    await create({
      name: 'Vandklyngen',
      kind: 'Klyngeorganisation',
      league: 'Verdensklasse',
      cvr: VANDKLYNGEN_CVR,
      municipality: 'Aarhus',
    });
    await create({
      name: 'Fødevareklyngen',
      kind: 'Klyngeorganisation',
      league: 'Regional',
      municipality: 'Herning',
    });
    // The page of one organisation, with its edit and end forms.
    expect(await axeViolations(page)).toEqual([]);

    await go('/en/admin/organisations');
    const rows = await page.locator('table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0]).sort()).toEqual(
      [
        'Erhvervsministeriet',
        'Fødevareklyngen',
        'Klyngeportalen',
        'Region Midtjylland',
        'Vandklyngen',
      ].sort(),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Vandklyngen' }).click();
    expect(await page.getByRole('heading', { name: 'Edit Vandklyngen' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates a funder user in the ministry and a cluster user in a cluster', async () => {
    const invite = async (person: string, email: string, organisation: string, role: string) => {
      await go('/admin/brugere');
      await page.getByLabel('Navn').fill(person);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
      await page.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
      await page.getByRole('button', { name: 'Opret bruger' }).click();
      await expect(page.getByText(`Brugeren ${email} er oprettet`).count()).resolves.toBe(1);
    };
    await invite('Finn Finansiør', 'finn@em.example', 'Erhvervsministeriet (Finansiør)', 'Finansiør');
    await invite(
      'Karla Klynge',
      'karla@vand.example',
      'Vandklyngen (Klyngeorganisation)',
      'Klyngemedarbejder',
    );
    const table = (await page.locator('table tbody').textContent()) ?? '';
    expect(table).toContain('Finansiør (Erhvervsministeriet)');
    expect(table).toContain('Klyngemedarbejder (Vandklyngen)');
    // The cluster's page lists its user, with a button that takes the role away; accessible.
    await go('/admin/organisationer');
    await page.getByRole('link', { name: 'Vandklyngen' }).click();
    const remove = page.getByRole('button', { name: 'Fjern rollen Klyngemedarbejder fra Karla Klynge' });
    expect(await remove.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the ministry's funder registers its grants; the register's pages pass axe in Danish and English", async () => {
    if (!browser || !smtp) throw new Error('not started');
    finn = await (await newContext(browser)).newPage();
    const invitation = invitationLink(smtp.received, 'finn@em.example');
    await setPasswordAndSignIn(finn, `${server?.url}${invitation}`, 'finn@em.example');
    await finn.goto(`${server?.url}/finansiering`);
    await finn.getByRole('link', { name: 'Bevillinger', exact: true }).first().click();
    expect(await axeViolations(finn)).toEqual([]);
    await finn.getByRole('link', { name: 'Erhvervsministeriet' }).click();
    expect(await finn.getByText('Finansiøren har ingen bevillinger registreret.').count()).toBe(1);

    const register = async (cluster: string, amount: string, responsible: boolean) => {
      await finn.getByLabel('Klynge', { exact: true }).selectOption({ label: cluster });
      await finn.getByLabel('År', { exact: true }).fill('2025');
      await finn.getByLabel('Beløb').fill(amount);
      await finn.getByLabel('Kilde').selectOption({ label: 'Finansloven' });
      if (responsible) await finn.getByLabel('Finansiøren er klyngens ansvarlige finansiør i året').check();
      await finn.getByRole('button', { name: 'Gem bevilling' }).click();
    };
    // A grant without an amount: the error names the field, and the page stays accessible.
    await register('Vandklyngen (Verdensklasse)', '', true);
    expect(await finn.getByText('Der er fejl i formularen').count()).toBe(1);
    expect(await axeViolations(finn)).toEqual([]);
    await register('Vandklyngen (Verdensklasse)', '2.000.000', true);
    expect(await finn.getByText('Bevillingen er gemt.').count()).toBe(1);
    await register('Fødevareklyngen (Regional)', '500.000', false);
    const rows = await finn.locator('table').nth(1).locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 6))).toEqual([
      ['2025', 'Fødevareklyngen', 'Regional', '500.000 kr.', 'Finansloven', 'Nej'],
      ['2025', 'Vandklyngen', 'Verdensklasse', '2.000.000 kr.', 'Finansloven', 'Ja'],
    ]);
    expect(await axeViolations(finn)).toEqual([]);
    await finn.goto(`${server?.url}/en/funding/grants/erhvervsministeriet`);
    expect(await axeViolations(finn)).toEqual([]);

    // The region's grant, kept by the administrator: the region is Fødevareklyngen's responsible funder.
    await go('/finansiering/bevillinger/region-midtjylland');
    await page.getByLabel('Klynge', { exact: true }).selectOption({ label: 'Fødevareklyngen (Regional)' });
    await page.getByLabel('År', { exact: true }).fill('2025');
    await page.getByLabel('Beløb').fill('1.500.000');
    await page.getByLabel('Kilde').selectOption({ label: 'Regionale udviklingsmidler' });
    await page.getByLabel('Finansiøren er klyngens ansvarlige finansiør i året').check();
    await page.getByRole('button', { name: 'Gem bevilling' }).click();
    expect(await page.getByText('Bevillingen er gemt.').count()).toBe(1);

    // Fødevareklyngen's co-financing: 1.500.000 and 500.000 of 2.000.000 are 75 % and 25 %.
    await finn.goto(`${server?.url}/finansiering/bevillinger/erhvervsministeriet`);
    await finn.getByRole('link', { name: 'Fødevareklyngen', exact: true }).click();
    const shares = await finn.locator('table tbody tr').allInnerTexts();
    expect(shares.map((r) => r.split('\t').slice(0, 3))).toEqual([
      ['Region Midtjylland', '1.500.000 kr.', '75 %'],
      ['Erhvervsministeriet', '500.000 kr.', '25 %'],
    ]);
    expect(await axeViolations(finn)).toEqual([]);
    await finn.goto(`${server?.url}/en/funding/grants/clusters/foedevareklyngen`);
    expect(await axeViolations(finn)).toEqual([]);
  });

  it('the cluster delivers and submits 2025, its funder approves, and the public account shows the year', async () => {
    if (!browser || !smtp) throw new Error('not started');
    const karla = await (await newContext(browser)).newPage();
    const invitation = invitationLink(smtp.received, 'karla@vand.example');
    await setPasswordAndSignIn(karla, `${server?.url}${invitation}`, 'karla@vand.example', false);
    // Two activities in 2025 with three companies, two of them in both.
    const activities = [
      'cluster_cvr,activity_ref,title,category,start_date',
      `${VANDKLYNGEN_CVR},V-1,Vanddag,networking,2025-03-04`,
      `${VANDKLYNGEN_CVR},V-2,Renseteknologi,innovation_collaboration,2025-09-15`,
    ].join('\n');
    const participants = [
      'cluster_cvr,activity_ref,participant_type,cvr,name',
      `${VANDKLYNGEN_CVR},V-1,company,10150817,Pumpefabrikken A/S`,
      `${VANDKLYNGEN_CVR},V-1,company,10403782,Filterværket ApS`,
      `${VANDKLYNGEN_CVR},V-2,company,10150817,Pumpefabrikken A/S`,
      `${VANDKLYNGEN_CVR},V-2,company,10403782,Filterværket ApS`,
      `${VANDKLYNGEN_CVR},V-2,company,11881602,Membranen I/S`,
    ].join('\n');
    await karla.goto(`${server?.url}/arbejdsrum/indberetninger`);
    await karla.getByLabel(/^Filer/).setInputFiles([
      { name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(`${activities}\n`) },
      { name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(`${participants}\n`) },
    ]);
    await karla.getByRole('button', { name: 'Indberet' }).click();
    await karla.waitForURL(/\/arbejdsrum\/indberetninger\/[0-9a-f-]{36}$/);
    expect(await karla.getByText('Indberetningen er indlæst.').count()).toBe(1);
    await karla.goto(`${server?.url}/arbejdsrum/perioder`);
    await karla.getByRole('button', { name: 'Indsend 2025' }).click();
    await karla.waitForURL('**/arbejdsrum/perioder?done=submit*');
    await karla.context().close();

    // The ministry funds Vandklyngen in 2025 (its grant above), so its funder approves the year.
    await finn.goto(`${server?.url}/indberetninger/status?year=2025`);
    await finn.getByRole('button', { name: 'Godkend' }).first().click();

    // The public account of the cluster, for a visitor: the approved year's figures.
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`${server?.url}/resultater/2025/klynger/${VANDKLYNGEN_CVR}`);
    const rows = await visitor.locator('main table tbody tr').allInnerTexts();
    // Two activities and three distinct companies, as delivered above.
    expect(rows.slice(0, 2)).toEqual(['Aktiviteter\t2', 'Deltagende virksomheder\t3']);
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.context().close();
  });

  it("an administrator changes a member's role in place", async () => {
    await go('/admin/organisationer');
    await page.getByRole('link', { name: 'Vandklyngen' }).click();
    await page
      .getByLabel('Ny rolle for Karla Klynge i stedet for Klyngemedarbejder')
      .selectOption({ label: 'Organisationsadministrator' });
    await page.getByRole('button', { name: 'Skift rolle Karla Klynge' }).click();
    expect(await page.getByText('Rollen er ændret.').count()).toBe(1);
    expect(
      await page.getByLabel('Ny rolle for Karla Klynge i stedet for Organisationsadministrator').count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await go(
      page
        .url()
        .replace(/^https?:\/\/[^/]+/, '')
        .replace('/admin/organisationer/', '/en/admin/organisations/'),
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});

function runCli(args: string[], databaseUrl: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: databaseUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The path of the set-password link of the last invitation mailed to `email` (quoted-printable decoded). */
function invitationLink(received: readonly { to: string[]; data: string }[], email: string): string {
  const mail = received.filter((r) => r.to.includes(email)).at(-1);
  const text = (mail?.data ?? '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return /\/nulstil-adgangskode\?token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
}

/**
 * Sets a password by a one-time link and signs in; a privileged person (admin, funder) then sets
 * up two-step login with an authenticator app: the test is the app, computing the code from the
 * key the page shows.
 */
async function setPasswordAndSignIn(page: Page, link: string, email: string, twoStep = true) {
  await page.goto(link);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Gentag ny adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Gem adgangskode' }).click();
  await page.waitForURL('**/log-ind?status=password-reset');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  if (twoStep) {
    await page.waitForURL('**/konto/totrinslogin**');
    const secret = (await page.locator('.totp-secret').textContent()) ?? '';
    await page.getByLabel('Engangskode eller reservekode').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Aktivér totrinslogin' }).click();
    await page.getByRole('link', { name: 'Fortsæt' }).click();
  }
  await page.waitForURL((url) => !/^\/(log-ind|konto\/totrinslogin)/.test(url.pathname));
}
