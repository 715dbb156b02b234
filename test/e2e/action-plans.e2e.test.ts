import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, tabTo, useDemoSite } from './harness.ts';

const site = useDemoSite();

const STAFF = 'klynge@demo.klyngeportalen.dk';
/** Each test runs several axe checks; on a loaded machine one can take 5-10 s. */
const SLOW = 120_000;
const FUNDER = 'funder@demo.klyngeportalen.dk';
const SUPPORT = 'support@demo.klyngeportalen.dk';

describe('action plans (axe-core, WCAG 2.1 AA)', () => {
  it(
    'cluster staff: list, draft form, a keyboard-only save and field errors',
    () =>
      asUser(site, STAFF, async (page) => {
        await page.goto(`${site.server.url}/arbejdsrum`);
        // The workspace lists its tools; action plans are one of them.
        await page.getByRole('main').getByRole('link', { name: 'Handlingsplaner', exact: true }).click();
        await page.waitForURL('**/arbejdsrum/handlingsplaner');
        expect(await page.getByRole('row', { name: /^2023 Godkendt/ }).count()).toBe(1);
        expect(await page.getByRole('row', { name: /^2024 Kladde/ }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Handlingsplan 2024' }).click();
        await page.waitForURL('**/arbejdsrum/handlingsplaner/odense-robotics/2024');
        expect(await axeViolations(page)).toEqual([]);

        // Keyboard only: goals, one category's count and budget, the narrative, then "Gem kladde".
        await tabTo(page, 'goal-activities');
        await page.keyboard.type('75');
        await page.keyboard.press('Tab'); // participating companies: Tab selects the demo's 420
        await page.keyboard.type('450');
        await tabTo(page, 'count-networking');
        await page.keyboard.type('4');
        await page.keyboard.press('Tab');
        await page.keyboard.type('80000');
        await tabTo(page, 'narrative');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Plan skrevet med tastaturet.');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Gem kladde');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/odense-robotics/2024?done=saved');
        expect(await page.getByText('Handlingsplanen er gemt.').count()).toBe(1);
        expect(await page.locator('#goal-activities').inputValue()).toBe('75');
        expect(await page.locator('#goal-participating_companies').inputValue()).toBe('450');
        // The saved amount is shown back in Danish notation.
        expect(await page.locator('#budget-networking').inputValue()).toBe('80.000');

        // A negative goal: the error summary and the message at the field, still axe-clean.
        await tabTo(page, 'goal-activities');
        await page.keyboard.type('-5');
        await page.keyboard.press('Enter');
        await page.getByText('Skriv et tal, der er 0 eller større.').first().waitFor();
        expect(await page.locator('#goal-activities-error').textContent()).toContain('0 eller større');
        expect(await axeViolations(page)).toEqual([]);
      }),
    SLOW,
  );

  it(
    'cluster staff: the accepted plan is read-only with its history; follow-up with chart; English pages',
    () =>
      asUser(site, STAFF, async (page) => {
        // The accepted 2023 plan is read-only; its follow-up has the table and the chart.
        await page.goto(`${site.server.url}/arbejdsrum/handlingsplaner/odense-robotics/2023`);
        expect(await page.getByText('Planen er godkendt og kan ikke længere ændres.').count()).toBe(1);
        expect(await page.locator('input[name="goal-activities"]').count()).toBe(0);
        await page.getByText('Historik').click();
        expect(await page.getByText(/Indsendt → Godkendt af funder@demo\.klyngeportalen\.dk/).count()).toBe(
          1,
        );
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('link', { name: 'Opfølgning 2023' }).click();
        await page.waitForURL('**/odense-robotics/2023/opfoelgning');
        expect(await page.locator('figure svg[role="img"]').count()).toBe(1);
        expect(await page.getByRole('row', { name: /^Deltagende virksomheder 400 / }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        for (const path of [
          '/en/workspace/action-plans',
          '/en/workspace/action-plans/odense-robotics/2024',
          '/en/workspace/action-plans/odense-robotics/2023/follow-up',
        ]) {
          await page.goto(`${site.server.url}${path}`);
          expect(await axeViolations(page)).toEqual([]);
        }
      }),
    SLOW,
  );

  it(
    'funder: overview of a year, a submitted plan, a refused return and an acceptance',
    () =>
      asUser(site, FUNDER, async (page) => {
        await page.goto(`${site.server.url}/indberetninger/status`);
        await page.getByRole('link', { name: 'Klyngernes handlingsplaner' }).click();
        await page.waitForURL('**/finansiering/handlingsplaner');
        // By default the newest year with funded clusters (the demo's grants end in 2024).
        expect(await page.getByRole('heading', { name: 'Handlingsplan 2024' }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByLabel('År').selectOption('2023');
        await page.getByRole('button', { name: 'Vis' }).click();
        await page.waitForURL('**/finansiering/handlingsplaner?year=2023');
        expect(await page.getByRole('row', { name: /^Danish Sound Cluster Indsendt/ }).count()).toBe(1);
        expect(await page.getByRole('row', { name: /^Odense Robotics Godkendt/ }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('link', { name: 'Se plan Danish Sound Cluster' }).click();
        await page.waitForURL('**/finansiering/handlingsplaner/danish-sound-cluster/2023');
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Send retur' }).click();
        await page.getByText('Skriv en begrundelse.').waitFor();
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Godkend handlingsplanen' }).click();
        await page.waitForURL('**/danish-sound-cluster/2023?done=accept');
        expect(await page.getByText('Handlingsplanen er godkendt.').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Godkend handlingsplanen' }).count()).toBe(0);
      }),
    SLOW,
  );

  it(
    'funder: follow-up and the English pages',
    () =>
      asUser(site, FUNDER, async (page) => {
        await page.goto(`${site.server.url}/finansiering/handlingsplaner/danish-sound-cluster/2023`);
        await page.getByRole('link', { name: 'Opfølgning 2023' }).click();
        await page.waitForURL('**/finansiering/handlingsplaner/danish-sound-cluster/2023/opfoelgning');
        expect(await axeViolations(page)).toEqual([]);

        for (const path of [
          '/en/funding/action-plans?year=2023',
          '/en/funding/action-plans/danish-sound-cluster/2023',
          '/en/funding/action-plans/danish-sound-cluster/2023/follow-up',
        ]) {
          await page.goto(`${site.server.url}${path}`);
          expect(await axeViolations(page)).toEqual([]);
        }
      }),
    SLOW,
  );
  it(
    'support function: sparring on a draft by keyboard, in Danish and English; the cluster marks it handled',
    async () => {
      await asUser(site, SUPPORT, async (page) => {
        await page.goto(`${site.server.url}/support`);
        await page.getByRole('link', { name: 'Handlingsplaner' }).first().click();
        await page.waitForURL('**/finansiering/handlingsplaner');
        await page.goto(`${site.server.url}/finansiering/handlingsplaner/odense-robotics/2024`);
        // The demo's two comments: one handled, one waiting; the draft is readable for sparring.
        expect(await page.getByText('Afventer klyngen').count()).toBe(1);
        expect(await page.getByText('Behandlet', { exact: true }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        // Keyboard only: an empty comment gives the error summary, then a comment on the goals.
        await tabTo(page, 'body');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.getByText('Skriv en kommentar.').first().waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await tabTo(page, 'section');
        await page.keyboard.press('End'); // the last section: activities and budget
        await tabTo(page, 'body');
        await page.keyboard.type('Budgettet for internationalisering virker lavt.');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/odense-robotics/2024?done=commented');
        expect(await page.getByText('Budgettet for internationalisering virker lavt.').count()).toBe(1);
        // The demo's waiting comment and the new one are both about activities and budget.
        expect(await page.getByText('Om: Aktiviteter og budget').count()).toBe(2);

        await page.goto(`${site.server.url}/en/funding/action-plans/odense-robotics/2024`);
        expect(await page.getByText('Awaiting the cluster').count()).toBe(2);
        expect(await axeViolations(page)).toEqual([]);
      });
      await asUser(site, STAFF, async (page) => {
        await page.goto(`${site.server.url}/arbejdsrum/handlingsplaner/odense-robotics/2024`);
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Marker kommentar 3 som behandlet' }).click();
        await page.waitForURL('**/odense-robotics/2024?done=handled');
        expect(await page.getByText('Afventer klyngen').count()).toBe(1);
        await page.goto(`${site.server.url}/en/workspace/action-plans/odense-robotics/2024`);
        expect(await axeViolations(page)).toEqual([]);
      });
    },
    SLOW,
  );
});
