import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { surveyInvitations, surveyTokens } from '../../src/db/schema/index.ts';
import { demoSurveyId } from '../../src/domain/demo/surveys.ts';
import { invitationKeyOf, newSurveyToken } from '../../src/domain/surveys/tokens.ts';
import { axeViolations, type DemoSite, useDemoSite } from './harness.ts';

const site = useDemoSite();

/** A personal link to the demo's open needs survey, as its e-mail would bring it. */
async function invitationLink(s: DemoSite, email: string): Promise<string> {
  const token = newSurveyToken();
  await withActor(s.database.db, systemActor('test'), async (tx) => {
    const [invitation] = await tx
      .insert(surveyInvitations)
      .values({ surveyId: demoSurveyId('needs-2027'), email, source: 'csv', sentAt: new Date() })
      .returning({ id: surveyInvitations.id });
    if (!invitation) throw new Error('no invitation');
    await tx.insert(surveyTokens).values({ tokenHash: invitationKeyOf(token), invitationId: invitation.id });
  });
  return token;
}

describe('answering a survey by its personal link (axe-core, WCAG 2.1 AA)', () => {
  it('works without JavaScript: starts, refuses a missing answer at its field, saves for later', async () => {
    const token = await invitationLink(site, 'e2e-uden-js@klynge.demo.invalid');
    const context = await site.browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/undersoegelser/${token}`);
      await page.getByRole('link', { name: 'Start' }).click();
      await page.waitForURL(`**/undersoegelser/${token}/side/1`);
      // Nothing answered: the page comes back with the error summary.
      await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
      expect(await page.locator('#error-summary-heading').count()).toBe(1);
      await page.getByRole('button', { name: 'Gem og fortsæt senere' }).click();
      expect(await page.getByRole('heading', { name: 'Dine svar er gemt' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  // axe-core runs in the page, so these pages are checked with JavaScript on: they are the same HTML.
  it('has no violations on the start and question pages, errors shown too, in Danish and English', async () => {
    const token = await invitationLink(site, 'e2e-axe@klynge.demo.invalid');
    const context = await site.browser.newContext({ locale: 'da-DK' });
    try {
      const page = await context.newPage();
      for (const start of [`/undersoegelser/${token}`, `/en/surveys/${token}`]) {
        await page.goto(`${site.server.url}${start}`);
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.goto(`${site.server.url}/undersoegelser/${token}/side/1`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
      await page.locator('#error-summary-heading').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/surveys/${token}/page/1`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
