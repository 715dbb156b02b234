import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();

describe('Klyngeforum: strategy initiatives (axe-core, WCAG 2.1 AA)', () => {
  it('the overview and an initiative page have no violations in Danish and English', () =>
    withPage(site, async (page) => {
      await page.goto(`${site.server.url}/klyngeforum`);
      await expect(
        page.getByRole('heading', { level: 2, name: /^Indsatsområde [A-E]: / }).count(),
      ).resolves.toBe(5);
      await expect(
        page
          .getByRole('row', {
            name: /B3\. Øget deltagelse i Horizon2020 .* Gennemført .*2 af 2 milepæle nået/,
          })
          .count(),
      ).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: /^A1\. Strategisk samarbejde/ }).click();
      await page.waitForURL('**/klyngeforum/initiativer/a1');
      await expect(page.getByText('1 af 2 milepæle nået').count()).resolves.toBe(1);
      await expect(
        page.getByRole('link', { name: 'Uddannelses- og Forskningsministeriet' }).count(),
      ).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Odense Robotics' }).count()).resolves.toBe(2);
      await expect(page.getByText('Ikke startet → I gang').count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${site.server.url}/en/cluster-forum`);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/cluster-forum/initiatives/a1`);
      await expect(page.getByRole('heading', { name: 'Status history' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the ministry’s funder adds a milestone by keyboard alone', () =>
    withPage(site, async (page) => {
      await signIn(page, site, 'funder@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/klyngeforum/initiativer/e1`);
      expect(await axeViolations(page)).toEqual([]);

      // A wrong date first (day, month and year each in a field; month 13): the error is shown
      // in the summary and at the field.
      await page.getByLabel('Milepælens titel').focus();
      await page.keyboard.type('Katalog over spirende klynger offentliggjort');
      for (const part of ['31', '13', '2027']) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(part);
      }
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').first().waitFor();
      await expect(
        page.getByText('Frist skal være en rigtig dato med dag, måned og år, fx 1 3 2027.').count(),
      ).resolves.toBe(2);
      expect(await axeViolations(page)).toEqual([]);

      const due = page.getByRole('group', { name: 'Frist' });
      await due.getByLabel('Måned').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/klyngeforum/initiativer/e1?done=milestone');
      await expect(page.getByText('Milepælen er tilføjet.').count()).resolves.toBe(1);
      await expect(page.getByText('0 af 2 milepæle nået').count()).resolves.toBe(1);
      await expect(
        page.getByRole('rowheader', { name: 'Katalog over spirende klynger offentliggjort' }).count(),
      ).resolves.toBe(1);
    }));
});
