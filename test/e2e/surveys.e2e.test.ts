import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { surveyInvitations, surveyTokens } from '../../src/db/schema/index.ts';
import { DEMO_MATCHMAKING_PARTICIPANTS } from '../../src/domain/demo/matchmaking.ts';
import { demoSurveyId } from '../../src/domain/demo/surveys.ts';
import { invitationKeyOf, newSurveyToken } from '../../src/domain/surveys/tokens.ts';
import { type Lang, type PageKey, pageHref } from '../../src/http/paths.ts';
import { readableMail, startSmtpServer } from '../support/smtp.ts';
import { asUser, axeViolations, type DemoSite, newContext, useDemoSite } from './harness.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  return () => smtp.close();
});
const site = useDemoSite(() => ({ SMTP_URL: smtp.url }));
const SUPPORT = 'support@demo.klyngeportalen.dk';
const SKIP_NOTE = 'Vises kun, hvis svaret på »Fik du nye kontakter?« er: Ja.';

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

/**
 * The page in English and Danish, 390 and 1280 px wide: no axe violations, no sideways scrolling.
 * It is left open in Danish at 1280 px, where the flow goes on.
 */
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

/** The personal link's token in the invitation sent to `email`. */
function tokenSentTo(email: string): string {
  const mail = smtp.received.find((m) => m.to.includes(email));
  const token = /\/undersoegelser\/([A-Za-z0-9_-]{43})\b/.exec(readableMail(mail?.data ?? ''))?.[1];
  if (!token) throw new Error(`no survey link in a mail to ${email}`);
  return token;
}

describe("the survey owner's whole flow, by clicking (axe-core WCAG 2.1 AA, 1280 and 390 px)", () => {
  it('builds, previews and publishes a questionnaire, invites a list and an event, sends, gets two answers and exports the results', async () => {
    const listed = ['e2e-ejer-a@firma.example', 'e2e-ejer-b@firma.example'];
    const folder = await mkdtemp(join(tmpdir(), 'klynge-survey-'));
    const listFile = join(folder, 'modtagere.csv');
    await writeFile(listFile, `email;navn\n${listed[0]};Anna A\n${listed[1]};Bo B\n`);
    let id = '';
    try {
      await asUser(site, SUPPORT, async (page) => {
        await checkPage(page, 'surveyNew', {});
        await page.getByLabel('Titel på dansk').fill('Evaluering af e2e-arrangementet');
        await page.getByLabel('Titel på engelsk').fill('Evaluation of the e2e event');
        await page.getByLabel('Tomt spørgeskema').check();
        await page.getByLabel('Sidste svardag').fill('2099-12-31');
        await page.getByRole('button', { name: 'Opret undersøgelse' }).click();
        await page.waitForURL(/\/support\/undersoegelser\/[0-9a-f-]{36}/);
        id = /\/support\/undersoegelser\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

        // A scale, a choice and a free-text question shown only after one of the choices.
        const question = async (fill: () => Promise<void>) => {
          await page.goto(`${site.server.url}${pageHref('surveyQuestionNew', 'da', { id })}`);
          await fill();
          await page.getByRole('button', { name: 'Gem spørgsmål' }).click();
          await page.waitForURL(`**${pageHref('surveyQuestions', 'da', { id })}*`);
        };
        await question(async () => {
          await page.getByLabel('Spørgsmålstype').selectOption('scale');
          await page.getByLabel('Spørgsmål på dansk').fill('Hvor tilfreds var du med arrangementet?');
          await page.getByLabel('Spørgsmål på engelsk').fill('How satisfied were you with the event?');
          await page.getByLabel('Skal besvares').check();
          await page.getByLabel('1 betyder (dansk)').fill('Meget utilfreds');
          await page.getByLabel('1 betyder (engelsk)').fill('Very dissatisfied');
          await page.getByLabel('5 betyder (dansk)').fill('Meget tilfreds');
          await page.getByLabel('5 betyder (engelsk)').fill('Very satisfied');
        });
        await question(async () => {
          await page.getByLabel('Spørgsmålstype').selectOption('single');
          await page.getByLabel('Spørgsmål på dansk').fill('Fik du nye kontakter?');
          await page.getByLabel('Spørgsmål på engelsk').fill('Did you make new contacts?');
          await page.getByLabel('Skal besvares').check();
          await page.getByLabel('Svarmulighed 1 på dansk').fill('Ja');
          await page.getByLabel('Svarmulighed 1 på engelsk').fill('Yes');
          await page.getByLabel('Svarmulighed 2 på dansk').fill('Nej');
          await page.getByLabel('Svarmulighed 2 på engelsk').fill('No');
        });
        await question(async () => {
          await page.getByLabel('Spørgsmålstype').selectOption('text');
          await page.getByLabel('Side', { exact: true }).fill('2');
          await page.getByLabel('Spørgsmål på dansk').fill('Hvem fik du kontakt med?');
          await page.getByLabel('Spørgsmål på engelsk').fill('Whom did you meet?');
          await page
            .getByRole('group', { name: /svaret på »Fik du nye kontakter\?«/ })
            .getByLabel('Ja')
            .check();
        });
        await checkPage(page, 'surveyQuestions', { id });
        await checkPage(page, 'surveyPreview', { id });
        expect(await page.getByText(SKIP_NOTE).count()).toBe(1);

        await checkPage(page, 'survey', { id });
        await page.getByRole('button', { name: 'Offentliggør undersøgelsen' }).click();
        await page.waitForURL(`**${pageHref('survey', 'da', { id })}?*`);

        // Recipients: an uploaded list, and the registrants of the demo's matchmaking event.
        await page.goto(`${site.server.url}${pageHref('surveyRecipients', 'da', { id })}`);
        await page.getByLabel('Fil', { exact: true }).setInputFiles(listFile);
        await page.getByRole('button', { name: 'Upload og tilføj' }).click();
        await page.getByText('2 modtagere er tilføjet.').waitFor();
        await page.getByLabel('Tilmeldte til et arrangement').check();
        await page.getByRole('button', { name: 'Tilføj modtagere' }).click();
        await page.getByText(`${DEMO_MATCHMAKING_PARTICIPANTS} modtagere er tilføjet.`).waitFor();
        expect(await page.getByText('Tilmeldte til Matchmaking om fødevareinnovation').count()).toBe(1);
        await checkPage(page, 'surveyRecipients', { id });

        const invited = DEMO_MATCHMAKING_PARTICIPANTS + listed.length;
        await page.goto(`${site.server.url}${pageHref('survey', 'da', { id })}`);
        const before = smtp.received.length;
        await page.getByRole('button', { name: `Send invitationer (${invited})` }).click();
        await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(before + invited);
        await expect
          .poll(async () => {
            await page.reload();
            return page.locator('#last-round').textContent();
          })
          .toMatch(new RegExp(`: ${invited} sendt\\.$`));
        await checkPage(page, 'survey', { id });
      });

      // Two recipients answer by their links, each in a browser of their own, without signing in.
      const answer = async (email: string, work: (page: Page, token: string) => Promise<void>) => {
        const context = await newContext(site.browser);
        try {
          await work(await context.newPage(), tokenSentTo(email));
        } finally {
          await context.close();
        }
      };
      const answerPageOne = async (page: Page, scale: string, contacts: 'Ja' | 'Nej') => {
        await page
          .getByRole('group', { name: /Hvor tilfreds var du med arrangementet\?/ })
          .getByLabel(scale, { exact: true })
          .check();
        await page
          .getByRole('group', { name: /Fik du nye kontakter\?/ })
          .getByLabel(contacts)
          .check();
      };
      await answer(listed[0] as string, async (page, token) => {
        await checkPage(page, 'surveyAnswerPage', { token, page: '1' });
        await checkPage(page, 'surveyAnswer', { token });
        await page.getByRole('link', { name: 'Start' }).click();
        await answerPageOne(page, '4', 'Ja');
        await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
        await page.getByLabel('Hvem fik du kontakt med?').fill('En robotleverandør fra Odense');
        await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
        await page.getByRole('button', { name: 'Send svar' }).click();
        await page.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
      });
      await answer(listed[1] as string, async (page, token) => {
        await page.goto(`${site.server.url}${pageHref('surveyAnswerPage', 'da', { token, page: '1' })}`);
        await answerPageOne(page, '2', 'Nej');
        await page.getByRole('button', { name: 'Gem og fortsæt senere' }).click();
        await page.getByRole('heading', { name: 'Dine svar er gemt' }).waitFor();
      });
      await answer(listed[1] as string, async (page, token) => {
        // Later, in another browser: the saved answers are there; "Nej" skips the free text.
        await page.goto(`${site.server.url}${pageHref('surveyAnswerPage', 'da', { token, page: '1' })}`);
        expect(
          await page
            .getByRole('group', { name: /Fik du nye kontakter\?/ })
            .getByLabel('Nej')
            .isChecked(),
        ).toBe(true);
        await page.getByRole('button', { name: 'Gem og fortsæt', exact: true }).click();
        expect(await page.getByLabel('Hvem fik du kontakt med?').count()).toBe(0);
        await page.getByRole('button', { name: 'Send svar' }).click();
        await page.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
      });

      await asUser(site, SUPPORT, async (page) => {
        await checkPage(page, 'surveyResults', { id });
        const invited = DEMO_MATCHMAKING_PARTICIPANTS + listed.length;
        expect(await page.getByText(`2 af ${invited} inviterede har svaret`).count()).toBe(1);
        expect(await page.locator('figure svg').count()).toBe(2);
        const csvHref = await page.getByRole('link', { name: 'Resultater (CSV)' }).getAttribute('href');
        const csv = await page.request.get(`${site.server.url}${csvHref}`);
        expect(csv.status()).toBe(200);
        expect(csv.headers()['content-type']).toContain('text/csv');
        const text = await csv.text();
        expect(text).toContain('Hvor tilfreds var du med arrangementet?');
        expect(text).toContain('Fik du nye kontakter?');
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    // Nine pages, each checked four times (two languages, two widths), and 42 mails.
  }, 240_000);
});
