import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const HUB = 'erhvervshus@demo.klyngeportalen.dk';
const CLUSTER = 'klynge@demo.klyngeportalen.dk';
// Demo events (src/domain/demo/content.ts): CLEAN's workshop in Sønderborg (Region Syddanmark,
// like Erhvervshus Fyn) and DigitalLead's theme day in Copenhagen (Region Hovedstaden).
const IN_REGION = 'Workshop om cirkulære forretningsmodeller';
const ELSEWHERE = 'Kunstig intelligens i små virksomheder';
const SYDDANMARK = '1083';
const TITLE = 'Automatisering for fynske smv’er';

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
/** A day about a month ahead, as YYYY-MM-DD. */
const aMonthAhead = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('the business hub: landing page, the clusters’ activities, a joint event (axe-core WCAG 2.1 AA)', () => {
  it('a hub advisor filters the activities, downloads the calendar and proposes a joint event; the cluster accepts; it is published with both organisers', async () => {
    let eventUrl = '';
    await asUser(site, HUB, async (page) => {
      await page.waitForURL('**/erhvervshus');
      expect(
        await page
          .getByRole('heading', { name: 'Klyngernes kommende aktiviteter i Region Syddanmark' })
          .count(),
      ).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });

      // Every cluster's activities, filtered by region with the GET form
      await page.goto(`${site.server.url}/erhvervshus/aktiviteter`);
      expect(await page.getByRole('link', { name: ELSEWHERE }).count()).toBe(1);
      await page.getByLabel('Region', { exact: true }).selectOption(SYDDANMARK);
      await page.getByRole('button', { name: 'Filtrér' }).click();
      await page.waitForURL(new RegExp(`/erhvervshus/aktiviteter\\?region=${SYDDANMARK}`));
      expect(await page.getByRole('link', { name: IN_REGION }).count()).toBe(1);
      expect(await page.getByRole('link', { name: ELSEWHERE }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });

      // The calendar and RSS feeds of the same filter
      const icalPath = await page.getByRole('link', { name: 'Kalender (iCal)' }).getAttribute('href');
      expect(icalPath).toBe(`/erhvervshus/aktiviteter.ics?region=${SYDDANMARK}`);
      const ics = await page.request.get(`${site.server.url}${icalPath}`);
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      const calendar = await ics.text();
      expect(calendar.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(calendar.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
      expect(calendar).toContain(`SUMMARY;LANGUAGE=da:${IN_REGION}`);
      expect(calendar).not.toContain(ELSEWHERE);
      const rssPath = await page.getByRole('link', { name: 'RSS' }).getAttribute('href');
      const rss = await (await page.request.get(`${site.server.url}${rssPath}`)).text();
      expect(rss).toContain(`<title>${IN_REGION}</title>`);
      expect(rss).not.toContain(ELSEWHERE);

      await page.goto(`${site.server.url}/en/business-hub/activities?region=${SYDDANMARK}`);
      expect(await page.getByRole('link', { name: IN_REGION }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/business-hub`);
      expect(await axeViolations(page)).toEqual([]);

      // A joint event with Odense Robotics
      await page.goto(`${site.server.url}/erhvervshus`);
      await page.getByRole('link', { name: 'Foreslå et fælles arrangement' }).click();
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      // The error summary leads to each field left empty.
      expect(await page.getByRole('alert').locator('a[href="#title"]').count()).toBe(1);
      expect(await page.getByRole('alert').locator('a[href="#clusterId"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Klynge', { exact: true }).selectOption({ label: 'Odense Robotics' });
      await page.getByLabel('Titel').fill(TITLE);
      await page.getByLabel('Dato', { exact: true }).fill(aMonthAhead());
      await page.getByLabel('Starttidspunkt').fill('09:00');
      await page.getByLabel('Sluttidspunkt').fill('12:00');
      await page.getByLabel('Sted').fill('Odense Havn');
      await page
        .getByLabel('Beskrivelse')
        .fill('En formiddag om robotter for små og mellemstore virksomheder.');
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      await page.waitForURL('**/erhvervshus?foreslaaet=1');
      expect(await page.getByText('Forslaget er sendt til klyngen.').count()).toBe(1);
      expect(await page.getByText('Venter på svar').count()).toBeGreaterThan(0);
      await page.goto(`${site.server.url}/en/business-hub/joint-events/new`);
      expect(await axeViolations(page)).toEqual([]);
    });

    await asUser(site, CLUSTER, async (page) => {
      await page.getByRole('main').getByRole('link', { name: 'Fælles arrangementer' }).click();
      await page.waitForURL('**/arbejdsrum/faelles-arrangementer');
      expect(await axeViolations(page)).toEqual([]);
      const proposal = page.locator('li', { has: page.getByRole('heading', { name: TITLE }) });
      await proposal.getByRole('button', { name: 'Acceptér og udgiv' }).click();
      await page.waitForURL('**?besvaret=1');
      const accepted = page.locator('li', { has: page.getByRole('heading', { name: TITLE }) });
      expect(await accepted.getByText('Accepteret og udgivet').count()).toBe(1);
      await accepted.getByRole('link', { name: 'Se arrangementet' }).click();
      eventUrl = page.url();
      await page.goto(`${site.server.url}/en/workspace/joint-events`);
      expect(await axeViolations(page)).toEqual([]);
    });

    await withPage(site, async (page) => {
      await page.goto(eventUrl);
      expect(await page.getByRole('heading', { name: TITLE }).count()).toBe(1);
      expect(await page.getByText('Odense Robotics og Erhvervshus Fyn').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(eventUrl.replace('/arrangementer/', '/en/events/'));
      expect(await page.getByText('Odense Robotics and Erhvervshus Fyn').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
