import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { loadPlan } from '../../src/domain/action-plans/plans.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createOrganisation, createUser } from '../support/factories.ts';
import { createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

const cluster = (cvr: string, name: string, slug: string) => createCluster(database.db, { cvr, name, slug });

const signedIn = (user: { email: string }) => signedInClient(t.app, user.email);

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('action plans on the web', () => {
  const YEAR = 2024;
  let a: { id: string };
  let b: { id: string };
  let staffA: { email: string };
  let staffB: { email: string };
  let funder: { email: string };
  let otherFunder: { email: string };
  const planA = `/arbejdsrum/handlingsplaner/plan-alfa/${YEAR}`;

  beforeAll(async () => {
    a = await cluster('29403473', 'Planklyngen Alfa', 'plan-alfa');
    b = await cluster('12345674', 'Planklyngen Beta', 'plan-beta');
    const funderOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Planfonden' });
    const otherOrg = await createOrganisation(database.db, { kind: 'funder', name: 'Andre fonde' });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(fundingGrants).values([
        { funderId: funderOrg.id, clusterId: a.id, year: YEAR, amountDkk: 1_000_000 },
        { funderId: otherOrg.id, clusterId: b.id, year: YEAR, amountDkk: 1_000_000 },
      ]),
    );
    staffA = await createUser(database.db, 'cluster_staff', { organisationId: a.id });
    staffB = await createUser(database.db, 'cluster_staff', { organisationId: b.id });
    funder = await createUser(database.db, 'funder', { organisationId: funderOrg.id });
    otherFunder = await createUser(database.db, 'funder', { organisationId: otherOrg.id });
  });

  it('cluster staff fill in the plan, see field errors, save and submit; then it is read-only', async () => {
    const client = await signedIn(staffA);
    const list = await client.get('/arbejdsrum/handlingsplaner');
    expect(list.res.status).toBe(200);
    expect(text(list.html)).toContain('Planklyngen Alfa');
    expect(list.html).toContain(`href="${planA}"`);

    const form = await client.get(planA);
    expect(form.res.status).toBe(200);
    expect(form.html).toContain('name="_csrf"');

    const bad = await client.post(planA, {
      'goal-activities': '-3',
      'count-networking': '2',
      'budget-networking': '',
      narrative: 'Plan',
      intent: 'save',
    });
    expect(bad.res.status).toBe(422);
    expect(text(bad.html)).toContain('Skriv et tal, der er 0 eller større.');
    expect(bad.html).toContain('id="goal-activities-error"');
    expect(bad.html).toContain('id="budget-networking-error"');
    // The typed values come back in the form.
    expect(bad.html).toMatch(/id="goal-activities" name="goal-activities" value="-3"/);
    expect((await loadPlan(database.db, a.id, YEAR)).saved).toBe(false);

    // Without the CSRF token nothing is saved.
    const forged = await client.post(planA, { 'goal-activities': '5', intent: 'save' }, { csrf: false });
    expect(forged.res.status).toBe(403);

    const ok = await client.post(planA, {
      'goal-activities': '12',
      'goal-grant_dkk': '1.500.000',
      'count-networking': '2',
      'budget-networking': '40 000',
      narrative: 'Flere netværk.',
      intent: 'submit',
    });
    expect(ok.res.status).toBe(303);
    const plan = await loadPlan(database.db, a.id, YEAR);
    expect(plan.status).toBe('submitted');
    expect(plan.goals.get('grant_dkk')).toBe(1_500_000);
    expect(plan.activities.get('networking')).toEqual({ plannedCount: 2, budgetDkk: 40_000 });

    const view = await client.get(planA);
    expect(text(view.html)).toContain('Planen er indsendt og kan ikke ændres');
    expect(view.html).not.toContain('name="goal-activities"');
    const late = await client.post(planA, { 'goal-activities': '99', intent: 'save' });
    expect(late.res.status).toBe(409);
    expect((await loadPlan(database.db, a.id, YEAR)).goals.get('activities')).toBe(12);
  });

  it('a plan for a year no funder funds the cluster is saved but cannot be submitted', async () => {
    const client = await signedIn(staffA);
    const unfunded = `/arbejdsrum/handlingsplaner/plan-alfa/${YEAR - 1}`;
    const form = await client.get(unfunded);
    expect(form.res.status).toBe(200);
    expect(text(form.html)).toContain(
      `Ingen bevillingsgiver finansierer klyngen i ${YEAR - 1} endnu, så planen kan gemmes, men ikke indsendes.`,
    );
    expect(form.html).not.toContain('value="submit"');
    const posted = await client.post(unfunded, {
      'goal-activities': '4',
      narrative: 'Uden bevilling.',
      intent: 'submit',
    });
    expect(posted.res.status).toBe(409);
    const plan = await loadPlan(database.db, a.id, YEAR - 1);
    expect(plan.status).toBe('draft');
    expect(plan.goals.get('activities')).toBe(4);
  });

  it("cluster B can neither read nor edit cluster A's plan", async () => {
    const client = await signedIn(staffB);
    for (const path of [planA, `${planA}/opfoelgning`, `/en/workspace/action-plans/plan-alfa/${YEAR}`]) {
      const res = await client.get(path);
      expect(res.res.status).toBe(403);
      expect(res.html).not.toContain('Flere netværk.');
    }
    // The funders' overview is not for cluster staff.
    expect((await client.get('/finansiering/handlingsplaner')).res.status).toBe(403);
    await client.get(`/arbejdsrum/handlingsplaner/plan-beta/${YEAR}`);
    const post = await client.post(planA, { 'goal-activities': '1', intent: 'save' });
    expect(post.res.status).toBe(403);
    expect((await loadPlan(database.db, a.id, YEAR)).goals.get('activities')).toBe(12);
  });

  it('only a funder of the cluster sees it in the overview and decides; a return needs a reason', async () => {
    const other = await signedIn(otherFunder);
    const overview = await other.get(`/finansiering/handlingsplaner?year=${YEAR}`);
    expect(text(overview.html)).toContain('Planklyngen Beta');
    expect(text(overview.html)).not.toContain('Planklyngen Alfa');
    expect((await other.get(`/finansiering/handlingsplaner/plan-alfa/${YEAR}`)).res.status).toBe(403);

    const client = await signedIn(funder);
    // The workspace list is for cluster staff only.
    expect((await client.get('/arbejdsrum/handlingsplaner')).res.status).toBe(403);
    const mine = await client.get(`/finansiering/handlingsplaner?year=${YEAR}`);
    expect(text(mine.html)).toMatch(/Planklyngen Alfa Indsendt/);
    const page = await client.get(`/finansiering/handlingsplaner/plan-alfa/${YEAR}`);
    expect(page.html).toContain('Godkend handlingsplanen');
    const noReason = await client.post(`/finansiering/handlingsplaner/plan-alfa/${YEAR}`, {
      action: 'return',
      comment: '',
    });
    expect(noReason.res.status).toBe(422);
    expect(text(noReason.html)).toContain('Skriv en begrundelse.');
    const returned = await client.post(`/finansiering/handlingsplaner/plan-alfa/${YEAR}`, {
      action: 'return',
      comment: 'Sæt mål for innovation.',
    });
    expect(returned.res.status).toBe(303);
    expect((await loadPlan(database.db, a.id, YEAR)).status).toBe('returned');

    // The cluster sees the comment and may edit again.
    const staff = await signedIn(staffA);
    const again = await staff.get(planA);
    expect(text(again.html)).toContain('Sæt mål for innovation.');
    expect(again.html).toContain('name="goal-innovating_companies"');

    const follow = await client.get(`/finansiering/handlingsplaner/plan-alfa/${YEAR}/opfoelgning`);
    expect(follow.res.status).toBe(200);
    expect(text(follow.html)).toContain('Aktiviteter 12 0 -12 Ikke nået');
    expect(follow.html).toContain('<svg');
  });
});
