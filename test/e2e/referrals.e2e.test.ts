import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { queryRows } from '../../src/db/client.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { copenhagenDate } from '../../src/domain/reference/time.ts';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();
const HUB = 'erhvervshus@demo.klyngeportalen.dk';
const CLUSTER = 'klynge@demo.klyngeportalen.dk';
const COMPANY = 'Grænsegænger Automation ApS';
const CVR = completeCvr('7712345') ?? completeCvr('7712346') ?? '';
/** Today as people in Denmark see it: the server dates referrals by the Danish day. */
const today = () => copenhagenDate(new Date());

/** The supporting measure on an account page: [joined, confirmed]. */
async function supportingMeasure(page: Page): Promise<number[]> {
  const section = page.locator('section[aria-labelledby="referrals-heading"] dd');
  return (await section.allTextContents()).map((s) => Number(s.replace(/\D/g, '')));
}

describe('referrals between a business hub and a cluster (by clicking, axe-core WCAG 2.1 AA)', () => {
  it('a hub refers a company across regions; the cluster accepts, contacts, records "joined an activity"; reporting, figures and the account show it', async () => {
    // The demo hub advisor also advises for Erhvervshus Midtjylland, in another region than
    // Odense Robotics (Syddanmark), the demo cluster login's cluster.
    await withActor(site.database.db, systemActor('test'), (tx) =>
      tx.execute(sql`insert into memberships (user_id, organisation_id, role)
        select u.id, o.id, 'business_service_staff' from users u, organisations o
        where u.email = ${HUB} and o.slug = 'erhvervshus-midtjylland'`),
    );
    const [robotics] = await queryRows<{ cvr: string }>(
      site.database.db,
      sql`select cvr from organisations where slug = 'odense-robotics'`,
    );
    expect(CVR).toMatch(/^\d{8}$/);

    await asUser(site, HUB, async (page) => {
      // A hub's staff land on their hub's page, which leads to their referrals.
      await page.waitForURL('**/erhvervshus');
      await page.getByRole('link', { name: 'Alle henvisninger' }).click();
      await page.waitForURL('**/henvisninger');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Henvis en virksomhed' }).click();
      await page.getByRole('button', { name: 'Send henvisning' }).click();
      expect(await page.getByText('Henvisningen kræver virksomhedens samtykke.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Fra', { exact: true }).selectOption({ label: 'Erhvervshus Midtjylland' });
      await page.getByLabel(/^Odense Robotics \(/).check();
      await page.getByLabel('CVR-nummer').fill(CVR);
      await page.getByLabel('Virksomhedens navn').fill(COMPANY);
      await page.getByLabel('Tema', { exact: true }).selectOption('robotics');
      await page.getByLabel('Virksomhedens behov').fill('Søger samarbejde om robotceller til små serier.');
      await page.getByLabel('Kontaktperson', { exact: true }).fill('Karen Kontakt');
      await page.getByLabel('Kontaktpersonens e-mail').fill('karen@example.dk');
      await page.getByLabel(/har givet samtykke/).check();
      await page.getByRole('button', { name: 'Send henvisning' }).click();
      await page.waitForURL('**/henvisninger?sendt=1');
      expect(await page.getByText('Henvisningen er sendt.').count()).toBe(1);
    });

    await asUser(site, CLUSTER, async (page) => {
      // Cluster staff land on the workspace, whose tools include the referrals.
      await page.getByRole('main').getByRole('link', { name: 'Henvisninger', exact: true }).click();
      await page.getByRole('link', { name: COMPANY }).first().click();
      await page.waitForURL(/\/henvisninger\/[0-9a-f-]{36}$/);
      const referralUrl = page.url();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Accepter henvisningen' }).click();
      await page.waitForURL('**?gemt=1');
      await page.getByLabel('Dato (ÅÅÅÅ-MM-DD)').fill(today());
      await page.getByRole('button', { name: 'Registrér kontakt' }).click();
      await page.waitForURL('**?gemt=1');
      await page.getByLabel('Udfald', { exact: true }).selectOption('joined_activity');
      await page.getByLabel('Dato (ÅÅÅÅ-MM-DD)').fill(today());
      await page.getByRole('button', { name: 'Registrér udfald' }).click();
      await page.waitForURL('**?gemt=1');
      expect(await page.getByText('Endnu ikke i klyngens indberetning').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // The company takes part in an activity of the cluster's reporting this year.
      await page.goto(`${site.server.url}/arbejdsrum/aktiviteter/ny`);
      await page.getByLabel('Titel', { exact: true }).fill('Robotcelle-workshop');
      await page.locator('#activity_ref').fill('HENV-E2E-1');
      await page.locator('#category').selectOption({ index: 1 });
      const start = page.getByRole('group', { name: 'Startdato', exact: true });
      const [year, month, day] = today().split('-');
      await start.getByLabel('Dag').fill(day ?? '');
      await start.getByLabel('Måned').fill(month ?? '');
      await start.getByLabel('År').fill(year ?? '');
      await page.getByRole('button', { name: 'Gem aktivitet' }).click();
      await page.waitForURL(/\/arbejdsrum\/aktiviteter\/\d+\?status=created$/);
      // The activity counts in this year's reporting.
      // This year is not approved yet: the cluster sees its preliminary account.
      const account = `${site.server.url}/resultater/${year}/klynger/${robotics?.cvr}?foreloebige=1`;
      await page.goto(account);
      const [joinedBefore, confirmedBefore] = await supportingMeasure(page);
      await page.goBack();
      await page.locator('#participant_type').selectOption('company');
      await page.locator('#cvr').fill(CVR);
      await page.locator('#name').fill(COMPANY);
      await page.getByRole('button', { name: 'Tilføj deltager' }).click();
      await page.waitForURL(/status=participantAdded$/);

      await page.goto(referralUrl);
      expect(await page.getByText('Bekræftet af klyngens indberetning (CVR og år)').count()).toBe(1);
      await page.goto(account);
      expect(await supportingMeasure(page)).toEqual([joinedBefore, (confirmedBefore ?? 0) + 1]);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${site.server.url}/henvisninger/tal?year=${year}&by=cluster`);
      const row = page.getByRole('row', { name: /^Odense Robotics/ });
      const cells = await row.locator('td').allTextContents();
      // sent, accepted, declined, days, joined, confirmed, ...: this one counts in each
      expect(Number(cells[5])).toBeGreaterThanOrEqual(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/referrals/figures?year=${year}&by=region`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(referralUrl.replace('/henvisninger/', '/en/referrals/'));
      expect(await page.getByText("Confirmed by the cluster's reporting (CVR and year)").count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/referrals`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/referrals/new`);
      await page.getByRole('button', { name: 'Send referral' }).click();
      expect(await page.getByText("The referral needs the company's consent.").count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('the support function edits a referral target; list and forms have no violations in Danish and English', () =>
    asUser(site, 'support@demo.klyngeportalen.dk', async (page) => {
      await page.waitForURL('**/support');
      await page.getByRole('link', { name: 'Henvisningsmodtagere' }).first().click();
      await page.waitForURL('**/support/henvisningsmodtagere');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Redigér Eksportrådet' }).click();
      await page.waitForURL('**/support/henvisningsmodtagere/*');
      const url = page.getByLabel('Hjemmeside');
      const address = await url.inputValue();
      await url.fill('http://eksportraadet.dk');
      await page.getByRole('button', { name: 'Gem modtageren' }).click();
      expect(
        await page.getByText('Skriv en hel adresse, der begynder med https://.').count(),
      ).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await url.fill(address);
      await page.getByLabel('Beskrivelse', { exact: true }).fill('Hjælp til eksport, også på messer.');
      await page.getByRole('button', { name: 'Gem modtageren' }).click();
      await page.waitForURL('**/support/henvisningsmodtagere?gemt=1');
      expect(await page.getByText('Modtageren er gemt.').count()).toBe(1);
      for (const path of ['/en/support/referral-targets', '/en/support/referral-targets/new']) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${site.server.url}${path}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.setViewportSize({ width: 390, height: 844 });
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          ),
        ).toBe(false);
      }
    }));
});
