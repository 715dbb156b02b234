/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { axeViolations, newContext, signIn, useDemoSite } from './harness.ts';

const site = useDemoSite();

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    '/',
    '/en',
    '/log-ind',
    '/en/log-in',
    '/findes-ikke',
    // A NUL character in the address: the page of a refused request (400)
    '/klynger/%00',
    '/en/clusters/%00',
    '/tilgaengelighed',
    '/en/accessibility',
    '/privatliv',
    '/om',
    '/glemt-adgangskode',
    '/nulstil-adgangskode?token=invalid-token-that-is-long-enough',
  ];
  for (const path of pages) {
    it(`${path} has no violations`, async () => {
      const context = await newContext(site.browser);
      try {
        const page = await context.newPage();
        await page.goto(site.server.url + path);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('signed-in pages (account, administration, audit log, users, one user) have no violations', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      const admin = DEMO_LOGINS.find((d) => d.role === 'admin');
      await signIn(page, site, admin?.email ?? '');
      for (const path of [
        '/konto',
        '/admin',
        '/admin/brugere',
        '/admin/revisionslog',
        '/en/admin/audit-log',
      ]) {
        await page.goto(site.server.url + path);
        expect(await axeViolations(page), path).toEqual([]);
      }
      // One user's page, reached from the list; its erasure refused until confirmed; in English.
      await page.goto(`${site.server.url}/admin/brugere`);
      await page.locator('main tr', { hasText: 'klynge@demo.klyngeportalen.dk' }).getByRole('link').click();
      await page.waitForURL(/\/admin\/brugere\/[0-9a-f-]{36}$/);
      expect(await axeViolations(page), 'user page').toEqual([]);
      await page.getByRole('button', { name: 'Slet persondata' }).click();
      await expect.poll(() => page.locator('.form-error-message').count()).toBe(1);
      expect(await axeViolations(page), 'user page with an error').toEqual([]);
      await page.goto(page.url().replace('/admin/brugere/', '/en/admin/users/'));
      expect(await axeViolations(page), 'user page in English').toEqual([]);
      // A form with errors is a page state of its own.
      await page.goto(`${site.server.url}/konto`);
      await page.getByRole('button', { name: 'Skift adgangskode' }).click();
      await expect.poll(() => page.locator('.form-error-message').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('as a new user', () => {
  it('the home page is Danish, styled by DKFDS, and marks the data as synthetic', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      const res = await page.goto(site.server.url);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      // DKFDS's IBM Plex Sans and its header styles are applied, so the CSS really loaded.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(font).toContain('IBM Plex Sans');
      await expect.poll(() => page.evaluate(() => document.fonts.check('16px "IBM Plex Sans"'))).toBe(true);
      await expect(page.locator('.synthetic-notice').textContent()).resolves.toContain('syntetiske');
      const figures = await page.locator('.key-figure-value').allTextContents();
      expect(figures.length).toBe(5);
    } finally {
      await context.close();
    }
  });

  it('switches to English and back, staying on the same page', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}/tilgaengelighed`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL('**/en/accessibility');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('Accessibility statement');
      await page.getByRole('link', { name: 'Dansk' }).click();
      await page.waitForURL('**/tilgaengelighed');
      expect(await page.getAttribute('html', 'lang')).toBe('da');
    } finally {
      await context.close();
    }
  });

  it('reaches the main content with the skip link from the keyboard', async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(site.server.url);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      expect(focused).toBe('Gå til sidens indhold');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    } finally {
      await context.close();
    }
  });

  for (const login of DEMO_LOGINS) {
    it(`the demo login for ${login.role} works, without JavaScript`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await signIn(page, site, login.email);
        // Administration is in the menu of admins only.
        const adminMenu = page.locator('.navigation-menu summary', { hasText: 'Administration' });
        expect(await adminMenu.count()).toBe(login.role === 'admin' ? 1 : 0);
        await page.getByRole('link', { name: 'Min konto' }).click();
        await page.waitForURL('**/konto');
        expect(await page.locator('main').textContent()).toContain(login.email);
        expect(await page.locator('main').textContent()).toContain(login.organisation);
        await page.getByRole('button', { name: 'Log ud' }).click();
        await page.waitForURL('**/log-ind?status=logged-out');
      } finally {
        await context.close();
      }
    });
  }
});
