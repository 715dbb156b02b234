import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('reporting periods (axe-core, WCAG 2.1 AA)', () => {
  it('the cluster workspace periods page, before and after submitting the returned year, has no violations', () =>
    asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum`);
      await page.getByRole('link', { name: /Indberetningsperioder/ }).click();
      await page.waitForURL('**/arbejdsrum/perioder');
      await expect(
        page.getByRole('heading', { name: 'Indberetningsår 2023 Sendt retur' }).count(),
      ).resolves.toBe(1);
      await page.getByText('Historik').first().click();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Bemærkning til bevillingsgiveren (valgfri)').first().fill('Rettet');
      await page.getByRole('button', { name: 'Indsend 2023' }).click();
      await page.waitForURL('**/arbejdsrum/perioder?done=submit*');
      await expect(
        page.getByRole('heading', { name: 'Indberetningsår 2023 Indsendt' }).count(),
      ).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/workspace/periods`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('submitting a year without activities asks for a confirmation and a reason, which the funder reads', async () => {
    const reason = 'Demo-data dækker 2021-2023; 2024 er ikke indberettet.';
    await asUser(site, 'klynge@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/arbejdsrum/perioder`);
      const year = page.getByRole('region', { name: 'Indberetningsår 2024 Åben' });
      await expect(year.getByText('Fristen er overskredet').count()).resolves.toBe(1);
      await year.getByRole('button', { name: 'Indsend 2024' }).click();
      await page.waitForLoadState();
      const refused = page.getByRole('region', { name: 'Indberetningsår 2024 Åben' });
      await expect(refused.getByText('Bekræft, at året ikke har aktiviteter.').count()).resolves.toBe(1);
      await expect(refused.getByText('Skriv, hvorfor året ikke har aktiviteter.').count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await refused.getByLabel('Jeg bekræfter, at klyngen ikke har haft aktiviteter i året').check();
      await refused.getByLabel('Hvorfor er der ingen aktiviteter? (læses af bevillingsgiveren)').fill(reason);
      await refused.getByRole('button', { name: 'Indsend 2024' }).click();
      await page.waitForURL('**/arbejdsrum/perioder?done=submit*');
      const submitted = page.getByRole('region', { name: 'Indberetningsår 2024 Indsendt' });
      await expect(submitted.getByText('Indsendt for sent').count()).resolves.toBe(1);
    });
    await asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status?year=2024`);
      const row = page.getByRole('row', { name: /^Odense Robotics/ });
      await expect(row.getByText(reason).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Rettidighed' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/reporting/status?year=2024`);
      await expect(page.getByRole('heading', { name: 'Timeliness' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('the funders’ status page, its year view and a refused return have no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status`);
      await expect(page.getByRole('heading', { name: 'Overblik pr. år' }).count()).resolves.toBe(1);
      expect(await page.getByRole('row', { name: /^2021 \d+ af \d+ indsendt/ }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('År', { exact: true }).selectOption('2023');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL('**/indberetninger/status?year=2023');
      expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);

      // Return without a reason: the page comes back with the error at the field.
      await page.getByRole('button', { name: 'Send retur' }).first().click();
      await expect(page.getByText('Skriv en begrundelse.').count()).resolves.toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/reporting/status?year=2023`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the funder’s review of a cluster’s year, from the status page, has no violations', () =>
    asUser(site, 'funder@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status?year=2023`);
      await page.getByRole('link', { name: 'Odense Robotics', exact: true }).click();
      await page.waitForURL('**/indberetninger/status/*/2023');
      await expect(
        page.getByRole('heading', { name: 'Odense Robotics: indberetningen for 2023' }).count(),
      ).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Foreløbige tal' }).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Datakvalitet' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(page.url().replace('/indberetninger/status/', '/en/reporting/status/'));
      await expect(page.getByRole('heading', { name: 'Preliminary figures' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('the admins’ deadline rules page, and a refused date, have no violations', () =>
    asUser(site, 'admin@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status`);
      await page.getByRole('link', { name: 'Indberetningsfrister pr. bevillingsgiver' }).click();
      await page.waitForURL('**/indberetninger/frister');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Dag').first().fill('31');
      await page.getByLabel('Måned').first().fill('2');
      await page.getByRole('button', { name: /^Gem/ }).first().click();
      await expect(
        page.getByText('Skriv en dato, der findes hvert år', { exact: false }).count(),
      ).resolves.toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/reporting/deadlines`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('support staff see the status read-only, without violations', () =>
    asUser(site, 'support@demo.klyngeportalen.dk', async (page) => {
      await page.goto(`${site.server.url}/indberetninger/status`);
      await expect(page.getByText('Du kan se status, men ikke godkende eller låse.').count()).resolves.toBe(
        1,
      );
      expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }));
});
