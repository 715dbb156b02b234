/// <reference lib="dom" />

import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { calls } from '../../src/db/schema/index.ts';
import { slugFromTitle } from '../../src/domain/content/slug.ts';
import { organisationId } from '../../src/domain/demo/organisations.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import type { RunningServer } from '../../src/main.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { pdfBytes } from '../support/pdf.ts';
import { axeViolations, launchBrowser, newContext, startDemoServer } from './harness.ts';

let server: RunningServer;
let database: Database;
let browser: Browser;
const DEB = organisationId(slugFromTitle('Danmarks Erhvervsfremmebestyrelse'));
let secondAssessor = '';
let secondFunder = '';

beforeAll(async () => {
  ({ server, database } = await startDemoServer());
  browser = await launchBrowser();
  secondAssessor = (
    await createUser(database.db, 'assessor', { organisationId: DEB, email: 'bedoemmer2@test.dk' })
  ).email;
  secondFunder = (
    await createUser(database.db, 'funder', { organisationId: DEB, email: 'deb-funder@test.dk' })
  ).email;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function as(email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/log-ind`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  // Each role lands on its own landing page.
  await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
  return page;
}

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function axeClean(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

describe('the call flow in the browser', () => {
  it('funder sets up a joint call, a cluster applies, assessors score, the call is decided and allocated', async () => {
    const funder = await as('funder@demo.klyngeportalen.dk');
    // 1. the funder creates and sets up the call
    await funder.goto(`${server.url}/opslag/ny`);
    await funder.getByLabel('Titel').fill('E2E fælles opslag');
    // The DKFDS date input: day, month and year fields.
    await funder.locator('input[name=deadlineDateDay]').fill('4');
    await funder.locator('input[name=deadlineDateMonth]').fill('5');
    await funder.locator('input[name=deadlineDateYear]').fill('2030');
    await funder.locator('input[name=deadlineTime]').fill('12:00');
    await funder.getByRole('button', { name: 'Gem' }).click();
    await funder.waitForURL(/\/opslag\/e2e-faelles-opslag/);
    const base = `${server.url}/opslag/e2e-faelles-opslag`;
    await funder.goto(`${base}/opsaetning`);
    await axeClean(funder, 'set-up');
    await funder.getByLabel('Titel på engelsk').fill('E2E joint call');
    await funder.getByLabel('Første år').fill('2028');
    await funder.getByLabel('Sidste år').fill('2028');
    await funder.getByLabel('Finansiør 1').selectOption({ label: 'Uddannelses- og Forskningsministeriet' });
    await funder.getByLabel('År 1', { exact: true }).fill('2028');
    await funder.getByLabel('Beløb (kr.) 1', { exact: true }).fill('1000000');
    await funder.getByRole('button', { name: 'Tilføj en budgetlinje' }).click();
    await funder.getByLabel('Finansiør 2').selectOption({ label: 'Danmarks Erhvervsfremmebestyrelse' });
    await funder.getByLabel('År 2', { exact: true }).fill('2028');
    await funder.getByLabel('Beløb (kr.) 2', { exact: true }).fill('800000');
    await funder.locator('#r0Da').fill('Eget CVR-nummer');
    await funder.getByRole('button', { name: 'Tilføj et krav' }).click();
    await funder.locator('#r1Da').fill('Guld eller plan for guld');
    await funder.locator('#k0Da').fill('Organisering');
    await funder.locator('#k0Weight').fill('60');
    await funder.getByRole('button', { name: 'Tilføj et kriterium' }).click();
    await funder.locator('#k1Da').fill('Partnerkreds');
    await funder.locator('#k1Weight').fill('40');
    await funder.getByLabel('Birgitte Bedømmer').check();
    await funder.getByLabel('Test assessor').check();
    await funder.getByRole('button', { name: 'Gem' }).last().click();
    await poll(() => funder.locator('.alert-success').count()).toBe(1);
    await funder.goto(`${base}/sagsbehandling`);
    await axeClean(funder, 'process (draft)');
    await funder.getByRole('button', { name: 'Skift status til: Åben for ansøgninger' }).click();
    await funder.getByRole('button', { name: 'Lås opsætningen' }).click();
    await poll(() => funder.getByText('Status: Åben for ansøgninger').count()).toBe(1);

    // 2. a cluster organisation applies by clicking: the call page, the task list, each section,
    //    check your answers, submit and the confirmation page
    const cluster = await as('klynge@demo.klyngeportalen.dk');
    await cluster.goto(base);
    await cluster.getByRole('link', { name: 'Søg om midler' }).click();
    await cluster.waitForURL(`${base}/ansoegning`);
    await axeClean(cluster, 'task list');
    await cluster.getByRole('link', { name: 'Om projektet' }).click();
    await axeClean(cluster, 'about the project');
    await cluster.getByLabel('Ansøgningens titel').fill('Robotter i hele landet');
    await cluster.getByLabel('Organisering (60 %)').fill('Sekretariat i Odense med hubs.');
    await cluster.getByLabel('Partnerkreds (40 %)').fill('Virksomheder og universiteter.');
    await cluster.getByRole('button', { name: 'Gem og gå til opgavelisten' }).click();
    await cluster.getByRole('link', { name: 'Opfyldelse af opslagets krav' }).click();
    await cluster.getByLabel('Eget CVR-nummer').fill('CVR 12345678');
    await cluster.getByLabel('Guld eller plan for guld').fill('Guld siden 2019');
    await cluster.getByRole('button', { name: 'Gem og gå til opgavelisten' }).click();
    await cluster.getByRole('link', { name: 'Budget', exact: true }).click();
    // A wrong amount: the error summary names the field and what was typed stays.
    await cluster.getByLabel('Netværk 2028 (kr.)').fill('12,5');
    await cluster.getByLabel('Iværksættere 2028 (kr.)').fill('150.000');
    await cluster.getByRole('button', { name: 'Gem og gå til opgavelisten' }).click();
    await poll(() =>
      cluster.getByRole('link', { name: 'Netværk 2028 skal være et helt tal, fx 10.000.' }).count(),
    ).toBe(1);
    expect(await cluster.getByLabel('Iværksættere 2028 (kr.)').inputValue()).toBe('150.000');
    await axeClean(cluster, 'budget with an error');
    await cluster.getByLabel('Netværk 2028 (kr.)').fill('500.000');
    await cluster.getByRole('button', { name: 'Gem og gå til opgavelisten' }).click();
    await cluster.getByRole('link', { name: 'Bilag', exact: true }).click();
    await cluster.getByLabel(/^Fil/).setInputFiles({
      name: 'budget.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfBytes('Budget'),
    });
    await cluster.getByRole('button', { name: 'Vedhæft' }).click();
    await poll(() => cluster.getByText('budget.pdf er vedhæftet.').count()).toBe(1);
    await axeClean(cluster, 'attachments');
    await cluster.getByRole('link', { name: 'Tilbage til opgavelisten' }).click();
    await poll(() => cluster.getByText('Udfyldt').count()).toBe(4);
    await cluster.getByRole('link', { name: 'Tjek og indsend' }).click();
    await axeClean(cluster, 'check your answers');
    expect(await cluster.getByText('650.000 kr.').count()).toBe(1);
    const checkUrl = cluster.url();
    for (const path of [
      '/en/calls/e2e-faelles-opslag/application/check',
      '/en/calls/e2e-faelles-opslag/application/budget',
    ]) {
      await cluster.goto(`${server.url}${path}`);
      await axeClean(cluster, path);
    }
    await cluster.goto(checkUrl);
    await cluster.getByLabel(/Vi erklærer/).check();
    await cluster.getByRole('button', { name: 'Indsend ansøgning' }).click();
    await cluster.waitForURL(`${base}/ansoegning/kvittering`);
    await poll(() => cluster.getByRole('heading', { name: 'Ansøgningen er indsendt' }).count()).toBe(1);
    expect(await cluster.getByText(/ANS-\d{4}-[0-9A-F]{8}/).count()).toBe(1);
    await axeClean(cluster, 'confirmation');
    for (const path of [
      '/en/calls/e2e-faelles-opslag/application',
      '/en/calls/e2e-faelles-opslag/application/receipt',
    ]) {
      await cluster.goto(`${server.url}${path}`);
      await axeClean(cluster, path);
    }

    // 3. eligibility: the deadline passes (set in the data: the server runs on the real clock)
    await funder.goto(`${base}/sagsbehandling`);
    await funder.getByRole('button', { name: 'Skift status til: Lukket' }).click();
    await poll(() => funder.locator('.alert-error').count()).toBe(1);
    await withActor(database.db, systemActor('e2e'), (tx) =>
      tx
        .update(calls)
        .set({ deadline: new Date(Date.now() - 1000) })
        .where(eq(calls.slug, 'e2e-faelles-opslag')),
    );
    await funder.getByRole('button', { name: 'Skift status til: Lukket' }).click();
    await funder.getByRole('link', { name: /Åbn.*Odense Robotics/ }).click();
    const applicationUrl = funder.url().split('?')[0] ?? '';
    await funder.getByLabel('Bestået: Eget CVR-nummer').check();
    await funder.getByLabel('Bestået: Guld eller plan for guld').check();
    await funder.getByRole('button', { name: 'Gem vurdering af egnethed' }).click();
    await poll(() => funder.getByText('Status: Opfylder kravene').count()).toBe(1);

    // 4. two assessors: one declares a conflict and is blocked, the other scores
    const first = await as('assessor@demo.klyngeportalen.dk');
    await first.goto(`${server.url}/bedoemmelser`);
    await axeClean(first, 'my assessments');
    await first.goto(applicationUrl);
    await axeClean(first, 'conflict declaration');
    expect(await first.getByText('Robotter i hele landet').count()).toBe(0);
    await first.getByLabel('Jeg er inhabil').check();
    await first.getByRole('button', { name: 'Afgiv erklæring' }).click();
    await poll(() => first.getByText('Du har erklæret dig inhabil').count()).toBe(1);
    expect(await first.getByText('Robotter i hele landet').count()).toBe(0);
    await axeClean(first, 'blocked assessor');
    const second = await as(secondAssessor, TEST_PASSWORD);
    await second.goto(applicationUrl);
    await poll(() => second.getByRole('heading', { name: 'Ansøgning til E2E fælles opslag' }).count()).toBe(
      1,
    );
    // No answer is not "no conflict": the choice is explicit.
    await second.getByRole('button', { name: 'Afgiv erklæring' }).click();
    await poll(() => second.getByText('Vælg, om du er inhabil eller ej.').count()).toBe(1);
    await second.getByLabel('Jeg er ikke inhabil').check();
    await second.getByRole('button', { name: 'Afgiv erklæring' }).click();
    await poll(() => second.getByText('Robotter i hele landet').count()).toBe(1);
    // The assessor sees the budget in words and the attachment.
    expect(await second.getByText('Netværk 2028').count()).toBe(1);
    expect(await second.getByRole('link', { name: 'budget.pdf' }).count()).toBe(1);
    await second.locator('input[name^="score:"]').nth(0).fill('4');
    await second.locator('input[name^="score:"]').nth(1).fill('3');
    await second.getByRole('button', { name: 'Gem bedømmelse' }).click();
    await poll(() => second.locator('.alert-success').count()).toBe(1);
    await axeClean(second, 'scores');

    // consensus and ranking: 60·4/5 + 40·3/5 = 72
    await funder.goto(applicationUrl);
    await poll(() => funder.getByText('Individuelle scorer: 4').count()).toBe(1);
    await funder.locator('input[name^="score:"]').nth(0).fill('4');
    await funder.locator('input[name^="score:"]').nth(1).fill('3');
    await funder.getByRole('button', { name: 'Gem konsensus' }).click();
    await axeClean(funder, 'consensus');
    await funder.goto(`${base}/sagsbehandling`);
    await funder.getByRole('button', { name: 'Skift status til: Bedømt' }).click();
    await expect
      .poll(() => funder.locator('table', { hasText: 'Placering' }).getByText('72').count())
      .toBe(1);
    await axeClean(funder, 'ranking');

    // 5. selection, then each funder allocates its own budget; over budget is refused
    await funder.getByLabel(/Udvælg Odense Robotics/).check();
    await funder.getByRole('button', { name: 'Træf afgørelse om udvælgelse' }).click();
    await poll(() => funder.getByText('Status: Afgjort').count()).toBe(1);
    await funder.getByLabel('Odense Robotics 2028 (kr.)').fill('1000001');
    await funder.getByRole('button', { name: 'Fordel' }).click();
    await poll(() => funder.locator('.alert-error').count()).toBe(1);
    expect(await funder.getByText('Beløbet er større end det, der er tilbage af jeres budget').count()).toBe(
      1,
    );
    await funder.getByLabel('Odense Robotics 2028 (kr.)').fill('600000');
    await funder.getByRole('button', { name: 'Fordel' }).click();
    await poll(() => funder.getByRole('cell', { name: '400.000' }).count()).toBe(1);
    await axeClean(funder, 'allocation');
    const deb = await as(secondFunder, TEST_PASSWORD);
    await deb.goto(`${base}/sagsbehandling`);
    await deb.getByLabel('Odense Robotics 2028 (kr.)').fill('400000');
    await deb.getByRole('button', { name: 'Fordel' }).click();
    // the ministry's remaining 400.000, and the board's allocated and remaining 400.000 of 800.000
    await poll(() => deb.getByRole('cell', { name: '400.000' }).count()).toBe(3);

    // letters
    const letter = funder.getByRole('link', { name: /Afgørelsesbrev/ });
    const letterUrl = new URL((await letter.getAttribute('href')) ?? '', funder.url()).href;
    const responded = funder.waitForResponse((r) => r.url() === letterUrl);
    const [download] = await Promise.all([funder.waitForEvent('download'), letter.click()]);
    expect(await download.failure()).toBeNull();
    const res = await responded;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-disposition']).toMatch(/^attachment/);

    // 6. the cluster is told, follows the call page to its application, sees the grant and the letter
    await cluster.goto(base);
    await cluster.getByRole('link', { name: 'Se jeres ansøgning' }).click();
    await cluster.getByRole('link', { name: 'Se ansøgningen og afgørelsen' }).click();
    await poll(() => cluster.getByText('Status: Udvalgt').count()).toBe(1);
    expect(await cluster.getByText('600.000 kr.').count()).toBe(1);
    expect(await cluster.getByText('400.000 kr.').count()).toBe(1);
    // the letter's sender: the call owner's postal address and the funder who recorded the decision
    expect(
      await cluster.getByText('Uddannelses- og Forskningsministeriet, Børsgade 4, 1215 København K').count(),
    ).toBe(1);
    expect(await cluster.locator('dd', { hasText: 'Frederik Fondsen' }).count()).toBe(1);
    expect(await cluster.getByRole('link', { name: 'funder@demo.klyngeportalen.dk' }).count()).toBe(1);
    await axeClean(cluster, 'decision for the cluster');
    const own = cluster.getByRole('link', { name: 'Afgørelsesbrev (PDF)' });
    const [letterDownload] = await Promise.all([cluster.waitForEvent('download'), own.click()]);
    expect(await letterDownload.failure()).toBeNull();
    expect(letterDownload.suggestedFilename()).toMatch(/\.pdf$/);
    await cluster.goto(`${server.url}/konto/notifikationer`);
    expect(
      await cluster
        .getByText('Jeres ansøgning til E2E fælles opslag er udvalgt. Læs afgørelsesbrevet.')
        .count(),
    ).toBe(1);
  }, 300_000);
});
