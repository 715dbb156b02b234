import { describe, expect, it } from 'vitest';
import { asUser, axeViolations, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const SUPPORT = 'support@demo.klyngeportalen.dk';
const HUB = 'erhvervshus@demo.klyngeportalen.dk';

describe("the support function's knowledge base (by clicking, axe-core WCAG 2.1 AA)", () => {
  it('a visitor finds the templates from the menu, reads the changelog and downloads an old version, in Danish and English', async () => {
    await withPage(site, async (page) => {
      await page.goto(site.server.url);
      const clusters = page
        .locator('.navigation-menu details.nav-group-menu', { hasText: 'Klynger' })
        .first();
      await clusters.locator('summary').click();
      await clusters.getByRole('link', { name: 'Viden og skabeloner' }).click();
      await page.waitForURL('**/viden');
      // The four public templates and the public article; the signed-in ones are left out.
      expect(await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        'Samarbejdsaftale',
        'Sådan bruger I samarbejdsaftalen',
        'Fortrolighedsaftale (NDA)',
        'IPR-aftale',
        'Tidsregistrering til medfinansiering',
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Samarbejdsaftale', exact: true }).click();
      await page.waitForURL('**/viden/skabeloner/samarbejdsaftale');
      const rows = page.getByRole('table').locator('tbody tr');
      expect(await rows.locator('th').allTextContents()).toEqual(['2', '1']);
      expect(await axeViolations(page)).toEqual([]);
      const old = await page.request.get(
        `${site.server.url}${await page.getByRole('link', { name: /^Hent version 1 / }).getAttribute('href')}`,
      );
      expect(old.status()).toBe(200);
      expect(old.headers()['content-type']).toBe('application/pdf');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/knowledge/templates/samarbejdsaftale');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Collaboration agreement');
      expect(await page.getByText('New section on students taking part').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/knowledge`);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('support staff upload a new version with what changed; a file of the wrong type is refused first', async () => {
    await asUser(site, SUPPORT, async (page) => {
      await page.goto(`${site.server.url}/viden/skabeloner/fortrolighedsaftale-nda`);
      const upload = page.getByRole('button', { name: 'Læg versionen op' });
      await page.getByLabel('Fil', { exact: true }).setInputFiles({
        name: 'nda.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a document'),
      });
      await page.getByLabel('Hvad er ændret (dansk)').fill('Kortere opsigelsesvarsel.');
      await page.getByLabel('Hvad er ændret (engelsk)').fill('Shorter notice period.');
      await upload.click();
      expect(
        await page.getByText('Filen skal være PDF, Word (docx), Excel (xlsx) eller OpenDocument.').count(),
      ).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Fil', { exact: true }).setInputFiles({
        name: 'nda.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% version two\ntrailer<<>>\n%%EOF\n'),
      });
      await upload.click();
      await page.waitForURL('**/viden/skabeloner/fortrolighedsaftale-nda?version=2');
      expect(await page.getByText('Version 2 er lagt op.').count()).toBe(1);
      expect(await page.getByRole('table').locator('tbody tr td').nth(1).textContent()).toBe(
        'Kortere opsigelsesvarsel.',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/knowledge/new`);
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await page.getByText('Choose whether it is an article or a template.').count()).toBeGreaterThan(
        0,
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('a business hub proposes a good-practice case, the support function publishes it, and it is read in Danish and English', async () => {
    await asUser(site, HUB, async (page) => {
      await page.goto(`${site.server.url}/viden/god-praksis`);
      // The three demo cases, newest first.
      expect(await page.getByRole('main').getByRole('heading', { level: 3 }).count()).toBe(3);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Foreslå et eksempel' }).click();
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      expect(await page.getByText('Vælg mindst én region.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Titel', { exact: true }).fill('Fælles virksomhedsbesøg på Fyn');
      await page.getByLabel('Samarbejdsmodel').selectOption('joint_programme');
      await page.getByLabel('Kort beskrivelse').fill('Erhvervshuset og klyngen besøger virksomheder sammen.');
      await page.getByLabel('Aktører').selectOption({ label: 'Odense Robotics' });
      await page.getByLabel('Region Syddanmark').check();
      await page.getByLabel('Hvad blev der gjort').fill('Ti fælles besøg på et halvt år med én opfølgning.');
      await page.getByLabel('Hvad virkede', { exact: true }).fill('Virksomhederne mødte begge på én gang.');
      await page.getByLabel('Hvad virkede ikke').fill('Besøgene var svære at planlægge.');
      await page.getByLabel('Kontaktperson', { exact: true }).fill('Erik Erhvervshus');
      await page.getByLabel('Kontaktpersonens e-mail').fill('erik@demo.invalid');
      await page.getByRole('button', { name: 'Send forslaget' }).click();
      await page.waitForURL('**/viden/god-praksis/faelles-virksomhedsbesoeg-paa-fyn?besked=proposed');
      expect(await page.getByText('Venter på gennemsyn').count()).toBe(1);
    });
    await asUser(site, SUPPORT, async (page) => {
      await page.goto(`${site.server.url}/support/god-praksis`);
      await page.getByRole('link', { name: 'Fælles virksomhedsbesøg på Fyn' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Offentliggør' }).click();
      await page.waitForURL('**?besked=published');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(
        '**/en/knowledge/good-practice/faelles-virksomhedsbesoeg-paa-fyn?besked=published',
      );
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Fælles virksomhedsbesøg på Fyn',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/knowledge/good-practice?model=joint_programme`);
      expect(await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        'Fælles virksomhedsbesøg på Fyn',
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/support/good-practice`);
      expect(await page.getByText('No proposals are waiting.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('support staff write a newsletter issue with its preview; the newsletter pages pass axe in Danish and English', async () => {
    await asUser(site, SUPPORT, async (page) => {
      await page.goto(`${site.server.url}/support/nyhedsbrev`);
      await page.getByLabel('Emne').fill('Nyt fra klyngesupporten');
      await page.getByLabel('Tekst').fill('# Kurser i maj\n\nTilmeld dig **klyngelederuddannelsen**.');
      await page.getByLabel('Modtagere').selectOption('role:cluster_staff');
      await page.getByRole('button', { name: 'Gem kladde' }).click();
      await page.waitForURL('**/support/nyhedsbrev/*?gemt=1');
      expect(await page.getByRole('heading', { name: 'Kurser i maj' }).count()).toBe(1);
      // The demo has no subscribers: the segment has none to send to.
      expect(await page.getByText('Modtagerne er 0 bekræftede abonnenter lige nu.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'English' }).click();
      expect(await axeViolations(page)).toEqual([]);
      for (const path of ['/en/support/newsletter', '/en/account/newsletter']) {
        await page.goto(`${site.server.url}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
    await withPage(site, async (page) => {
      for (const path of [
        '/nyhedsbrev',
        '/en/newsletter/archive',
        '/nyhedsbrev/bekraeft/x',
        '/en/newsletter/confirm/x',
      ]) {
        await page.goto(`${site.server.url}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`${site.server.url}/en/newsletter`);
      await page.getByRole('button', { name: 'Sign up' }).click();
      expect(await page.getByText('Enter E-mail address').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('E-mail address').fill('reader@example.dk');
      await page.getByRole('button', { name: 'Sign up' }).click();
      expect(await page.getByText('within 48 hours').count()).toBe(1);
    });
  });
});
