/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { copenhagenDate } from '../../src/domain/reference/time.ts';
import { useDemoSite } from './harness.ts';
import {
  ADMIN_WORDS,
  CLUSTER_WORDS,
  COMPANY_WORDS,
  FUNDER_WORDS,
  HUB_WORDS,
  SUPPORT_WORDS,
  VISITOR_WORDS,
} from './role-journeys.words.ts';
import {
  fillDate,
  follow,
  type Lang,
  signInFor,
  step,
  switchLanguage,
  viaMenu,
  type Walk,
  WIDTHS,
  type Width,
} from './walks.ts';

/**
 * Each role's main journey from its landing page to a visible result, by clicking (the first page
 * is the only one opened by address), at 1280 px with the header menu and at 390 px with the
 * mobile menu, and every journey once more in English at 390 px (signed in, then the header's
 * "English" link; every page under /en). Every page on the way: axe finds no violations and
 * nothing is wider than the window. Journeys already walked by clicking in other files are not
 * repeated here: the call flow from set-up to allocation (calls.e2e; here only the assessor's
 * part, on the demo's call in assessment), a course with sign-up (courses.e2e), a referral
 * (referrals.e2e); nor the landing
 * pages and the menus of every role (journeys.e2e).
 */

const site = useDemoSite();

/** A visitor searches for a cluster, opens it and one of its events. */
async function visitor(walk: Walk): Promise<void> {
  const { page } = walk;
  const w = VISITOR_WORDS[walk.lang];
  await page.goto(site.server.url);
  await switchLanguage(walk);
  await step(walk, 'home');
  await viaMenu(walk, w.search);
  await page.getByRole('main').getByLabel(w.words).fill('clean');
  await page.getByRole('main').getByRole('button', { name: w.search, exact: true }).click();
  await page.waitForURL(/\?q=clean/);
  expect(await page.getByText(w.found).count()).toBe(1);
  await step(walk, 'search');
  await follow(page, 'CLEAN');
  await page.getByRole('heading', { name: 'CLEAN', level: 1 }).waitFor();
  await step(walk, 'cluster');
  await follow(page, 'Workshop om cirkulære forretningsmodeller');
  await page.getByRole('heading', { name: 'Workshop om cirkulære forretningsmodeller', level: 1 }).waitFor();
  expect(await page.getByText('Klyngehuset (demo-adresse), Sønderborg').count()).toBe(1);
  await step(walk, 'event');
}

/** A company user publishes an offer on the marketplace and finds it there. */
async function companyUser(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = COMPANY_WORDS[lang];
  await signInFor(walk, 'virksomhed@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await viaMenu(walk, w.newItem);
  await step(walk, 'offer-form');
  const title = `Greb til kollaborative robotter (${width} px, ${lang})`;
  await page.getByLabel(w.direction).selectOption({ label: w.offer });
  await page.getByLabel('Type', { exact: true }).selectOption({ label: w.productService });
  await page.getByLabel(w.title, { exact: true }).fill(title);
  await page.getByLabel(w.description).fill('Vi udvikler greb og maskinsyn til kollaborative robotter.');
  await page.getByLabel(w.theme).check();
  // Valid from today for a year: the marketplace shows offers within their period.
  const [year, month, day] = copenhagenDate(new Date()).split('-').map(Number) as [number, number, number];
  await fillDate(walk, w.validFrom, day, month, year);
  await fillDate(walk, w.validUntil, day, month, year + 1);
  await page.getByRole('button', { name: w.publish }).click();
  await page.waitForLoadState();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect(await page.getByText(w.published).count()).toBe(1);
  await step(walk, 'offer-published');
}

/** Cluster staff add an activity with a participating company. */
async function clusterStaff(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = CLUSTER_WORDS[lang];
  await signInFor(walk, 'klynge@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await viaMenu(walk, w.activities);
  await step(walk, 'activities');
  await follow(page, w.create);
  const title = `Netværksmøde om cobots (${width} px, ${lang})`;
  await page.getByLabel(w.title, { exact: true }).fill(title);
  await page.getByLabel(w.reference, { exact: true }).fill(`COBOT-${width}-${lang}`);
  await page.getByLabel(w.category).selectOption({ label: w.dissemination });
  await fillDate(walk, w.startDate, 3, 3, 2026);
  await fillDate(walk, w.endDate, 3, 3, 2026);
  await step(walk, 'activity-form');
  await page.getByRole('button', { name: w.save }).click();
  await page.waitForURL(w.createdAt);
  expect(await page.getByText(w.created).count()).toBe(1);
  await page.locator('#participant_type').selectOption({ label: w.company });
  await page.locator('#cvr').fill('10000009');
  await page.locator('#name').fill('Cobot Test ApS');
  await page.getByRole('button', { name: w.addParticipant }).click();
  await page.waitForURL(/status=participantAdded$/);
  expect(await page.getByRole('rowheader', { name: 'Cobot Test ApS' }).count()).toBe(1);
  await step(walk, 'activity-with-participant');
}

/** A different submitted 2023 year for each walk: an approved year cannot be approved again. */
function submittedYearFor(walk: Walk): string {
  // The English walk takes the year with the fewest activities: its review page is the quickest to check.
  if (walk.lang === 'en') return 'Danish Materials Cluster';
  return walk.width === 1280 ? 'Energy Cluster Denmark' : 'DigitalLead';
}

/** A funder opens the status overview, reviews a submitted year and approves it. */
async function funder(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = FUNDER_WORDS[lang];
  const cluster = submittedYearFor(walk);
  await signInFor(walk, 'funder@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await viaMenu(walk, w.status);
  await page.getByLabel(w.year, { exact: true }).selectOption('2023');
  await page.getByRole('button', { name: w.show, exact: true }).click();
  await page.waitForURL(w.statusAt);
  await step(walk, 'status');
  if (width === 390 && lang === 'da') {
    // The year's table is wider than a phone: its named region takes focus and scrolls by keyboard.
    const region = page.getByRole('region', { name: w.clusters, exact: true });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  }
  await follow(page, cluster);
  await page.getByRole('heading', { name: w.review(cluster) }).waitFor();
  await step(walk, 'review');
  await page.getByRole('button', { name: w.approve, exact: true }).click();
  await page.waitForLoadState();
  await expect.poll(() => page.getByText(w.approved, { exact: true }).count()).toBeGreaterThan(0);
  await step(walk, 'approved');
}

/** An admin invites a user to a cluster organisation with a role; the list shows the role. */
async function admin(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = ADMIN_WORDS[lang];
  await signInFor(walk, 'admin@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await follow(page, w.users);
  const name = `Nina Ny ${width} ${lang}`;
  const email = `ny.klyngemedarbejder.${width}.${lang}@example.dk`;
  await page.getByLabel(w.name, { exact: true }).fill(name);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel(w.organisation).selectOption({ label: w.clean });
  await page.getByLabel(w.role, { exact: true }).selectOption({ label: w.clusterStaff });
  await page.getByRole('button', { name: w.create }).click();
  await page.waitForURL(w.createdAt);
  expect(await page.getByText(w.created(email)).count()).toBe(1);
  expect(await page.getByRole('row', { name: `${name} ${email} ${w.clusterStaff} (CLEAN)` }).count()).toBe(1);
  await step(walk, 'user-invited');
  await follow(page, name);
  expect(await page.getByText(w.invited).count()).toBe(1);
  await step(walk, 'user');
}

/** The day `days` from today, Copenhagen time, as YYYY-MM-DD. */
const daysAhead = (days: number) => copenhagenDate(new Date(Date.now() + days * 24 * 3600 * 1000));

/** Support staff plan a course of one of their services and open its participant list. */
async function supportStaff(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = SUPPORT_WORDS[lang];
  await signInFor(walk, 'support@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await follow(page, w.services);
  await step(walk, 'services');
  // The catalogue's title column names the language its titles are shown in.
  expect(await page.getByRole('columnheader', { name: w.titleColumn, exact: true }).count()).toBe(1);
  await follow(page, w.service);
  await page.getByRole('heading', { name: w.service, level: 1 }).waitFor();
  // Each walk plans its own course, in a place of its own.
  const place = `Vejle ${width} ${lang}`;
  await page.getByLabel(w.date).fill(daysAhead(21));
  await page.getByLabel(w.start).fill('09:00');
  await page.getByLabel(w.end).fill('16:00');
  await page.getByLabel(w.place, { exact: true }).fill(place);
  await page.getByLabel(w.seats, { exact: true }).fill('12');
  await page.getByLabel(w.lastCancel).fill(daysAhead(14));
  await step(walk, 'service');
  await page.getByRole('button', { name: w.plan }).click();
  await page.waitForURL(/\?planlagt=1$/);
  expect(await page.getByText(w.planned).count()).toBe(1);
  expect(await page.getByText(place).count()).toBeGreaterThan(0);
  await step(walk, 'course');
  await follow(page, w.attendance);
  await page.getByRole('heading', { name: w.attendanceTitle, level: 1 }).waitFor();
  // A course just planned has nobody to take attendance of yet.
  expect(await page.getByText(w.noRegistrations).count()).toBe(1);
  await step(walk, 'attendance');
}

/** Business hub staff open a referral their hub sent, then the clusters' activities in Denmark. */
async function hubStaff(walk: Walk): Promise<void> {
  const { page, lang } = walk;
  const w = HUB_WORDS[lang];
  await signInFor(walk, 'erhvervshus@demo.klyngeportalen.dk');
  await step(walk, 'landing');
  await follow(page, w.referrals);
  await step(walk, 'referrals');
  const company = 'Fynsk Pakkeautomatik ApS (syntetisk)';
  await follow(page, company);
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  await step(walk, 'referral');
  await viaMenu(walk, w.activities);
  await page.getByRole('heading', { name: w.activities, level: 1 }).waitFor();
  expect(
    await page
      .getByRole('main')
      .getByRole('link', { name: 'Workshop om cirkulære forretningsmodeller' })
      .count(),
  ).toBe(1);
  await step(walk, 'activities');
}

const ASSESSOR_WORDS = {
  da: {
    notDeclared: 'Ikke erklæret',
    clear: 'Habil',
    noConflict: 'Jeg er ikke inhabil',
    declare: 'Afgiv erklæring',
    save: 'Gem bedømmelse',
    saved: 'Gemt.',
    assessments: 'Bedømmelser',
  },
  en: {
    notDeclared: 'Not declared',
    clear: 'No conflict',
    noConflict: 'I have no conflict of interest',
    declare: 'Declare',
    save: 'Save assessment',
    saved: 'Saved.',
    assessments: 'Assessments',
  },
};

/**
 * The assessor opens an application waiting on their landing page, declares no conflict of
 * interest, scores every criterion with a comment, and finds it assessed back on the landing page.
 */
async function assessor(walk: Walk): Promise<void> {
  const { page, width, lang } = walk;
  const w = ASSESSOR_WORDS[lang];
  // Each walk assesses its own demo application: a declaration is given once.
  const cluster =
    lang === 'en'
      ? 'Lifestyle & Design Cluster'
      : width === 1280
        ? 'Danish Water Cluster'
        : 'Food & Bio Cluster Denmark';
  const criteria = 3;
  await signInFor(walk, 'assessor@demo.klyngeportalen.dk');
  expect(await page.getByRole('row', { name: `${cluster} ${w.notDeclared} 0 / ${criteria}` }).count()).toBe(
    1,
  );
  await step(walk, 'landing');
  await follow(page, cluster);
  await step(walk, 'declaration');
  await page.getByLabel(w.noConflict).check();
  await page.getByRole('button', { name: w.declare }).click();
  const scores = page.locator('input[name^="score:"]');
  await scores.first().waitFor();
  expect(await scores.count()).toBe(criteria);
  await step(walk, 'application');
  for (const [i, score] of [4, 3, 5].entries()) await scores.nth(i).fill(String(score));
  await page.locator('textarea[name^="comment:"]').first().fill('Klart behov, beskrevet med tal.');
  // The page after saving has the same address as the one before: wait for the new document.
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.getByRole('button', { name: w.save }).click(),
  ]);
  await page.waitForLoadState();
  expect(await page.locator('.alert-success', { hasText: w.saved }).count()).toBe(1);
  await step(walk, 'scored');
  await viaMenu(walk, w.assessments);
  expect(
    await page.getByRole('row', { name: `${cluster} ${w.clear} ${criteria} / ${criteria}` }).count(),
  ).toBe(1);
  await step(walk, 'assessed');
}

const JOURNEYS: Record<string, (walk: Walk) => Promise<void>> = {
  visitor,
  company_user: companyUser,
  cluster_staff: clusterStaff,
  funder,
  admin,
  support_staff: supportStaff,
  business_service_staff: hubStaff,
  assessor,
};

/** Every journey is walked in English too, at 390 px only (CI time). */
const ENGLISH = Object.keys(JOURNEYS);

/** A walk takes 10-25 s on a quiet machine; a loaded CI machine may need several times that. */
const WALK_TIMEOUT = 150_000;

async function walkIn(who: string, width: Width, lang: Lang): Promise<void> {
  const journey = JOURNEYS[who];
  if (!journey) throw new Error(`no journey for ${who}`);
  const context = await site.browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
  try {
    await journey({ site, page: await context.newPage(), who, width, lang });
  } finally {
    await context.close();
  }
}

describe("each role's main journey by clicking, at 1280 and 390 px (axe-core WCAG 2.1 AA)", () => {
  for (const who of Object.keys(JOURNEYS))
    for (const width of WIDTHS)
      it(
        `${who} at ${width} px: from the landing page to a visible result`,
        () => walkIn(who, width, 'da'),
        WALK_TIMEOUT,
      );
  for (const who of ENGLISH)
    it(
      `${who} in English at 390 px: from the landing page to a visible result`,
      () => walkIn(who, 390, 'en'),
      WALK_TIMEOUT,
    );
});
