import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { clusterGoals } from '../../src/db/schema/index.ts';
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
import { performanceAccount } from '../../src/domain/performance/account.ts';
import type { Principal } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Fixture, loadFixture } from './fixture.ts';

let database: Database;
let fx: Fixture;
const PERIOD = { from: 2021, to: 2024 };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await loadFixture(database.db, 'ev');
}, 120_000);
afterAll(() => database?.close());

describe('per-cluster figures', () => {
  it('equal the performance account of each cluster for every key', async () => {
    const rows = await leagueBenchmark(database.db, { from: 2022, to: 2023 });
    for (const name of ['Alfa', 'Delta', 'Gamma', 'Epsilon']) {
      for (const year of [2022, 2023]) {
        const account = await performanceAccount(database.db, year, {
          kind: 'cluster',
          cvr: fx.cvrs[name] ?? '',
        });
        for (const key of FIGURE_KEYS) {
          const row = rows.find((r) => r.clusterId === fx.ids[name] && r.year === year && r.key === key);
          expect(row?.value, `${name} ${year} ${key}`).toBe(account[key]);
        }
      }
    }
  });
});

describe('benchmark quartiles', () => {
  it('match hand-computed quartiles of the league, with each cluster placed', async () => {
    const rows = await leagueBenchmark(database.db, { league: 'regional', from: 2023, to: 2023 });
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
    const rows = await leagueBenchmark(database.db, { league: 'regional', from: 2021, to: 2024 });
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
  const funderUser = (organisationId: string): Principal => ({
    userId: '00000000-0000-4000-8000-000000000001',
    memberships: [{ organisationId, role: 'funder' }],
  });
  const actor: Actor = { userId: '00000000-0000-4000-8000-000000000001', label: 'funder@test.dk' };
  const decision = {
    conclusion: 'adjust',
    reasoning: 'Færre deltagende virksomheder end ved periodens start.',
  };

  it('records a funder of the cluster, audited, and keeps earlier conclusions', async () => {
    const beta = (await clustersInPeriod(database.db, PERIOD)).find((c) => c.clusterId === fx.ids.Beta);
    if (!beta) throw new Error('Beta not in period');
    const first = await recordEvaluation(database.db, actor, funderUser(fx.funderId), {
      cluster: beta,
      period: PERIOD,
      decision,
    });
    await recordEvaluation(database.db, actor, funderUser(fx.funderId), {
      cluster: beta,
      period: PERIOD,
      decision: { conclusion: 'withdraw', reasoning: 'Handlingsplanen for 2024 blev ikke fulgt op.' },
    });
    const history = await evaluationHistory(database.db, beta.clusterId, PERIOD);
    expect(history.map((h) => h.conclusion)).toEqual(['withdraw', 'adjust']);
    expect(history[0]?.funderName).toBe('Vækstforum ev');
    const audit = await queryRows<{ action: string; actor_label: string }>(
      database.db,
      sql`select action, actor_label from audit_log where entity = 'cluster_evaluations' and entity_id = ${first.id}`,
    );
    expect(audit).toEqual([{ action: 'insert', actor_label: 'funder@test.dk' }]);
  });

  it('refuses funders of other clusters, cluster staff and invalid input, and never rewrites a conclusion', async () => {
    const beta = (await clustersInPeriod(database.db, PERIOD)).find((c) => c.clusterId === fx.ids.Beta);
    if (!beta) throw new Error('Beta not in period');
    const input = { cluster: beta, period: PERIOD, decision };
    await expect(
      recordEvaluation(database.db, actor, funderUser(fx.otherFunderId), input),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const staff: Principal = {
      userId: actor.userId ?? '',
      memberships: [{ organisationId: beta.clusterId, role: 'cluster_staff' }],
    };
    await expect(recordEvaluation(database.db, actor, staff, input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(recordEvaluation(database.db, actor, null, input)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      recordEvaluation(database.db, actor, funderUser(fx.funderId), {
        ...input,
        decision: { conclusion: 'stop', reasoning: 'kort' },
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'conclusion' }, { field: 'reasoning' }],
    });
    await expect(
      withActor(database.db, systemActor('test'), (tx) =>
        tx.execute(sql`update cluster_evaluations set conclusion = 'continue'`),
      ),
    ).rejects.toThrow();
  });
});

describe('data quality', () => {
  it('counts missing municipality and industry shares, period status and outliers', async () => {
    const ids = Object.values(fx.ids);
    const rows = await dataQuality(
      database.db,
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
    expect(kinds('Gamma')).toEqual(['missing_municipality', 'missing_industry']);
    expect(kinds('Alfa')).toEqual(['not_submitted']);
  });

  it('flags a year without activities, and the drop from the year before as outliers', async () => {
    const config = DEFAULT_EVALUATION_CONFIG.dataQuality;
    const [alfa] = await dataQuality(
      database.db,
      { year: 2024, clusterIds: [fx.ids.Alfa as string] },
      config,
    );
    if (!alfa) throw new Error('no row for Alfa');
    const kinds = qualityFlags(alfa, config).map((f) => f.kind);
    expect(kinds.slice(0, 2)).toEqual(['no_activities', 'not_submitted']);
    expect(alfa.outliers.map((o) => o.key)).toContain('activities');
    expect(alfa.outliers.every((o) => o.change === -100)).toBe(true);
  });
});
