import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, textFile } from '../../../../test/reporting/delivery-helpers.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { createCluster, createOrganisation } from '../../../../test/support/factories.ts';
import { systemActor, withActor } from '../../../db/actor.ts';
import { type Database, queryRows } from '../../../db/client.ts';
import { fundingGrants } from '../../../db/schema/index.ts';
import type { Caller } from '../../caller.ts';
import type { Role } from '../../policy/policy.ts';
import { changePeriod } from './commands.ts';
import { periodHistories } from './history.ts';
import { periodMatrix, periodStatusOverview, periodWorkspace } from './overview.ts';
import type { PeriodAction } from './transitions.ts';

let database: Database;
const NOW = new Date('2026-11-26T12:00:00Z');
const TODAY = '2026-11-26';

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** A CVR that passes mod-11, different on every call. */
function freshCvr(): string {
  for (;;) {
    const digits = [
      1 + Math.floor(Math.random() * 9),
      ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10)),
    ];
    const sum = digits.reduce((s, d, i) => s + d * ([2, 7, 6, 5, 4, 3, 2][i] as number), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

const cluster = (name: string) =>
  createCluster(database.db, { cvr: freshCvr(), name, slug: `p-${randomBytes(4).toString('hex')}` });

async function grant(funderId: string, clusterId: string, year: number) {
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(fundingGrants).values({ funderId, clusterId, year, amountDkk: 1_000_000 }),
  );
}

const person = (role: Role, organisationId: string, label: string): Caller => {
  const userId = randomUUID();
  return { principal: { userId, memberships: [{ organisationId, role }] }, actor: { userId, label } };
};
type Person = Caller;

/** Most test years have no activities: their submits confirm it, with a reason (see the empty-year test). */
const EMPTY_YEAR = { confirmNoActivities: true, noActivitiesReason: 'Ingen aktiviteter i testen' };

const change = (who: Person, clusterId: string, year: number, action: PeriodAction, comment?: string) =>
  changePeriod(database.db, who, { clusterId, year, action, comment, ...EMPTY_YEAR }, NOW);

/** A cluster's years on its staff's workspace page. */
const yearsOf = async (clusterId: string) =>
  (await periodWorkspace(database.db, person('cluster_staff', clusterId, 'staff@test'), 2026, TODAY))
    .clusters[0]?.cells ?? [];

const auditCount = async (clusterId: string, year: number) => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_log where entity = 'reporting_periods' and entity_id = ${`${clusterId}/${year}`}`,
  );
  return row?.n ?? 0;
};

describe('reporting period commands', () => {
  let a: { id: string; cvr: string | null };
  let b: { id: string };
  let staffA: Person;
  let staffB: Person;
  let funder: Person;
  let otherFunder: Person;
  let admin: Person;
  let support: Person;

  beforeAll(async () => {
    a = await cluster('Periodeklynge A');
    b = await cluster('Periodeklynge B');
    const f1 = await createOrganisation(database.db, { kind: 'funder' });
    const f2 = await createOrganisation(database.db, { kind: 'funder' });
    await grant(f1.id, a.id, 2023);
    await grant(f1.id, a.id, 2021);
    await grant(f2.id, b.id, 2023);
    staffA = person('cluster_staff', a.id, 'staff-a@test');
    staffB = person('cluster_staff', b.id, 'staff-b@test');
    funder = person('funder', f1.id, 'funder-1@test');
    otherFunder = person('funder', f2.id, 'funder-2@test');
    admin = person('admin', randomUUID(), 'admin@test');
    support = person('support_staff', randomUUID(), 'support@test');
  });

  it('runs a year through submit, return, resubmit, approve, lock and reopen, with the history from the audit log', async () => {
    // A funded year with no period yet is shown (a gap), open, due 1 March the year after, overdue.
    expect((await yearsOf(a.id)).find((p) => p.year === 2023)).toMatchObject({
      status: 'open',
      expected: true,
      activities: 0,
      deadline: '2024-03-01',
      timeliness: 'overdue',
      submittedAt: null,
    });
    const submitted = await change(staffA, a.id, 2023, 'submit', 'Alt er med');
    expect(submitted).toMatchObject({
      status: 'submitted',
      comment: 'Alt er med',
      updatedBy: staffA.principal.userId,
    });
    expect(submitted.updatedAt?.toISOString()).toBe(NOW.toISOString());
    await expect(change(funder, a.id, 2023, 'return', '   ')).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'comment', message: 'required' }],
    });
    expect(await change(funder, a.id, 2023, 'return', 'Deltagerlisten for A-7 mangler')).toMatchObject({
      status: 'returned',
      comment: 'Deltagerlisten for A-7 mangler',
    });
    await change(staffA, a.id, 2023, 'submit');
    await change(funder, a.id, 2023, 'approve');
    await change(funder, a.id, 2023, 'lock');
    await expect(change(funder, a.id, 2023, 'reopen')).rejects.toMatchObject({ code: 'validation' });
    expect(await change(funder, a.id, 2023, 'reopen', 'Rettelse af tal efter revision')).toMatchObject({
      status: 'open',
    });

    const history = (await periodHistories(database.db, [{ clusterId: a.id, year: 2023 }])).get(
      `${a.id}/2023`,
    );
    expect(history?.map((e) => `${e.from}→${e.to} ${e.actorLabel} ${e.comment ?? ''}`.trim())).toEqual([
      'open→submitted staff-a@test Alt er med',
      'submitted→returned funder-1@test Deltagerlisten for A-7 mangler',
      'returned→submitted staff-a@test',
      'submitted→approved funder-1@test',
      'approved→locked funder-1@test',
      'locked→open funder-1@test Rettelse af tal efter revision',
    ]);
    expect(history?.[0]?.at.toISOString()).toBe(NOW.toISOString());
    expect(await auditCount(a.id, 2023)).toBe(6);
  });

  it('refuses moves the table does not have with a conflict, and writes nothing', async () => {
    const before = await auditCount(a.id, 2021);
    await expect(change(funder, a.id, 2021, 'approve')).rejects.toMatchObject({ code: 'conflict' });
    await expect(change(funder, a.id, 2021, 'lock')).rejects.toMatchObject({ code: 'conflict' });
    await expect(change(funder, a.id, 2021, 'reopen', 'Hvorfor ikke')).rejects.toMatchObject({
      code: 'conflict',
    });
    await change(staffA, a.id, 2021, 'submit');
    await expect(change(staffA, a.id, 2021, 'submit')).rejects.toMatchObject({ code: 'conflict' });
    await expect(change(funder, a.id, 2021, 'lock')).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditCount(a.id, 2021)).toBe(before + 1);
  });

  it("keeps clusters apart: B's staff cannot submit A's year; funders decide only what they fund that year", async () => {
    await expect(change(staffB, a.id, 2022, 'submit')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(funder, a.id, 2022, 'submit')).rejects.toMatchObject({ code: 'forbidden' });
    await change(staffA, a.id, 2022, 'submit');
    // f1 funds A in 2021 and 2023 but not 2022; f2 funds B only.
    await expect(change(funder, a.id, 2022, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(otherFunder, a.id, 2022, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(support, a.id, 2022, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(change(staffA, a.id, 2022, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await change(admin, a.id, 2022, 'approve')).toMatchObject({ status: 'approved' });
    expect(await auditCount(a.id, 2022)).toBe(2);
    await change(staffB, b.id, 2023, 'submit');
    await expect(change(funder, b.id, 2023, 'return', 'Nej')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await change(otherFunder, b.id, 2023, 'return', 'Mangler')).toMatchObject({ status: 'returned' });
  });

  it('submits a year without activities only when the cluster confirms it and says why, and keeps the reason', async () => {
    const e = await cluster('Periodeklynge Tom');
    const staff = person('cluster_staff', e.id, 'staff-e@test');
    const submit = (extra: { confirmNoActivities?: boolean; noActivitiesReason?: string }) =>
      changePeriod(database.db, staff, { clusterId: e.id, year: 2024, action: 'submit', ...extra }, NOW);
    await expect(submit({})).rejects.toMatchObject({
      code: 'validation',
      issues: [
        { field: 'confirmNoActivities', message: 'confirmRequired' },
        { field: 'noActivitiesReason', message: 'reasonRequired' },
      ],
    });
    await expect(submit({ confirmNoActivities: true, noActivitiesReason: '  ' })).rejects.toMatchObject({
      issues: [{ field: 'noActivitiesReason', message: 'reasonRequired' }],
    });
    await expect(submit({ noActivitiesReason: 'Ingen midler' })).rejects.toMatchObject({
      issues: [{ field: 'confirmNoActivities', message: 'confirmRequired' }],
    });
    expect(await auditCount(e.id, 2024)).toBe(0);
    const saved = await submit({
      confirmNoActivities: true,
      noActivitiesReason: ' Bevillingen startede i december ',
    });
    expect(saved).toMatchObject({
      status: 'submitted',
      noActivitiesReason: 'Bevillingen startede i december',
    });
    const [row] = await queryRows<{ reason: string; submittedAt: string | Date }>(
      database.db,
      sql`select no_activities_reason as reason, submitted_at as "submittedAt" from reporting_periods
          where cluster_id = ${e.id} and year = 2024`,
    );
    expect(row?.reason).toBe('Bevillingen startede i december');
    expect(new Date(row?.submittedAt ?? 0).toISOString()).toBe(NOW.toISOString());
    // A year with activities needs neither, and keeps no reason.
    const activity = `cluster_cvr,activity_ref,title,category,start_date\n${await cvrOf(e.id)},E1,Møde,networking,2023-06-01\n`;
    expect((await deliver(database, [textFile('activities.csv', activity)])).ok).toBe(true);
    const withActivities = await changePeriod(
      database.db,
      staff,
      { clusterId: e.id, year: 2023, action: 'submit', noActivitiesReason: 'Ikke relevant' },
      NOW,
    );
    expect(withActivities).toMatchObject({ status: 'submitted', noActivitiesReason: null });
  });

  it('refuses unknown clusters, organisations that are not clusters and years that have not begun', async () => {
    await expect(change(admin, randomUUID(), 2023, 'submit')).rejects.toMatchObject({ code: 'not_found' });
    await expect(change(admin, 'not-a-uuid', 2023, 'submit')).rejects.toMatchObject({ code: 'not_found' });
    const funderOrg = funder.principal.memberships[0]?.organisationId as string;
    await expect(change(admin, funderOrg, 2023, 'approve')).rejects.toMatchObject({ code: 'not_found' });
    await expect(change(staffA, a.id, 2027, 'submit')).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'year', message: 'futureYear' }],
    });
    await expect(change(staffA, a.id, 1999, 'submit')).rejects.toMatchObject({ code: 'validation' });
  });

  it('counts the year in SQL and shows funders only the clusters they fund', async () => {
    const c = await cluster('Periodeklynge C');
    const f3 = await createOrganisation(database.db, { kind: 'funder' });
    await grant(f3.id, c.id, 2024);
    const cvr = await cvrOf(c.id);
    const acts = `cluster_cvr,activity_ref,title,category,start_date\n${cvr},C1,Møde,networking,2024-03-01\n${cvr},C2,Kursus,networking,2024-04-01\n`;
    const parts = `cluster_cvr,activity_ref,participant_type,cvr,name\n${cvr},C1,company,10000009,Firma ApS\n${cvr},C2,company,10000009,Firma ApS\n${cvr},C2,company,12345674,Andet ApS\n`;
    expect(
      (await deliver(database, [textFile('activities.csv', acts), textFile('participants.csv', parts)])).ok,
    ).toBe(true);
    const years = await yearsOf(c.id);
    expect(years.map((y) => `${y.year} ${y.status} ${y.activities}/${y.participants}`)).toEqual([
      '2026 open 0/0',
      '2024 open 2/3',
    ]);
    const matrix = await periodMatrix(database.db, { fundedBy: [f3.id], currentYear: 2026, today: TODAY });
    expect(matrix.rows.map((r) => r.name)).toEqual(['Periodeklynge C']);
    expect(matrix.summary.find((s) => s.year === 2024)).toMatchObject({ expected: 1, submitted: 0 });
    // 2026: no grant, no activities: not expected to report.
    expect(matrix.summary.find((s) => s.year === 2026)).toMatchObject({ expected: 0 });
    const everyone = await periodMatrix(database.db, {
      fundedBy: null,
      currentYear: 2026,
      today: TODAY,
      year: 2024,
    });
    expect(everyone.years).toEqual([2024]);
    expect(everyone.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Periodeklynge A', 'Periodeklynge B', 'Periodeklynge C']),
    );
  });

  it("shows staff their own clusters' years only, and the status page to funders, support staff and admins", async () => {
    const e = await cluster('Periodeklynge E');
    const f = await cluster('Periodeklynge F');
    const cvrE = await cvrOf(e.id);
    const acts = `cluster_cvr,activity_ref,title,category,start_date\n${cvrE},E1,Møde,networking,2019-03-01\n`;
    expect((await deliver(database, [textFile('activities.csv', acts)])).ok).toBe(true);
    // Staff of F and E (in that order): each cluster with its own years, F without E's 2019.
    const both: Caller = {
      principal: {
        userId: randomUUID(),
        memberships: [
          { organisationId: f.id, role: 'cluster_staff' },
          { organisationId: e.id, role: 'cluster_staff' },
        ],
      },
      actor: { userId: null, label: 'staff-ef@test' },
    };
    const { clusters } = await periodWorkspace(database.db, both, 2026, TODAY);
    expect(clusters.map((x) => [x.name, x.cells.map((y) => y.year)])).toEqual([
      ['Periodeklynge F', [2026]],
      ['Periodeklynge E', [2026, 2019]],
    ]);
    expect(clusters[1]?.cells.map((y) => y.actions)).toEqual([['submit'], ['submit']]);
    for (const who of [funder, support, admin])
      await expect(periodWorkspace(database.db, who, 2026, TODAY)).rejects.toMatchObject({
        code: 'forbidden',
      });

    await expect(
      periodStatusOverview(database.db, staffA, { currentYear: 2026, today: TODAY }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    // f1 funds A (2021 and 2023) and no other cluster: it follows A only, and decides.
    const mine = await periodStatusOverview(database.db, funder, {
      currentYear: 2026,
      today: TODAY,
      year: 2023,
    });
    expect(mine.matrix.rows.map((r) => r.name)).toEqual(['Periodeklynge A']);
    expect(mine.mayDecide).toBe(true);
    const all = await periodStatusOverview(database.db, support, { currentYear: 2026, today: TODAY });
    expect(all.matrix.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Periodeklynge A', 'Periodeklynge B', 'Periodeklynge E']),
    );
    expect(all.mayDecide).toBe(false);
    expect(all.matrix.rows.every((r) => r.cells.every((c) => c.actions.length === 0))).toBe(true);
    const everything = await periodStatusOverview(database.db, admin, { currentYear: 2026, today: TODAY });
    const approvedA = everything.matrix.rows
      .find((r) => r.name === 'Periodeklynge A')
      ?.cells.find((c) => c.year === 2022);
    expect([approvedA?.status, approvedA?.actions]).toEqual(['approved', ['lock']]);
  });

  it('refuses deliveries for an approved or locked year with periodLocked, and loads them after reopening', async () => {
    const d = await cluster('Periodeklynge D');
    const f = await createOrganisation(database.db, { kind: 'funder' });
    await grant(f.id, d.id, 2022);
    const staff = person('cluster_staff', d.id, 'staff-d@test');
    const decider = person('funder', f.id, 'funder-d@test');
    const cvr = await cvrOf(d.id);
    const file = () =>
      textFile(
        'activities.csv',
        `cluster_cvr,activity_ref,title,category,start_date\n${cvr},D1,Møde,networking,2022-06-01\n`,
      );
    await change(staff, d.id, 2022, 'submit');
    await change(decider, d.id, 2022, 'approve');
    const approved = await deliver(database, [file()]);
    expect(approved.ok ? [] : approved.errors.map((e) => `${e.line} ${e.column} ${e.code}`)).toEqual([
      '2 start_date periodLocked',
    ]);
    await change(decider, d.id, 2022, 'lock');
    expect((await deliver(database, [file()])).ok).toBe(false);
    await change(decider, d.id, 2022, 'reopen', 'Manglende aktivitet');
    expect((await deliver(database, [file()])).ok).toBe(true);
  });
});

async function cvrOf(id: string) {
  const [row] = await queryRows<{ cvr: string }>(
    database.db,
    sql`select cvr from organisations where id = ${id}`,
  );
  return row?.cvr as string;
}
