import { inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { slugFromTitle } from '../../src/domain/content/slug.ts';
import { organisationId } from '../../src/domain/demo/organisations.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/users.ts';
import { callerWith } from '../support/callers.ts';
import { assessedChainCall } from '../support/calls.ts';
import { createUser, TEST_PASSWORD } from '../support/factories.ts';
import { axeViolations, useDemoSite, withPage } from './harness.ts';

/** The joint decision chain in the browser: the board owns the call, the ministry co-funds and selects. */

const site = useDemoSite();
const DEB = organisationId(slugFromTitle('Danmarks Erhvervsfremmebestyrelse'));
const UFM = organisationId(slugFromTitle('Uddannelses- og Forskningsministeriet'));
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${site.server.url}/log-ind`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
}

/** Submits one form of the processing page and waits for its outcome alert. */
async function press(page: Page, button: string) {
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  await poll(() => page.locator('.alert-success, .alert-error').count()).toBe(1);
}

async function axeClean(page: Page, url: string, what: string) {
  await page.goto(url);
  expect(await axeViolations(page), what).toEqual([]);
}

describe('the joint decision chain in the browser', () => {
  it('takes a joint call from the recommendation to grants equal to the allocations', async () => {
    const db = site.database.db;
    const board = await createUser(db, 'funder', { organisationId: DEB, email: 'kaede@test.dk' });
    const owner = callerWith(board, [{ organisationId: DEB, role: 'funder' }]);
    const { call, clusters } = await assessedChainCall(db, {
      owner,
      ownerId: DEB,
      coFunderId: UFM,
      deciderId: UFM,
    });
    const [first, second] = clusters as unknown as [
      { id: string; name: string },
      { id: string; name: string },
    ];
    const da = `${site.server.url}/opslag/${call.slug}/sagsbehandling`;
    const en = `${site.server.url}/en/calls/${call.slug}/processing`;

    await withPage(site, async (page) => {
      await logIn(page, board.email, TEST_PASSWORD);
      await axeClean(page, da, 'assessed, Danish');
      await page.getByLabel(`1. ${first.name}`).check();
      await page.getByLabel(`2. ${second.name}`).check();
      await press(page, 'Send indstillingen til godkendelse');
      await press(page, 'Godkend indstillingen for Danmarks Erhvervsfremmebestyrelse');
      // The board is not the decider of this call: it is offered no selection.
      expect(await page.getByRole('button', { name: 'Træf afgørelse om udvælgelse' }).count()).toBe(0);
    });

    await withPage(site, async (page) => {
      await logIn(page, 'funder@demo.klyngeportalen.dk', DEMO_PASSWORD);
      await page.goto(da);
      await press(page, 'Godkend indstillingen for Uddannelses- og Forskningsministeriet');
      await axeClean(page, en, 'signed off, English');
      await page.goto(da);
      await page.getByLabel(`Udvælg ${first.name}`).check();
      await page.getByLabel(`Udvælg ${second.name}`).check();
      await press(page, 'Træf afgørelse om udvælgelse');
      await page.getByLabel(`${second.name} 2028 (kr.)`).fill('800001');
      await press(page, 'Fordel');
      expect(await page.getByText('Beløbet er større end det, der er tilbage af jeres budget').count()).toBe(
        1,
      );
      await page.getByLabel(`${second.name} 2028 (kr.)`).fill('800000');
      await page.getByLabel(`${second.name} 2029 (kr.)`).fill('300000');
      await press(page, 'Fordel');
      await press(page, 'Afslut fordelingen for Uddannelses- og Forskningsministeriet');
    });

    await withPage(site, async (page) => {
      await logIn(page, board.email, TEST_PASSWORD);
      await page.goto(da);
      await page.getByLabel(`${first.name} 2028 (kr.)`).fill('600000');
      await page.getByLabel(`${second.name} 2028 (kr.)`).fill('400000');
      await page.getByLabel(`${first.name} 2029 (kr.)`).fill('500000');
      await press(page, 'Fordel');
      await press(page, 'Afslut fordelingen for Danmarks Erhvervsfremmebestyrelse');
      await press(page, 'Opret bevillinger i registret');
      expect(await page.getByRole('cell', { name: 'Endnu ikke' }).count()).toBe(0);
      await axeClean(page, da, 'grants created, Danish');
      await axeClean(page, en, 'grants created, English');
    });

    const grants = await db
      .select({
        funderId: fundingGrants.funderId,
        clusterId: fundingGrants.clusterId,
        year: fundingGrants.year,
        amountDkk: fundingGrants.amountDkk,
      })
      .from(fundingGrants)
      .where(inArray(fundingGrants.clusterId, [first.id, second.id]));
    expect(grants.map((g) => `${g.funderId}:${g.clusterId}:${g.year}:${g.amountDkk}`).sort()).toEqual(
      [
        `${DEB}:${first.id}:2028:600000`,
        `${DEB}:${second.id}:2028:400000`,
        `${DEB}:${first.id}:2029:500000`,
        `${UFM}:${second.id}:2028:800000`,
        `${UFM}:${second.id}:2029:300000`,
      ].sort(),
    );

    // The board's grant to the first cluster in 2028 gets its payment plan and agreement ...
    await withPage(site, async (page) => {
      await logIn(page, board.email, TEST_PASSWORD);
      await page.goto(`${site.server.url}/finansiering/bevillinger/danmarks-erhvervsfremmebestyrelse`);
      await page.getByRole('link', { name: `Aftale og betalinger for ${first.name} 2028` }).click();
      await page.getByLabel('Dag').first().fill('1');
      await page.getByLabel('Måned').first().fill('3');
      await page.getByLabel('År', { exact: true }).first().fill('2028');
      await page.getByLabel('Rate 1: Beløb').fill('600.000');
      await press(page, 'Gem betalingsplanen');
      await page.getByLabel('Særlige vilkår').fill('Klyngen deltager i to netværksmøder.');
      await press(page, 'Udarbejd bevillingsaftalen');
      await press(page, 'Send aftalen til klyngen');
      const grantPage = page.url().replace(/\?.*$/, '');
      await axeClean(page, grantPage, 'grant agreement sent, Danish');
      await axeClean(
        page,
        grantPage.replace('/finansiering/bevillinger/bevilling/', '/en/funding/grants/grant/'),
        'grant agreement sent, English',
      );
    });

    // ... and the cluster sees its amounts, the agreement and the payment plan, and accepts it.
    const staff = await createUser(db, 'cluster_staff', { organisationId: first.id });
    await withPage(site, async (page) => {
      await logIn(page, staff.email, TEST_PASSWORD);
      await page.goto(`${site.server.url}/arbejdsrum/bevillinger`);
      expect(
        await page
          .getByRole('row', {
            name: /2028 Danmarks Erhvervsfremmebestyrelse 600\.000 kr\. Sendt til klyngen/,
          })
          .count(),
      ).toBe(1);
      expect(
        await page
          .getByRole('row', { name: /2029 Danmarks Erhvervsfremmebestyrelse 500\.000 kr\. Ikke udarbejdet/ })
          .count(),
      ).toBe(1);
      await page.getByRole('row', { name: /2028/ }).getByRole('link').click();
      expect(await page.getByRole('cell', { name: '1. marts 2028' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Hent bevillingsaftalen (PDF)' }).count()).toBe(1);
      await page.getByRole('link', { name: 'Acceptér bevillingsaftalen' }).click();
      expect(await axeViolations(page), 'accept the agreement, Danish').toEqual([]);
      await press(page, 'Acceptér aftalen');
      expect(await page.getByText('Accepteret af').count()).toBe(1);
      await axeClean(page, `${site.server.url}/en/workspace/grants`, 'cluster grants, English');
    });
    // Five sign-ins, some twenty forms and eight axe checks: about 50 s alone, more on a busy machine.
  }, 180_000);
});
