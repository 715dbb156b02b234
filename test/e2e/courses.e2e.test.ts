import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { queryRows } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/content/time.ts';
import { copenhagenDate } from '../../src/domain/reference/time.ts';
import { readableMail, startSmtpServer } from '../support/smtp.ts';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  return () => smtp.close();
});
const site = useDemoSite(() => ({ SMTP_URL: smtp.url }));
const SUPPORT = 'support@demo.klyngeportalen.dk';
const CLUSTER = 'klynge@demo.klyngeportalen.dk';
const COMPANY = 'virksomhed@demo.klyngeportalen.dk';
const COLLEAGUES = [
  { email: 'kollega.et@demo.klyngeportalen.dk', name: 'Kollega Et (syntetisk)' },
  { email: 'kollega.to@demo.klyngeportalen.dk', name: 'Kollega To (syntetisk)' },
];

/** Two more staff of Odense Robotics, with the demo password, for the demo cluster login to register. */
async function addColleagues() {
  await withActor(site.database.db, systemActor('test'), async (tx) => {
    for (const c of COLLEAGUES) {
      await tx.execute(sql`insert into users (email, name, password_hash)
        select ${c.email}, ${c.name}, password_hash from users where email = ${CLUSTER}`);
      await tx.execute(sql`insert into memberships (user_id, organisation_id, role)
        select u.id, o.id, 'cluster_staff' from users u, organisations o
        where u.email = ${c.email} and o.slug = 'odense-robotics'`);
    }
  });
}

describe('a course with sign-up (by clicking, axe-core WCAG 2.1 AA)', () => {
  it('support staff publish a course with 2 seats; three register (one waitlisted); one cancels; the waitlisted is promoted and e-mailed; attendance is taken; the evaluation survey is sent', async () => {
    await addColleagues();
    const today = copenhagenDate(new Date());
    let courseUrl = '';
    await asUser(site, SUPPORT, async (page) => {
      await page.goto(`${site.server.url}/ydelser/projektledelse-i-klyngeprojekter`);
      await page.getByLabel('Dato (ÅÅÅÅ-MM-DD)').fill(addDays(today, 14));
      await page.getByLabel('Starttid (TT:MM)').fill('09:00');
      await page.getByLabel('Sluttid (TT:MM)').fill('16:00');
      await page.getByLabel('Sted', { exact: true }).fill('Vejle');
      await page.getByLabel('Pladser', { exact: true }).fill('2');
      await page.getByLabel('Sidste dag for afmelding (ÅÅÅÅ-MM-DD)').fill(addDays(today, 7));
      await page.getByRole('button', { name: 'Planlæg kurset' }).click();
      await page.waitForURL('**?planlagt=1');
      courseUrl = page.url().replace(/\?.*$/, '');
      expect(await page.getByText('2 af 2').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    await asUser(site, CLUSTER, async (page) => {
      await page.goto(courseUrl);
      expect(await axeViolations(page)).toEqual([]);
      // Themselves first (the default), then two colleagues.
      await page.getByRole('button', { name: 'Tilmeld' }).click();
      await page.waitForURL('**?tilmeldt=1');
      for (const c of COLLEAGUES) {
        await page.getByLabel('Hvem skal tilmeldes?').selectOption({ label: c.name });
        await page.getByRole('button', { name: 'Tilmeld' }).click();
        await page.waitForURL('**?tilmeldt=1');
      }
      const own = page.getByRole('region', { name: 'Jeres tilmeldinger' });
      expect(await own.getByText('På venteliste').count()).toBe(1);
      expect(await page.getByText('Fuldt (1 på venteliste)').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      const before = smtp.received.length;
      // The demo login cancels their own seat: the waitlisted colleague gets it and an e-mail.
      await page.getByRole('button', { name: 'Afmeld (Kasper Klyngesen)' }).click();
      await page.waitForURL('**?afmeldt=1');
      await expect.poll(() => smtp.received.length).toBe(before + 1);
      const mail = smtp.received[before];
      expect(mail?.to).toEqual([COLLEAGUES[1]?.email]);
      expect(readableMail(mail?.data ?? '')).toContain('en plads er blevet ledig');
      const seated = page.getByRole('region', { name: 'Jeres tilmeldinger' }).getByText('Har plads');
      expect(await seated.count()).toBe(2);
      expect(await page.getByText('Fuldt', { exact: true }).count()).toBe(1);
      // Each registration has its calendar file.
      const calendarPath = await page
        .getByRole('link', { name: 'Tilføj til kalender' })
        .first()
        .getAttribute('href');
      const ics = await page.request.get(`${site.server.url}${calendarPath}`);
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(await ics.text()).toContain('SUMMARY;LANGUAGE=da:Projektledelse i klyngeprojekter');
    });

    await asUser(site, SUPPORT, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(courseUrl);
      await page.getByRole('link', { name: 'Deltagerliste og fremmøde' }).click();
      expect(await axeViolations(page)).toEqual([]);
      for (const c of COLLEAGUES) await page.getByLabel(new RegExp(c.name.replace(/[()]/g, '\\$&'))).check();
      await page.getByRole('button', { name: 'Gem fremmøde' }).click();
      await page.waitForURL('**?gemt=2');
      expect(await page.getByText('Fremmødet er gemt: 2 mødt op.').count()).toBe(1);
      expect(await page.getByText('Evalueringen kan sendes, når kurset er slut').count()).toBe(1);

      // The course day passes (the test moves the course into the past): the evaluation goes out.
      const courseId = courseUrl.split('/').at(-1) ?? '';
      await withActor(site.database.db, systemActor('test'), (tx) =>
        tx.execute(sql`update support_courses set starts_at = now() - interval '3 hours',
          ends_at = now() - interval '1 hour', cancellation_deadline = now() - interval '1 day'
          where id = ${courseId}`),
      );
      await page.reload();
      const before = smtp.received.length;
      await page.getByRole('button', { name: 'Send evalueringen til deltagerne' }).click();
      await page.waitForURL('**?sendt=2');
      expect(await page.getByText('Evalueringen er sendt til 2 deltagere.').count()).toBe(1);
      // The invitations go out as a queued job after the page answers.
      await expect.poll(() => smtp.received.length).toBe(before + COLLEAGUES.length);
      expect(
        smtp.received
          .slice(before)
          .flatMap((m) => m.to)
          .sort(),
      ).toEqual(COLLEAGUES.map((c) => c.email).sort());
      expect(readableMail(smtp.received[before]?.data ?? '')).toContain('/undersoegelser/');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(courseUrl.replace('/ydelser/', '/en/services/').replace('/kurser/', '/courses/'));
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${page.url()}/attendance`);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it("the demo cluster login downloads last year's programme certificate from its page; a course that is no programme says why not", async () => {
    await asUser(site, CLUSTER, async (page) => {
      const courses = page.getByRole('region', { name: 'Dine kurser' });
      const certificate = courses.getByRole('link', { name: 'Kursusbevis (PDF)' }).first();
      const pdf = await page.request.get(`${site.server.url}${await certificate.getAttribute('href')}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(await axeViolations(page)).toEqual([]);
    });
    await asUser(site, COMPANY, async (page) => {
      const courses = page.getByRole('region', { name: 'Dine kurser' });
      expect(await courses.getByRole('link', { name: /^Projektledelse i klyngeprojekter, / }).count()).toBe(
        1,
      );
      expect(await axeViolations(page)).toEqual([]);
      const [registration] = await queryRows<{ id: string }>(
        site.database.db,
        sql`select r.id from course_registrations r join users u on u.id = r.user_id where u.email = ${COMPANY}`,
      );
      await page.goto(`${site.server.url}/tilmeldinger/${registration?.id}/kursusbevis`);
      expect(await page.getByText('Der udstedes kun kursusbevis for modulforløb').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/registrations/${registration?.id}/certificate`);
      expect(await page.getByText('Certificates are issued for module programmes only').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
