import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { changePlanStatus } from '../../src/domain/action-plans/decisions.ts';
import { savePlan } from '../../src/domain/action-plans/editing.ts';
import { planFollowUp } from '../../src/domain/action-plans/follow-up.ts';
import { plansOverview } from '../../src/domain/action-plans/overview.ts';
import type { PlanInput } from '../../src/domain/action-plans/plan-input.ts';
import { loadPlan, ownPlanYears, planForCaller, planHistory } from '../../src/domain/action-plans/plans.ts';
import type { PlanAction } from '../../src/domain/action-plans/policy.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { DEFAULT_EVALUATION_CONFIG } from '../../src/domain/evaluation/config.ts';
import { clusterEvaluation } from '../../src/domain/evaluation/midterm.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import type { Principal, Role } from '../../src/domain/policy/policy.ts';
import { CVR, loadAccountFixture } from '../performance/fixture.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;
const NOW = new Date('2026-11-26T12:00:00Z');
const YEAR = 2023;

let a: { id: string; name: string; slug: string; cvr: string | null };
let b: { id: string };
let funderOrg: string;
let otherFunderOrg: string;

const person = (role: Role, organisationId: string): Caller => {
  const principal: Principal = { userId: randomUUID(), memberships: [{ organisationId, role }] };
  const actor: Actor = { userId: principal.userId, label: `${role}@test` };
  return { principal, actor };
};
type Person = Caller;
let staffA: Person;
let staffB: Person;
let funder: Person;
let otherFunder: Person;
let admin: Person;

const save = (who: Person, clusterId: string, year: number, input: Partial<PlanInput>) =>
  savePlan(database.db, who, clusterId, year, { goals: {}, activities: {}, narrative: '', ...input }, NOW);
const change = (who: Person, clusterId: string, year: number, action: PlanAction, comment?: string) =>
  changePlanStatus(database.db, who, { clusterId, year, action, comment }, NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  await loadAccountFixture(database);
  const orgs = await queryRows<{ id: string; name: string; slug: string; cvr: string }>(
    database.db,
    sql`select id, name, slug, cvr from organisations where cvr in (${CVR.A}, ${CVR.B}) order by cvr`,
  );
  a = orgs.find((o) => o.cvr === CVR.A) as (typeof orgs)[number];
  b = orgs.find((o) => o.cvr === CVR.B) as (typeof orgs)[number];
  funderOrg = (await createOrganisation(database.db, { kind: 'funder' })).id;
  otherFunderOrg = (await createOrganisation(database.db, { kind: 'funder' })).id;
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(fundingGrants).values([
      { funderId: funderOrg, clusterId: a.id, year: YEAR, amountDkk: 1_000_000 },
      { funderId: otherFunderOrg, clusterId: b.id, year: YEAR, amountDkk: 1_000_000 },
    ]),
  );
  staffA = person('cluster_staff', a.id);
  staffB = person('cluster_staff', b.id);
  funder = person('funder', funderOrg);
  otherFunder = person('funder', otherFunderOrg);
  admin = person('admin', randomUUID());
});
afterAll(() => database?.close());

const issuesOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toMatchObject({ code: 'validation' });
  return (e as { issues: { field: string; message: string }[] }).issues;
};

describe('saving an action plan', () => {
  it('stores goals in cluster_goals, planned activities per category and the narrative', async () => {
    await save(staffA, a.id, 2024, {
      goals: { activities: 12, innovating_companies: 4, grant_dkk: null },
      activities: { networking: { plannedCount: 3, budgetDkk: 25_000 } },
      narrative: '  Flere netværksmøder.  ',
    });
    const plan = await loadPlan(database.db, a.id, 2024);
    expect(plan).toMatchObject({ saved: true, status: 'draft', narrative: 'Flere netværksmøder.' });
    expect([...plan.goals].sort()).toEqual([
      ['activities', 12],
      ['innovating_companies', 4],
    ]);
    expect([...plan.activities]).toEqual([['networking', { plannedCount: 3, budgetDkk: 25_000 }]]);

    // Saving again replaces: a goal left empty is removed, a category left out is removed.
    await save(staffA, a.id, 2024, {
      goals: { activities: 15 },
      activities: { entrepreneurs: { plannedCount: 1, budgetDkk: 0 } },
    });
    const again = await loadPlan(database.db, a.id, 2024);
    expect([...again.goals]).toEqual([['activities', 15]]);
    expect([...again.activities.keys()]).toEqual(['entrepreneurs']);
  });

  it('refuses unknown keys, negative values and categories outside the spec, and saves nothing', async () => {
    const issues = await issuesOf(
      save(staffA, a.id, 2022, {
        goals: { activities: -1, happiness: 5, gold_clusters: 1 },
        activities: {
          networking: { plannedCount: 2.5, budgetDkk: -10 },
          parties: { plannedCount: 1, budgetDkk: 1 },
          entrepreneurs: { plannedCount: 1 },
        },
        narrative: 'x'.repeat(4001),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'goal-activities', message: 'negative' },
        { field: 'goal-happiness', message: 'unknownKey' },
        // Label counts are national figures, not a cluster's goals.
        { field: 'goal-gold_clusters', message: 'unknownKey' },
        { field: 'count-networking', message: 'notInteger' },
        { field: 'budget-networking', message: 'negative' },
        { field: 'count-parties', message: 'unknownCategory' },
        { field: 'budget-entrepreneurs', message: 'pair' },
        { field: 'narrative', message: 'tooLong' },
      ]),
    );
    expect((await loadPlan(database.db, a.id, 2022)).saved).toBe(false);
  });

  it("lets only the cluster's own staff save its plan", async () => {
    for (const who of [staffB, funder, admin])
      await expect(save(who, a.id, 2021, { goals: { activities: 1 } })).rejects.toMatchObject({
        code: 'forbidden',
      });
    expect((await loadPlan(database.db, a.id, 2021)).saved).toBe(false);
  });

  it('records every change in the audit log under the acting user', async () => {
    await save(staffA, a.id, 2025, { goals: { activities: 3 }, narrative: 'Audit' });
    const rows = await queryRows<{ entity: string; actorLabel: string }>(
      database.db,
      sql`select entity, actor_label as "actorLabel" from audit_log
          where entity in ('action_plans', 'cluster_goals') and entity_id like ${`${a.id}/2025%`}`,
    );
    expect(rows.map((r) => r.entity).sort()).toEqual(['action_plans', 'cluster_goals']);
    expect(new Set(rows.map((r) => r.actorLabel))).toEqual(new Set(['cluster_staff@test']));
  });
});

describe('every command and query refuses a caller the policy does not allow', () => {
  const forbidden = { code: 'forbidden' };
  const YEAR_OPEN = 2022;

  it('savePlan: only the cluster’s own staff; nothing is written', async () => {
    for (const who of [staffB, funder, admin])
      await expect(save(who, a.id, YEAR_OPEN, { narrative: 'Ikke min' })).rejects.toMatchObject(forbidden);
    expect((await loadPlan(database.db, a.id, YEAR_OPEN)).saved).toBe(false);
  });

  it('changePlanStatus: submit by own staff only, decisions by the funders of the year only', async () => {
    await save(staffA, a.id, YEAR_OPEN, { narrative: 'Til afprøvning' });
    for (const who of [staffB, funder, admin])
      await expect(change(who, a.id, YEAR_OPEN, 'submit')).rejects.toMatchObject(forbidden);
    // No funder funds cluster A in 2022 (its grant is in 2023): the plan cannot go to anybody.
    await expect(change(staffA, a.id, YEAR_OPEN, 'submit')).rejects.toMatchObject({ code: 'conflict' });
    // The funder funds cluster A in 2023, not in 2022: it may not decide the 2022 plan.
    for (const who of [staffA, funder, otherFunder, admin])
      await expect(change(who, a.id, YEAR_OPEN, 'accept', 'ok')).rejects.toMatchObject(forbidden);
    expect((await loadPlan(database.db, a.id, YEAR_OPEN)).status).toBe('draft');
  });

  it('an unknown cluster is not found, before any rule is asked', async () => {
    await expect(save(staffA, randomUUID(), YEAR, {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(change(funder, 'not-a-uuid', YEAR, 'accept')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the plan, its follow-up, the own list and the overview are read only by whom the policy allows', async () => {
    for (const who of [staffB, otherFunder]) {
      await expect(planForCaller(database.db, who, a.slug, YEAR, NOW)).rejects.toMatchObject(forbidden);
      await expect(planFollowUp(database.db, who, a.slug, YEAR, NOW)).rejects.toMatchObject(forbidden);
    }
    for (const who of [funder, admin])
      await expect(ownPlanYears(database.db, who, NOW)).rejects.toMatchObject(forbidden);
    await expect(plansOverview(database.db, staffA, YEAR, NOW)).rejects.toMatchObject(forbidden);
  });
});

describe('a plan as its caller sees it', () => {
  it('tells each caller what it may do: the cluster edits its draft, the funder only sees it is not submitted', async () => {
    await save(staffA, a.id, 2027, { narrative: 'Næste år' });
    const own = await planForCaller(database.db, staffA, a.slug, 2027, NOW);
    // Nobody funds cluster A in 2027 yet: the draft can be edited but not submitted.
    expect(own.may).toEqual({
      edit: true,
      submit: false,
      readContent: true,
      decide: [],
      comment: false,
      handleComments: true,
    });
    const admins = await planForCaller(database.db, admin, a.slug, 2027, NOW);
    expect(admins.may).toEqual({
      edit: false,
      submit: false,
      readContent: false,
      decide: [],
      comment: false,
      handleComments: false,
    });
    await expect(planForCaller(database.db, staffA, a.slug, 2028, NOW)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it("lists the plan years of every cluster the caller writes for, by name, with each year's status", async () => {
    const both: Caller = {
      principal: {
        userId: randomUUID(),
        memberships: [
          { organisationId: b.id, role: 'cluster_staff' },
          { organisationId: a.id, role: 'cluster_staff' },
          { organisationId: funderOrg, role: 'funder' },
        ],
      },
      actor: { userId: null, label: 'both@test' },
    };
    const lists = await ownPlanYears(database.db, both, NOW);
    expect(lists.map((l) => l.cluster.id)).toEqual([a.id, b.id]);
    const [forA, forB] = lists;
    // A (the tests above ran first): plans saved for 2027, 2025, 2024 and 2022, the 2023 grant,
    // and this year (2026) without a plan.
    expect(forA?.years.map((y) => [y.year, y.status])).toEqual([
      [2027, 'draft'],
      [2026, null],
      [2025, 'draft'],
      [2024, 'draft'],
      [2023, null],
      [2022, 'draft'],
    ]);
    expect(forB?.years.map((y) => y.year)).toEqual([2027, 2026, 2023]);
  });
});

describe('action plan transitions', () => {
  it('draft → submitted → returned → submitted → accepted, each step by whom the table allows', async () => {
    await save(staffA, a.id, YEAR, { goals: { activities: 1 }, narrative: 'Plan' });
    // A funder cannot submit for the cluster, and nobody can accept a draft.
    await expect(change(funder, a.id, YEAR, 'submit')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(funder, a.id, YEAR, 'accept')).rejects.toMatchObject({ code: 'conflict' });
    expect(await change(staffA, a.id, YEAR, 'submit')).toBe('submitted');

    // Read-only to the cluster once submitted.
    await expect(save(staffA, a.id, YEAR, { goals: { activities: 99 } })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await loadPlan(database.db, a.id, YEAR)).goals.get('activities')).toBe(1);

    // Only a funder that funds the cluster that year decides; the cluster cannot accept its own plan.
    await expect(change(staffA, a.id, YEAR, 'accept')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(otherFunder, a.id, YEAR, 'accept')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(admin, a.id, YEAR, 'accept')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(funder, a.id, YEAR, 'return')).rejects.toMatchObject({ code: 'validation' });
    expect(await change(funder, a.id, YEAR, 'return', 'Flere mål, tak.')).toBe('returned');
    expect((await loadPlan(database.db, a.id, YEAR)).comment).toBe('Flere mål, tak.');

    // Returned: editable again, then submitted and accepted.
    await save(staffA, a.id, YEAR, {
      goals: { activities: 1, participating_companies: 2, innovating_companies: 5 },
      activities: {
        innovation_collaboration: { plannedCount: 2, budgetDkk: 150_000 },
        networking: { plannedCount: 1, budgetDkk: 5_000 },
      },
    });
    expect((await loadPlan(database.db, a.id, YEAR)).status).toBe('returned');
    expect(await change(staffA, a.id, YEAR, 'submit')).toBe('submitted');
    expect(await change(funder, a.id, YEAR, 'accept')).toBe('accepted');
    await expect(save(staffA, a.id, YEAR, { goals: {} })).rejects.toMatchObject({ code: 'conflict' });
    await expect(change(staffA, a.id, YEAR, 'submit')).rejects.toMatchObject({ code: 'conflict' });
    await expect(change(funder, a.id, YEAR, 'return', 'Igen')).rejects.toMatchObject({ code: 'conflict' });

    // The history from the audit log: status changes only, with who made them and the comment.
    const history = await planHistory(database.db, a.id, YEAR);
    expect(history.map((e) => [e.from, e.to, e.actorLabel, e.comment])).toEqual([
      [null, 'draft', 'cluster_staff@test', null],
      ['draft', 'submitted', 'cluster_staff@test', null],
      ['submitted', 'returned', 'funder@test', 'Flere mål, tak.'],
      ['returned', 'submitted', 'cluster_staff@test', null],
      ['submitted', 'accepted', 'funder@test', null],
    ]);
  });

  it('shows the funder the clusters it funds with their plan status; admins every funded cluster', async () => {
    const mine = await plansOverview(database.db, funder, YEAR, NOW);
    expect(mine.clusters.map((r) => [r.clusterId, r.status])).toEqual([[a.id, 'accepted']]);
    const theirs = await plansOverview(database.db, otherFunder, YEAR, NOW);
    expect(theirs.clusters.map((r) => [r.clusterId, r.status])).toEqual([[b.id, null]]);
    const all = await plansOverview(database.db, admin, YEAR, NOW);
    expect(all.clusters.map((r) => r.clusterId).sort()).toEqual([a.id, b.id].sort());
  });

  it('offers only the years the funder funds a cluster in and opens on the newest', async () => {
    // NOW is in 2026: plan years run from 2021 to 2027; the grants are in 2023 only, and the
    // plans of the other years are not the funder's to open.
    const overview = await plansOverview(database.db, funder, undefined, NOW);
    expect(overview.years).toEqual([YEAR]);
    expect(overview.year).toBe(YEAR);
    // A funder without grants in those years is offered no year and gets the first plan year, empty.
    const idle = person('funder', (await createOrganisation(database.db, { kind: 'funder' })).id);
    expect(await plansOverview(database.db, idle, undefined, NOW)).toMatchObject({
      year: 2021,
      years: [],
      clusters: [],
    });
  });
});

describe('follow-up: plan versus actual', () => {
  it("puts each goal next to the account engine's value and planned next to reported activities", async () => {
    const f = await planFollowUp(database.db, funder, a.slug, YEAR, NOW);
    const account = await performanceAccount(database.db, YEAR, { kind: 'cluster', cvr: CVR.A });
    for (const g of f.goals) expect(g.actual).toBe(account[g.key]);
    // Cluster A in 2023 (fixture): one activity, C1 and C2 with new products.
    const byKey = Object.fromEntries(f.goals.map((g) => [g.key, g]));
    expect(byKey.activities).toMatchObject({ goal: 1, actual: 1, difference: 0, status: 'met' });
    expect(byKey.participating_companies).toMatchObject({ goal: 2, actual: 2, status: 'met' });
    expect(byKey.innovating_companies).toMatchObject({
      goal: 5,
      actual: 2,
      difference: -3,
      status: 'behind',
    });
    expect(byKey.grant_dkk).toMatchObject({ goal: null, actual: 100_000, status: 'noGoal' });

    const byCat = Object.fromEntries(f.categories.map((x) => [x.category, x]));
    expect(byCat.innovation_collaboration).toMatchObject({
      plannedCount: 2,
      budgetDkk: 150_000,
      reportedCount: 1,
      reportedGrantDkk: 100_000,
      difference: -1,
      status: 'behind',
    });
    expect(byCat.networking).toMatchObject({ plannedCount: 1, reportedCount: 0, status: 'behind' });
    expect(byCat.internationalisation).toMatchObject({ plannedCount: null, status: 'notPlanned' });
  });

  it('the mid-term evaluation reads the goals the plan wrote', async () => {
    const evaluation = await clusterEvaluation(
      database.db,
      { from: 2021, to: YEAR },
      DEFAULT_EVALUATION_CONFIG,
      { clusterId: a.id, name: a.name, slug: a.slug, league: 'regional', fundedBy: [funderOrg] },
    );
    expect(evaluation.hasGoals).toBe(true);
    expect(evaluation.keys.find((k) => k.key === 'innovating_companies')?.goal).toBe(5);
  });
});
