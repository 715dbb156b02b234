import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { queryRows } from '../../src/db/client.ts';
import { surveyTokens } from '../../src/db/schema/index.ts';
import { invitationKeyOf, newSurveyToken } from '../../src/domain/surveys/tokens.ts';
import { type Lang, type PageKey, pageHref } from '../../src/http/paths.ts';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const SUPPORT = 'support@demo.klyngeportalen.dk';
const FUNDER = 'funder@demo.klyngeportalen.dk';
const YEAR = '2028';

/** The page in English and Danish, 390 and 1280 px wide: no axe violations, no sideways scrolling. */
async function checkPage(page: Page, key: PageKey, params: Record<string, string>): Promise<void> {
  for (const lang of ['en', 'da'] as Lang[])
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site.server.url}${pageHref(key, lang, params)}`);
      expect(await axeViolations(page), `${key} ${lang} ${width}`).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${key} ${lang} ${width}`).toBeLessThanOrEqual(width);
    }
}

/** Two invited cluster organisations' personal links, as their invitations would bring them. */
async function twoInvitees(surveyId: string): Promise<string[]> {
  const invitations = await queryRows<{ id: string }>(
    site.database.db,
    sql`select id from survey_invitations where survey_id = ${surveyId}
      order by email limit 2`,
  );
  const tokens = invitations.map(() => newSurveyToken());
  await withActor(site.database.db, systemActor('test'), (tx) =>
    tx.insert(surveyTokens).values(
      invitations.map((inv, i) => ({
        tokenHash: invitationKeyOf(tokens[i] as string),
        invitationId: inv.id,
      })),
    ),
  );
  return tokens;
}

/** Answers every service of the needs survey: `interest` by question key, "none" for the rest. */
async function answerNeeds(page: Page, token: string, interest: Record<string, string>) {
  await page.goto(`${site.server.url}${pageHref('surveyAnswerPage', 'da', { token, page: '1' })}`);
  const names = await page
    .locator('input.form-radio[value="none"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name));
  for (const name of names) {
    const value = interest[name.replace(/^q-/, '')] ?? 'none';
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
  await page.getByRole('button', { name: 'Send svar' }).click();
  await page.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
}

const cellsOf = (page: Page, rowHeader: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) })
    .last();

describe('the demand-driven plan, from the needs survey to the public plan (axe-core WCAG 2.1 AA)', () => {
  let surveyId = '';
  let wantedTitle = '';

  it('support staff start a year: its needs survey is made and published', async () => {
    await asUser(site, SUPPORT, async (page) => {
      await checkPage(page, 'supportPlans', {});
      await page.getByLabel('År', { exact: true }).fill(YEAR);
      await page.getByLabel(/^Tærskel/).fill('2');
      await page.getByLabel('Sidste svardag for behovsafdækningen').fill(`${YEAR}-03-31`);
      await page.getByRole('button', { name: 'Start året' }).click();
      await page.waitForURL(`**${pageHref('supportPlan', 'da', { year: YEAR })}?startet=1`);
      const surveyLink = await page
        .getByRole('link', { name: 'Se, offentliggør og send behovsafdækningen' })
        .getAttribute('href');
      surveyId = /undersoegelser\/([0-9a-f-]{36})/.exec(surveyLink ?? '')?.[1] ?? '';
      await page.goto(`${site.server.url}${pageHref('survey', 'da', { id: surveyId })}`);
      await page.getByRole('button', { name: 'Offentliggør undersøgelsen' }).click();
      await page.waitForURL(`**${pageHref('survey', 'da', { id: surveyId })}?*`);
    });
  });

  it('two cluster organisations answer it by their personal links', async () => {
    // Both clusters are interested in the first service (service_1), only one in service_10.
    const [first] = await queryRows<{ title: string }>(
      site.database.db,
      sql`select s.title_da as title from support_plan_services ps
        join support_services s on s.id = ps.service_id where ps.year = ${Number(YEAR)}
        order by ps.question_key collate "C" limit 1`,
    );
    wantedTitle = first?.title ?? '';
    const [a, b] = await twoInvitees(surveyId);
    await withPage(site, (page) => answerNeeds(page, a as string, { service_1: 'much', service_10: 'some' }));
    await withPage(site, (page) =>
      answerNeeds(page, b as string, { service_1: 'some', service_10: 'little' }),
    );
  });

  // Twelve decisions, each a page and a post: more than the default minute on a busy machine.
  it('the answers meet the threshold; every service is decided and the plan published', async () => {
    await asUser(site, SUPPORT, async (page) => {
      await checkPage(page, 'supportPlan', { year: YEAR });
      // Threshold 2: the first service is wanted (2 clusters), the other not (1).
      expect(await cellsOf(page, wantedTitle).getByRole('cell').allTextContents()).toEqual(
        expect.arrayContaining(['2', 'Ja', 'Ikke besluttet']),
      );
      await page.getByLabel(/^Tærskel/).fill('3');
      await page.getByRole('button', { name: 'Gem tærsklen' }).click();
      await page.waitForURL('**?taerskel=1');
      expect(await cellsOf(page, wantedTitle).getByRole('cell').nth(1).textContent()).toBe('Nej');
      await page.getByLabel(/^Tærskel/).fill('2');
      await page.getByRole('button', { name: 'Gem tærsklen' }).click();
      await page.waitForURL('**?taerskel=1');

      const decisions = await page
        .getByRole('link', { name: /^Beslut / })
        .evaluateAll((links) =>
          links.map((l) => [l.getAttribute('aria-label') ?? '', l.getAttribute('href') ?? '']),
        );
      let checked = false;
      for (const [label, path] of decisions) {
        const runs = label === `Beslut ${wantedTitle}`;
        await page.goto(`${site.server.url}${path}`);
        if (!checked) {
          // A service that runs needs a planned run: the error is shown at its field.
          await page.getByLabel('Ja, ydelsen udbydes').check();
          await page.getByLabel('Begrundelse').fill('Efterspurgt');
          await page.getByLabel('Planlagte forløb').fill('0');
          await page.getByLabel('Budget', { exact: true }).fill('0');
          await page.getByRole('button', { name: 'Gem beslutningen' }).click();
          await page.locator('#error-summary-heading').waitFor();
          expect(await axeViolations(page)).toEqual([]);
          checked = true;
        }
        await page.getByLabel(runs ? 'Ja, ydelsen udbydes' : 'Nej, ydelsen udbydes ikke').check();
        await page
          .getByLabel('Begrundelse')
          .fill(runs ? 'Efterspurgt af to klynger' : 'For lille efterspørgsel');
        await page.getByLabel('Planlagte forløb').fill(runs ? '2' : '0');
        await page.getByLabel('Budget', { exact: true }).fill(runs ? '200.000' : '0');
        await page.getByRole('button', { name: 'Gem beslutningen' }).click();
        await page.waitForURL('**?besluttet=1');
      }
      await page.getByRole('button', { name: 'Offentliggør planen' }).click();
      await page.waitForURL('**?offentliggjort=1');
      expect(await page.getByRole('status').filter({ hasText: 'Planen er offentliggjort.' }).count()).toBe(1);
    });
  }, 120_000);

  it('a visitor finds the published plan from the services, without its budget', async () => {
    await withPage(site, async (page) => {
      await page.goto(`${site.server.url}/ydelser`);
      await page.getByRole('link', { name: `Plan for ${YEAR}` }).click();
      await page.waitForURL(`**${pageHref('servicePlan', 'da', { year: YEAR })}`);
      expect(await cellsOf(page, wantedTitle).getByRole('cell').allTextContents()).toEqual([
        'Udbydes',
        '2',
        'Efterspurgt af to klynger',
      ]);
      // The budget is the steering group's: not on the public page.
      expect(await page.getByText('200.000 kr.').count()).toBe(0);
      await checkPage(page, 'servicePlan', { year: YEAR });
    });
  });

  it('the steering group sees the plan with its budget and the contributions', async () => {
    await asUser(site, FUNDER, async (page) => {
      await checkPage(page, 'supportSteering', {});
      expect(await page.getByRole('heading', { name: `Budget i årsplanen for ${YEAR}` }).count()).toBe(1);
      expect(await cellsOf(page, wantedTitle).getByRole('cell').allTextContents()).toEqual([
        'Udbydes',
        '2',
        '200.000 kr.',
      ]);
      // 2.6 mio. kr. from the ministry and 2.4 mio. kr. from the regions in the demo's 2027.
      expect(await cellsOf(page, '2027').getByRole('cell').first().textContent()).toBe('5.000.000 kr.');
    });
  });
});
