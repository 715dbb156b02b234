import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import {
  activities,
  clusterEvaluations,
  clusterGoals,
  evaluationRuleVersions,
  reportingPeriods,
} from '../../src/db/schema/index.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { leagueBenchmark } from '../../src/domain/evaluation/benchmark.ts';
import { recordEvaluation } from '../../src/domain/evaluation/commands.ts';
import { DEFAULT_EVALUATION_CONFIG, type EvaluationConfig } from '../../src/domain/evaluation/config.ts';
import { FIGURE_KEYS } from '../../src/domain/evaluation/figures.ts';
import {
  clusterEvaluation,
  clustersInPeriod,
  evaluationHistory,
  evaluationOverview,
} from '../../src/domain/evaluation/midterm.ts';
import { dataQuality, type QualityRow, qualityFlags } from '../../src/domain/evaluation/quality.ts';
import {
  clusterEvaluationFor,
  dataQualityFor,
  evaluationOverviewFor,
  evaluationRulesFor,
  ownBenchmark,
  supportBenchmark,
} from '../../src/domain/evaluation/queries.ts';
import { saveEvaluationConfig } from '../../src/domain/evaluation/rules-store.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import type { Membership } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Fixture, loadFixture } from './fixture.ts';

let database: Database;
let fx: Fixture;
const PERIOD = { from: 2021, to: 2024 };

// Benchmarks and the mid-term evaluation read official figures: every reported year is approved here.
beforeAll(async () => {
  database = await createTestDatabase();
  fx = await loadFixture(database.db, 'ev', { approved: true });
}, 120_000);
afterAll(() => database?.close());

describe('per-cluster figures', () => {
  it('equal the performance account of each cluster for every key, on either basis', async () => {
    for (const basis of ['official', 'preliminary'] as const) {
      const rows = await leagueBenchmark(database.db, { from: 2022, to: 2023, basis });
      for (const name of ['Alfa', 'Delta', 'Gamma', 'Epsilon']) {
        for (const year of [2022, 2023]) {
          const scope = { kind: 'cluster', cvr: fx.cvrs[name] ?? '' } as const;
          const account = await performanceAccount(database.db, year, scope, basis);
          for (const key of FIGURE_KEYS) {
            const row = rows.find((r) => r.clusterId === fx.ids[name] && r.year === year && r.key === key);
            expect(row?.value, `${basis} ${name} ${year} ${key}`).toBe(account[key]);
          }
        }
      }
    }
  });
});

describe('benchmark quartiles', () => {
  it('match hand-computed quartiles of the league, with each cluster placed', async () => {
    const rows = await leagueBenchmark(database.db, {
      league: 'regional',
      from: 2023,
      to: 2023,
      basis: 'official',
    });
    const acts = rows.filter((r) => r.key === 'activities');
    expect(acts).toHaveLength(4);
    const first = acts[0];
    expect(
      first && {
        min: first.min,
        q1: first.q1,
        median: first.median,
        q3: first.q3,
        max: first.max,
        n: first.n,
      },
    ).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 4.75, max: 10, n: 4 });
    const position = Object.fromEntries(acts.map((r) => [r.name.split(' ')[0], r.quartile]));
    expect(position).toEqual({ Alfa: 1, Beta: 2, Gamma: 3, Delta: 4 });
  });

  it('compares only within the league and only years the league reported', async () => {
    const rows = await leagueBenchmark(database.db, {
      league: 'regional',
      from: 2021,
      to: 2024,
      basis: 'official',
    });
    expect([...new Set(rows.map((r) => r.year))]).toEqual([2022, 2023]);
    expect(rows.some((r) => r.clusterId === fx.ids.Epsilon)).toBe(false);
    const y2022 = rows.find((r) => r.year === 2022 && r.key === 'activities');
    expect([y2022?.q1, y2022?.median, y2022?.q3]).toEqual([3.25, 4, 4]);
  });

  it('narrows the rows to one cluster without changing the distribution', async () => {
    const rows = await leagueBenchmark(database.db, {
      league: 'regional',
      from: 2023,
      to: 2023,
      only: [fx.ids.Beta as string],
      basis: 'official',
    });
    expect(new Set(rows.map((r) => r.clusterId))).toEqual(new Set([fx.ids.Beta]));
    expect(rows.find((r) => r.key === 'activities')).toMatchObject({ value: 2, median: 2.5, quartile: 2 });
  });
});

describe('mid-term flags', () => {
  const config: EvaluationConfig = {
    ...DEFAULT_EVALUATION_CONFIG,
    rules: [
      { id: 'bottom-acts', kind: 'bottom_quartile_running', key: 'activities', years: 2 },
      { id: 'decline', kind: 'decline_from_first_year', key: 'participating_companies', percent: 30 },
      { id: 'goal', kind: 'below_goal', key: 'innovating_companies' },
    ],
  };

  it('flag exactly the clusters the rules describe', async () => {
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(clusterGoals).values([
        { clusterId: fx.ids.Delta as string, year: 2023, key: 'innovating_companies', value: 8 },
        { clusterId: fx.ids.Gamma as string, year: 2023, key: 'innovating_companies', value: 2 },
      ]),
    );
    const clusters = await clustersInPeriod(database.db, PERIOD);
    const overview = await evaluationOverview(database.db, PERIOD, config, clusters);
    const flagged = Object.fromEntries(
      overview.map((o) => [o.name.split(' ')[0], o.flags.map((f) => f.ruleId).sort()]),
    );
    // Alfa: bottom quartile 2022 and 2023. Beta: 4 → 2 companies (-50 %); Gamma 4 → 3 is -25 %, under 30 %.
    // Delta: 5 innovating companies in 2023 against a goal of 8; Gamma has 2 and meets its goal of 2.
    expect(flagged).toEqual({
      Alfa: ['bottom-acts'],
      Beta: ['decline'],
      Gamma: [],
      Delta: ['goal'],
      Epsilon: [],
    });
    const beta = overview.find((o) => o.clusterId === fx.ids.Beta);
    expect(beta?.flags[0]).toMatchObject({ first: 4, last: 2, change: -50, firstYear: 2022, lastYear: 2023 });
  });

  it('compares each key with the first year and the goal', async () => {
    const [delta] = (await clustersInPeriod(database.db, PERIOD)).filter((c) => c.clusterId === fx.ids.Delta);
    if (!delta) throw new Error('Delta not in period');
    const ev = await clusterEvaluation(database.db, PERIOD, config, delta);
    expect(ev.span).toEqual({ first: 2022, last: 2023 });
    expect(ev.keys.find((k) => k.key === 'activities')).toMatchObject({
      first: 4,
      last: 10,
      change: 6,
      changePercent: 150,
      lastQuartile: 4,
    });
    expect(ev.keys.find((k) => k.key === 'innovating_companies')).toMatchObject({ last: 5, goal: 8 });
    expect(ev.hasGoals).toBe(true);
  });
});

describe('evaluation decisions', () => {
  const USER = '00000000-0000-4000-8000-000000000001';
  const as = (memberships: Membership[]): Caller => ({
    principal: { userId: USER, memberships },
    actor: { userId: USER, label: 'funder@test.dk' },
  });
  const funderUser = (organisationId: string) => as([{ organisationId, role: 'funder' }]);
  const decision = {
    conclusion: 'adjust',
    reasoning: 'Færre deltagende virksomheder end ved periodens start.',
  };

  it('records a funder of the cluster, audited, and keeps earlier conclusions', async () => {
    const clusterId = fx.ids.Beta as string;
    const first = await recordEvaluation(database.db, funderUser(fx.funderId), {
      clusterId,
      period: PERIOD,
      decision,
    });
    await recordEvaluation(database.db, funderUser(fx.funderId), {
      clusterId,
      period: PERIOD,
      decision: { conclusion: 'withdraw', reasoning: 'Handlingsplanen for 2024 blev ikke fulgt op.' },
    });
    const history = await evaluationHistory(database.db, clusterId, PERIOD);
    expect(history.map((h) => h.conclusion)).toEqual(['withdraw', 'adjust']);
    expect(history[0]?.funderName).toBe('Vækstforum ev');
    const audit = await queryRows<{ action: string; actor_label: string }>(
      database.db,
      sql`select action, actor_label from audit_log where entity = 'cluster_evaluations' and entity_id = ${first.id}`,
    );
    expect(audit).toEqual([{ action: 'insert', actor_label: 'funder@test.dk' }]);
  });

  it('refuses funders of other clusters, cluster staff and invalid input, and never rewrites a conclusion', async () => {
    const clusterId = fx.ids.Beta as string;
    const input = { clusterId, period: PERIOD, decision };
    const count = () => database.db.$count(clusterEvaluations, eq(clusterEvaluations.clusterId, clusterId));
    const before = await count();
    await expect(recordEvaluation(database.db, funderUser(fx.otherFunderId), input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const staff = as([{ organisationId: clusterId, role: 'cluster_staff' }]);
    await expect(recordEvaluation(database.db, staff, input)).rejects.toMatchObject({ code: 'forbidden' });
    // A signed-in user without any membership (a visitor has no caller at all: the page sends it to log in).
    await expect(recordEvaluation(database.db, as([]), input)).rejects.toMatchObject({ code: 'forbidden' });
    for (const role of ['assessor', 'support_staff', 'business_service_staff'] as const)
      await expect(
        recordEvaluation(database.db, as([{ organisationId: fx.funderId, role }]), input),
      ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      recordEvaluation(database.db, funderUser(fx.funderId), {
        ...input,
        decision: { conclusion: 'stop', reasoning: 'kort' },
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'conclusion' }, { field: 'reasoning' }],
    });
    expect(await count()).toBe(before);
    await expect(
      withActor(database.db, systemActor('test'), (tx) =>
        tx.execute(sql`update cluster_evaluations set conclusion = 'continue'`),
      ),
    ).rejects.toThrow();
  });

  it('reads who funds the cluster from the grants, and only in a funding period', async () => {
    const clusterId = fx.ids.Epsilon as string;
    // The regional funder funds Alfa to Delta, not Epsilon: a claim to fund it changes nothing.
    await expect(
      recordEvaluation(database.db, funderUser(fx.funderId), {
        clusterId,
        period: PERIOD,
        decision,
        fundedBy: [fx.funderId],
      } as never),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      recordEvaluation(database.db, funderUser(fx.otherFunderId), {
        clusterId,
        period: { from: 2000, to: 2100 },
        decision,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      recordEvaluation(database.db, funderUser(fx.otherFunderId), {
        clusterId: crypto.randomUUID(),
        period: PERIOD,
        decision,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('what each caller may see and change', () => {
  const USER = '00000000-0000-4000-8000-000000000002';
  const as = (...memberships: Membership[]): Caller => ({
    principal: { userId: USER, memberships },
    actor: { userId: USER, label: 'someone@test.dk' },
  });
  const DENIED = ['assessor', 'cluster_staff', 'support_staff', 'business_service_staff'] as const;

  it('gives the evaluation overview and its rules to funders and admins, each funder its own clusters', async () => {
    const funder = as({ organisationId: fx.funderId, role: 'funder' });
    const names = (await evaluationOverviewFor(database.db, funder, {})).rows.map(
      (r) => r.name.split(' ')[0],
    );
    expect(names).toEqual(['Alfa', 'Beta', 'Delta', 'Gamma']);
    const admin = as({ organisationId: fx.funderId, role: 'admin' });
    expect((await evaluationOverviewFor(database.db, admin, {})).rows).toHaveLength(5);
    for (const role of DENIED) {
      const caller = as({ organisationId: fx.ids.Gamma as string, role });
      await expect(evaluationOverviewFor(database.db, caller, {}), role).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(evaluationRulesFor(database.db, caller, 'read'), role).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
  });

  it('lets a cluster’s staff read its own evaluation, not decide it, and not another cluster’s', async () => {
    const gamma = as({ organisationId: fx.ids.Gamma as string, role: 'cluster_staff' });
    const own = await clusterEvaluationFor(database.db, gamma, { slug: fx.slugs.Gamma as string });
    expect(own.may).toEqual({ decide: false, overview: false });
    await expect(
      clusterEvaluationFor(database.db, gamma, { slug: fx.slugs.Beta as string }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const funder = as({ organisationId: fx.funderId, role: 'funder' });
    expect((await clusterEvaluationFor(database.db, funder, { slug: fx.slugs.Gamma as string })).may).toEqual(
      {
        decide: true,
        overview: true,
      },
    );
    await expect(
      clusterEvaluationFor(database.db, funder, { slug: fx.slugs.Epsilon as string }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      clusterEvaluationFor(database.db, funder, { slug: 'no-such-cluster' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('saves evaluation rules only for funders and admins, and writes nothing otherwise', async () => {
    const versions = () => database.db.$count(evaluationRuleVersions);
    const before = await versions();
    for (const role of DENIED) {
      const caller = as({ organisationId: fx.ids.Gamma as string, role });
      await expect(
        saveEvaluationConfig(database.db, caller, { config: DEFAULT_EVALUATION_CONFIG, note: '' }),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(evaluationRulesFor(database.db, caller, 'edit'), role).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    await expect(
      saveEvaluationConfig(database.db, as(), { config: DEFAULT_EVALUATION_CONFIG, note: '' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await versions()).toBe(before);
  });

  it('benchmarks a cluster’s own figures for its staff and every cluster for the support function', async () => {
    const gamma = as({ organisationId: fx.ids.Gamma as string, role: 'cluster_staff' });
    const own = await ownBenchmark(database.db, gamma, { year: 2023 });
    expect(own?.highlight?.id).toBe(fx.ids.Gamma);
    expect(own?.choices.map((c) => c.slug)).toEqual([fx.slugs.Gamma]);
    for (const role of ['admin', 'funder', 'support_staff', 'assessor'] as const)
      await expect(
        ownBenchmark(database.db, as({ organisationId: fx.funderId, role }), {}),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
    const support = as({ organisationId: fx.funderId, role: 'support_staff' });
    const all = await supportBenchmark(database.db, support, { year: 2023, league: 'regional' });
    expect(all?.choices).toHaveLength(4);
    for (const role of ['funder', 'cluster_staff', 'assessor'] as const)
      await expect(
        supportBenchmark(database.db, as({ organisationId: fx.ids.Gamma as string, role }), {}),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('opens the benchmark on the newest year with official figures from at least three clusters of the league', async () => {
    const gamma = as({ organisationId: fx.ids.Gamma as string, role: 'cluster_staff' });
    const support = as({ organisationId: fx.funderId, role: 'support_staff' });
    const shown = async () => ({
      own: (await ownBenchmark(database.db, gamma, {}))?.year,
      support: (await supportBenchmark(database.db, support, { league: 'regional' }))?.year,
    });
    const approve = (names: string[]) =>
      withActor(database.db, systemActor('test'), (tx) =>
        tx
          .insert(reportingPeriods)
          .values(
            names.map((n) => ({ clusterId: fx.ids[n] as string, year: 2024, status: 'approved' as const })),
          ),
      );
    // 2024: Alfa, Beta and Gamma report an activity, nobody's year approved yet.
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(activities).values(
        ['Alfa', 'Beta', 'Gamma'].map((n) => ({
          clusterId: fx.ids[n] as string,
          activityRef: 'bm-2024',
          title: 'Aktivitet 2024',
          category: 'networking' as const,
          startDate: '2024-03-01',
        })),
      ),
    );
    try {
      expect((await ownBenchmark(database.db, gamma, {}))?.years[0]).toBe(2024);
      expect(await shown()).toEqual({ own: 2023, support: 2023 });
      await approve(['Alfa', 'Beta']);
      expect(await shown()).toEqual({ own: 2023, support: 2023 });
      await approve(['Gamma']);
      expect(await shown()).toEqual({ own: 2024, support: 2024 });
      // An asked year with figures is kept; the emerging league (one cluster) falls back to the newest year.
      expect((await ownBenchmark(database.db, gamma, { year: 2022 }))?.year).toBe(2022);
      expect((await supportBenchmark(database.db, support, { league: 'emerging' }))?.year).toBe(2024);
    } finally {
      await withActor(database.db, systemActor('test'), async (tx) => {
        await tx.delete(activities).where(eq(activities.activityRef, 'bm-2024'));
        await tx.delete(reportingPeriods).where(eq(reportingPeriods.year, 2024));
      });
    }
  });

  it('checks data quality of the clusters the caller may see, and refuses those with none', async () => {
    const names = async (c: Caller) =>
      (await dataQualityFor(database.db, c, { year: 2023 })).rows.map((r) => r.name.split(' ')[0]);
    expect(await names(as({ organisationId: fx.ids.Gamma as string, role: 'cluster_staff' }))).toEqual([
      'Gamma',
    ]);
    expect(await names(as({ organisationId: fx.otherFunderId, role: 'funder' }))).toEqual(['Epsilon']);
    for (const role of ['assessor', 'support_staff', 'business_service_staff'] as const)
      await expect(
        dataQualityFor(database.db, as({ organisationId: fx.funderId, role }), {}),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

// Data quality looks at what is delivered before approval: its own database, with Gamma's 2023
// submitted and Delta's still open.
describe('data quality', () => {
  let delivered: Database;
  let dq: Fixture;
  beforeAll(async () => {
    delivered = await createTestDatabase();
    dq = await loadFixture(delivered.db, 'dq');
  }, 120_000);
  afterAll(() => delivered?.close());

  it('counts missing municipality and industry shares, period status and outliers', async () => {
    const ids = Object.values(dq.ids);
    const rows = await dataQuality(
      delivered.db,
      { year: 2023, clusterIds: ids },
      DEFAULT_EVALUATION_CONFIG.dataQuality,
    );
    const by: Record<string, QualityRow> = Object.fromEntries(rows.map((r) => [r.name.split(' ')[0], r]));
    expect(by.Gamma).toMatchObject({
      companies: 3,
      withoutMunicipality: 1,
      withoutIndustry: 2,
      periodStatus: 'submitted',
    });
    expect(by.Gamma?.withoutMunicipalityShare).toBeCloseTo(100 / 3);
    expect(by.Gamma?.withoutIndustryShare).toBeCloseTo(200 / 3);
    // Delta: 4 → 10 activities is +150 %; Beta: 4 → 2 is exactly -50 %, not beyond the ±50 % threshold.
    expect(by.Delta?.outliers.map((o) => o.key)).toContain('activities');
    expect(by.Delta?.outliers.find((o) => o.key === 'activities')).toMatchObject({
      previous: 4,
      current: 10,
      change: 150,
    });
    expect(by.Beta?.outliers.some((o) => o.key === 'activities')).toBe(false);
    const kinds = (name: string) =>
      qualityFlags(by[name] as QualityRow, DEFAULT_EVALUATION_CONFIG.dataQuality).map((f) => f.kind);
    // Each fixture activity has one participant, a company, so every one breaks the activity rule.
    expect(kinds('Gamma')).toEqual(['missing_municipality', 'missing_industry', 'activity_rule']);
    expect(kinds('Alfa')).toEqual(['not_submitted', 'activity_rule']);
  });

  it('flags a year without activities, and the drop from the year before as outliers', async () => {
    const config = DEFAULT_EVALUATION_CONFIG.dataQuality;
    const [alfa] = await dataQuality(
      delivered.db,
      { year: 2024, clusterIds: [dq.ids.Alfa as string] },
      config,
    );
    if (!alfa) throw new Error('no row for Alfa');
    const kinds = qualityFlags(alfa, config).map((f) => f.kind);
    expect(kinds.slice(0, 2)).toEqual(['no_activities', 'not_submitted']);
    expect(alfa.outliers.map((o) => o.key)).toContain('activities');
    expect(alfa.outliers.every((o) => o.change === -100)).toBe(true);
  });
});
