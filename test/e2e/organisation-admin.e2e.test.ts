import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { queryRows } from '../../src/db/client.ts';
import { axeViolations, signIn, useDemoSite, withPage } from './harness.ts';

const site = useDemoSite();
const STAFF = 'klynge@demo.klyngeportalen.dk';

const overflows = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("an organisation admin's own page (axe-core, WCAG 2.1 AA)", () => {
  it('lists the users, invites, changes a role and removes it, in Danish and English, at 390 px', () =>
    withPage(site, async (page) => {
      // The demo cluster's staff member is made its organisation admin too.
      const [org] = await withActor(site.database.db, systemActor('test'), async (tx) => {
        const rows = await queryRows<{ id: string; name: string; userId: string }>(
          tx,
          sql`select o.id, o.name, u.id as "userId" from users u
              join memberships m on m.user_id = u.id and m.role = 'cluster_staff'
              join organisations o on o.id = m.organisation_id
              where u.email = ${STAFF} order by o.name limit 1`,
        );
        const [row] = rows;
        if (row)
          await tx.execute(
            sql`insert into memberships (user_id, organisation_id, role)
                values (${row.userId}, ${row.id}, 'organisation_admin')`,
          );
        return rows;
      });
      if (!org) throw new Error('no demo cluster staff');
      await signIn(page, site, STAFF);
      // The menu leads there (its group's landing page).
      await expect(page.locator('header a[href="/konto/organisation"]').count()).resolves.toBeGreaterThan(0);
      await page.goto(`${site.server.url}/konto/organisation`);
      await page.getByRole('link', { name: org.name }).click();
      await page.waitForURL(`**/konto/organisation/${org.id}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        `Brugere i ${org.name}`,
      );
      expect(await axeViolations(page)).toEqual([]);

      // A missing e-mail: a field error, then the invitation of a new colleague.
      await page.getByLabel('Navn').fill('Ny Kollega');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.waitForSelector('.form-error-message');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('E-mail').fill('ny.kollega@klynge.example');
      await page.getByLabel('Rolle', { exact: true }).selectOption('cluster_staff');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.waitForSelector('text=ny.kollega@klynge.example er inviteret.');
      const row = page.getByRole('row', { name: /ny\.kollega@klynge\.example/ });
      await row.getByRole('combobox').selectOption('organisation_admin');
      await row.getByRole('button', { name: /Skift rolle/ }).click();
      await page.waitForURL('**?saved=role');
      await page
        .getByRole('row', { name: /ny\.kollega@klynge\.example/ })
        .getByRole('button', { name: /Fjern/ })
        .click();
      await page.waitForURL('**?saved=removed');
      await expect(page.getByRole('row', { name: /ny\.kollega@klynge\.example/ }).count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await overflows(page)).toBe(false);
      await page.goto(`${site.server.url}/en/account/organisation/${org.id}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        `Users of ${org.name}`,
      );
      expect(await overflows(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/account/organisation`);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it("support staff merge a duplicate hub after 'Tjek og flet', in Danish and English", () =>
    withPage(site, async (page) => {
      const [duplicate, kept] = await withActor(site.database.db, systemActor('test'), (tx) =>
        queryRows<{ id: string }>(
          tx,
          sql`insert into organisations (kind, name, slug) values
                ('business_service', 'Erhvervshus Test (dublet)', 'e2e-erhvervshus-dublet'),
                ('business_service', 'Erhvervshus Test', 'e2e-erhvervshus')
              returning id`,
        ),
      );
      if (!duplicate || !kept) throw new Error('no hubs');
      await signIn(page, site, 'support@demo.klyngeportalen.dk');
      await page.goto(`${site.server.url}/admin/organisationer?kind=business_service`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Erhvervshus Test (dublet)' }).click();
      await page.getByRole('link', { name: 'Flet med en dublet' }).click();
      await page.getByLabel('Den organisation, der bevares').selectOption(kept.id);
      await page.getByRole('button', { name: 'Tjek og flet' }).click();
      await page.waitForSelector('text=Flyttes til den bevarede organisation');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(
        `${site.server.url}/en/admin/organisations/${duplicate.id}/merge?organisation=${kept.id}`,
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Merge the organisations' }).click();
      await page.waitForURL(`**/en/admin/organisations/${kept.id}?saved=merged`);
      await page.waitForSelector('text=The duplicate has been merged into this organisation.');
    }));
});
