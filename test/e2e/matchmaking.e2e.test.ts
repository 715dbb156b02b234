import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { asUser, axeViolations, useDemoSite } from './harness.ts';

const site = useDemoSite();
const HUB = 'erhvervshus@demo.klyngeportalen.dk';
const CLUSTER = 'klynge@demo.klyngeportalen.dk';
const SUPPORT = 'support@demo.klyngeportalen.dk';
const EVENT = '/arrangementer/matchmaking-om-foedevareinnovation';
const PAGE = `${EVENT}/matchmaking`;

/** The agenda's rows as [time, table, with] texts. */
async function agendaRows(page: Page): Promise<string[][]> {
  const rows = page.locator('#agenda-table tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push(await rows.nth(i).locator('td').allTextContents());
  return out;
}

/** Registers the signed-in user free in the first slot only, with a short profile. */
async function registerFirstSlot(page: Page, organisation: string): Promise<void> {
  await page.goto(`${site.server.url}${PAGE}`);
  await page.getByLabel('Organisation', { exact: true }).fill(organisation);
  await page.getByLabel('Det tilbyder vi').fill('Rådgivning om automatisering');
  await page.getByLabel('Det søger vi').fill('Fødevarevirksomheder');
  await page.locator('input[name="slotIds"]').first().check();
  await page.getByRole('button', { name: 'Tilmeld' }).click();
  await page.waitForURL('**?gemt=1');
}

describe('matchmaking at an event (by clicking, axe-core WCAG 2.1 AA)', () => {
  it('two users register, request and accept a meeting; the organiser schedules; both see the same slot and table in agenda and iCal', async () => {
    // The demo food event moves a week ahead of today, so its request deadline has not passed.
    await withActor(site.database.db, systemActor('test'), async (tx) => {
      const shift = sql`((now() + interval '7 days') - (select starts_at from events where slug = 'matchmaking-om-foedevareinnovation'))`;
      const event = sql`(select id from events where slug = 'matchmaking-om-foedevareinnovation')`;
      await tx.execute(
        sql`update matchmaking_slots set starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} where event_id = ${event}`,
      );
      await tx.execute(
        sql`update matchmaking_events set request_deadline = request_deadline + ${shift} where event_id = ${event}`,
      );
      await tx.execute(
        sql`update events set starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} where id = ${event}`,
      );
    });

    await asUser(site, HUB, async (page) => {
      // The event's page links to its matchmaking.
      await page.goto(`${site.server.url}${EVENT}`);
      await page.getByRole('link', { name: 'Matchmaking: book møder med andre deltagere' }).click();
      await page.waitForURL(`**${PAGE}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Tilmeld' }).click();
      expect(await page.getByText('Skriv organisationens navn.').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await registerFirstSlot(page, 'Erhvervshus Fyn');
      expect(await axeViolations(page)).toEqual([]);
    });
    await asUser(site, CLUSTER, async (page) => {
      await registerFirstSlot(page, 'Odense Robotics');
    });
    await asUser(site, HUB, async (page) => {
      await page.goto(`${site.server.url}${PAGE}`);
      await page.getByRole('button', { name: 'Anmod om møde med Kasper Klyngesen' }).click();
      await page.waitForURL('**?gemt=1');
      expect(await page.getByText('Anmodning sendt').count()).toBe(1);
    });
    await asUser(site, CLUSTER, async (page) => {
      await page.goto(`${site.server.url}${PAGE}`);
      const requests = page.locator('section[aria-labelledby="requests"]');
      expect(await requests.getByText('Erik Erhvervshus, Erhvervshus Fyn').count()).toBe(1);
      await requests.getByRole('button', { name: 'Accepter' }).click();
      await page.waitForURL('**?gemt=1');
      expect(await page.getByText('Møde accepteret').count()).toBe(1);
    });
    await asUser(site, SUPPORT, async (page) => {
      await page.goto(`${site.server.url}${PAGE}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Planlæg møder' }).click();
      await page.waitForURL(/planlagt=\d+-\d+/);
      expect(await page.getByText(/møder er planlagt/).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${site.server.url}/en/events/matchmaking-om-foedevareinnovation/matchmaking`);
      expect(await page.getByRole('heading', { name: 'Scheduling' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    const seen: { rows: string[][]; ics: string }[] = [];
    for (const email of [HUB, CLUSTER]) {
      await asUser(site, email, async (page) => {
        await page.goto(`${site.server.url}${PAGE}`);
        seen.push({
          rows: await agendaRows(page),
          ics: await (await page.request.get(`${site.server.url}${PAGE}/moedeplan.ics`)).text(),
        });
        const pdf = await page.request.get(`${site.server.url}${PAGE}/moedeplan.pdf`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
        await page.goto(`${site.server.url}/en/events/matchmaking-om-foedevareinnovation/matchmaking`);
        expect(await page.getByRole('heading', { name: 'Your agenda' }).count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
    const [hub, cluster] = seen as [(typeof seen)[number], (typeof seen)[number]];
    expect(hub.rows).toHaveLength(1);
    expect(cluster.rows).toHaveLength(1);
    // The same slot and table on both sides, each with the other.
    expect(hub.rows[0]?.slice(0, 2)).toEqual(cluster.rows[0]?.slice(0, 2));
    expect(hub.rows[0]?.[2]).toBe('Kasper Klyngesen (Odense Robotics)');
    expect(cluster.rows[0]?.[2]).toBe('Erik Erhvervshus (Erhvervshus Fyn)');
    const when = (ics: string) => [/DTSTART:(\S+)/.exec(ics)?.[1], /LOCATION:([^\r\n]+)/.exec(ics)?.[1]];
    expect(when(hub.ics)[0]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(when(hub.ics)).toEqual(when(cluster.ics));
    expect(when(hub.ics)[1]).toContain(hub.rows[0]?.[1]);

    // Either side may call the meeting off: its time is free again on both agendas.
    await asUser(site, HUB, async (page) => {
      await page.goto(`${site.server.url}${PAGE}`);
      await page.getByRole('button', { name: 'Aflys mødet med Kasper Klyngesen' }).click();
      await page.waitForURL('**?aflyst=1');
      expect(
        await page.getByText('Mødet er aflyst, og tidspunktet er frigivet.', { exact: false }).count(),
      ).toBe(1);
      expect(await agendaRows(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
    await asUser(site, CLUSTER, async (page) => {
      await page.goto(`${site.server.url}${PAGE}`);
      expect(await agendaRows(page)).toEqual([]);
      expect(await page.getByText('Mødet er aflyst', { exact: true }).count()).toBe(1);
    });
  }, 120_000);
});
