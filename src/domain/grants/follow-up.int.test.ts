import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notificationsFor } from '../notifications/queries.ts';
import { changeRequestsOf, decideChange, requestChange } from './change-requests.ts';
import { approveFinancialReport, financialReportOf, submitFinancialReport } from './financial-reports.ts';
import { changeDecisionForm, changeRequestForm, financialReportForm } from './follow-up-schemas.ts';
import { saveGrant } from './register.ts';
import { grantForm } from './schemas.ts';

let database: Database;
let grantId: string;
let otherGrantId: string;
let clusterStaff: Caller;
let otherClusterStaff: Caller;
let ministryStaff: Caller;
let regionStaff: Caller;
let unrelatedFunderStaff: Caller;
const now = new Date('2026-03-02T09:00:00Z');

const shift = (amount: string, from = 'networking', to = 'internationalisation') =>
  changeRequestForm.parse({
    kind: 'budget_shift',
    fromCategory: from,
    toCategory: to,
    amountDkk: amount,
    reason: 'Flere internationale aktiviteter',
  });
const decision = (d: 'approve' | 'reject', reason = 'Passer med handlingsplanen') =>
  changeDecisionForm.parse({ decision: d, decisionReason: reason });

const auditRows = async (entity: string, actor: Caller) => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_log where entity = ${entity} and actor_label = ${actor.actor.label}`,
  );
  return row?.n ?? 0;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const ministry = await createOrganisation(db, { kind: 'funder', funderLevel: 'national' });
  const region = await createOrganisation(db, { kind: 'funder', funderLevel: 'regional' });
  const unrelated = await createOrganisation(db, { kind: 'funder', funderLevel: 'municipal' });
  const cluster = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Følgeklynge',
    slug: `f-${randomCvr()}`,
  });
  const other = await createCluster(db, { cvr: randomCvr(), name: 'Anden klynge', slug: `a-${randomCvr()}` });
  const admin = await createCaller(db, 'admin');
  const grant = (clusterId: string, amountDkk: string) =>
    grantForm.parse({ clusterId, year: '2025', amountDkk, source: 'other' });
  grantId = await saveGrant(db, admin, ministry.id, grant(cluster.id, '700.000'));
  await saveGrant(db, admin, region.id, grant(cluster.id, '300.000'));
  otherGrantId = await saveGrant(db, admin, unrelated.id, grant(other.id, '100.000'));
  clusterStaff = await createCaller(db, 'cluster_staff', { organisationId: cluster.id });
  otherClusterStaff = await createCaller(db, 'cluster_staff', { organisationId: other.id });
  ministryStaff = await createCaller(db, 'funder', { organisationId: ministry.id });
  regionStaff = await createCaller(db, 'funder', { organisationId: region.id });
  unrelatedFunderStaff = await createCaller(db, 'funder', { organisationId: unrelated.id });
});
afterAll(() => database?.close());

describe('the follow-up forms', () => {
  it('names each missing or wrong field of a change request', () => {
    const issues = (v: Record<string, string>) =>
      changeRequestForm.safeParse(v).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [];
    expect(
      issues({ kind: 'budget_shift', fromCategory: 'networking', toCategory: 'networking', reason: 'x' }),
    ).toEqual(['toCategory:sameCategory', 'amountDkk:required']);
    expect(issues({ kind: 'deadline', reason: ' ' })).toEqual(['reason:required', 'newDeadline:required']);
    expect(issues({ kind: 'deadline', reason: 'Forsinket' })).toEqual(['newDeadline:required']);
    expect(issues({ kind: 'deadline', newDeadline: '31-6-2026', reason: 'x' })).toEqual([
      'newDeadline:invalidDate',
    ]);
  });

  it('reads a financial report with empty fields as 0 and refuses negative amounts', () => {
    const parsed = financialReportForm(false).parse({ spent_networking: '12.500' });
    expect(parsed.spent.networking).toBe(12_500);
    expect(parsed.spent.entrepreneurs).toBe(0);
    expect(parsed.budget).toBeUndefined();
    const refused = financialReportForm(true).safeParse({ budget_networking: '-1' });
    expect(refused.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([
      'budget_networking:tooSmall',
    ]);
  });
});

describe('change requests', () => {
  it("refuses another cluster's staff, the funders and readers who fund nothing of the cluster", async () => {
    const db = database.db;
    await expectAppError(requestChange(db, otherClusterStaff, grantId, shift('10.000'), now), 'forbidden');
    await expectAppError(requestChange(db, ministryStaff, grantId, shift('10.000'), now), 'forbidden');
    await expectAppError(changeRequestsOf(db, unrelatedFunderStaff, grantId), 'forbidden');
    await expectAppError(changeRequestsOf(db, otherClusterStaff, grantId), 'forbidden');
    await expectAppError(changeRequestsOf(db, clusterStaff, 'not-a-grant'), 'not_found');
  });

  it('goes from submitted to approved by the grant’s funder only, notifying both ways, audited', async () => {
    const db = database.db;
    const id = await requestChange(db, clusterStaff, grantId, shift('50.000'), now);
    const told = await notificationsFor(db, ministryStaff);
    expect(told.map((n) => n.link)).toContain(`/arbejdsrum/bevillinger/${grantId}/opfoelgning`);
    // The co-funder reads it but does not decide on another funder's grant.
    const seen = await changeRequestsOf(db, regionStaff, grantId);
    expect(seen.requests.map((r) => [r.id, r.status, r.amountDkk])).toEqual([[id, 'submitted', 50_000]]);
    await expectAppError(
      decideChange(db, regionStaff, { grantId, requestId: id }, decision('approve'), now),
      'forbidden',
    );
    await expectAppError(
      decideChange(db, clusterStaff, { grantId, requestId: id }, decision('approve'), now),
      'forbidden',
    );
    await decideChange(db, ministryStaff, { grantId, requestId: id }, decision('approve'), now);
    await expectAppError(
      decideChange(db, ministryStaff, { grantId, requestId: id }, decision('reject'), now),
      'conflict',
    );
    const after = await changeRequestsOf(db, clusterStaff, grantId);
    expect(after.requests[0]).toMatchObject({
      status: 'approved',
      decisionReason: 'Passer med handlingsplanen',
    });
    const clusterTold = await notificationsFor(db, clusterStaff);
    expect(clusterTold.some((n) => n.textEn.includes('approved your change request for 2025'))).toBe(true);
    expect(await auditRows('grant_change_requests', clusterStaff)).toBe(1);
    expect(await auditRows('grant_change_requests', ministryStaff)).toBe(1);
  });

  it('records a rejected deadline change and a request on another grant is not found', async () => {
    const db = database.db;
    const input = changeRequestForm.parse({
      kind: 'deadline',
      newDeadline: '2026-06-30',
      reason: 'Forsinket revision',
    });
    const id = await requestChange(db, clusterStaff, grantId, input, now);
    await expectAppError(
      decideChange(db, ministryStaff, { grantId: otherGrantId, requestId: id }, decision('reject'), now),
      'forbidden',
    );
    await decideChange(
      db,
      ministryStaff,
      { grantId, requestId: id },
      decision('reject', 'Fristen ligger fast'),
      now,
    );
    const { requests } = await changeRequestsOf(db, clusterStaff, grantId);
    expect(requests.find((r) => r.id === id)).toMatchObject({
      kind: 'deadline',
      newDeadline: '2026-06-30',
      status: 'rejected',
      decisionReason: 'Fristen ligger fast',
    });
  });
});

describe('the financial report', () => {
  const report = (spent: Record<string, string>, budget?: Record<string, string>) =>
    financialReportForm(budget !== undefined).parse({
      ...Object.fromEntries(Object.entries(spent).map(([c, v]) => [`spent_${c}`, v])),
      ...Object.fromEntries(Object.entries(budget ?? {}).map(([c, v]) => [`budget_${c}`, v])),
    });

  it('needs a budget split totalling the grant when the grant has none, and only its cluster submits', async () => {
    const db = database.db;
    await expectAppError(
      submitFinancialReport(db, clusterStaff, grantId, report({ networking: '1' }), now),
      'validation',
    );
    const wrongTotal = report({ networking: '1' }, { networking: '600.000' });
    await expectAppError(submitFinancialReport(db, clusterStaff, grantId, wrongTotal, now), 'validation');
    const fine = report({ networking: '1' }, { networking: '400.000', internationalisation: '300.000' });
    await expectAppError(submitFinancialReport(db, otherClusterStaff, grantId, fine, now), 'forbidden');
    await expectAppError(submitFinancialReport(db, ministryStaff, grantId, fine, now), 'forbidden');
    await expectAppError(approveFinancialReport(db, ministryStaff, grantId, now), 'conflict');
  });

  it('shows budget against spent per category with totals, then the funder approves it', async () => {
    const db = database.db;
    const budget = { networking: '400.000', internationalisation: '300.000' };
    await submitFinancialReport(
      db,
      clusterStaff,
      grantId,
      report({ networking: '350.000', internationalisation: '325.000', entrepreneurs: '5.000' }, budget),
      now,
    );
    const seen = await financialReportOf(db, regionStaff, grantId);
    expect(seen.status).toBe('submitted');
    const line = (c: string) => seen.lines.find((l) => l.category === c);
    expect(line('networking')).toMatchObject({ budgetDkk: 400_000, spentDkk: 350_000, remainingDkk: 50_000 });
    expect(line('internationalisation')).toMatchObject({
      budgetDkk: 300_000,
      spentDkk: 325_000,
      remainingDkk: -25_000,
    });
    expect(line('entrepreneurs')).toMatchObject({ budgetDkk: 0, spentDkk: 5_000 });
    expect(seen.totals).toEqual({ budgetDkk: 700_000, spentDkk: 680_000, remainingDkk: 20_000 });
    await expectAppError(approveFinancialReport(db, regionStaff, grantId, now), 'forbidden');
    await expectAppError(financialReportOf(db, unrelatedFunderStaff, grantId), 'forbidden');
    await approveFinancialReport(db, ministryStaff, grantId, now);
    expect((await financialReportOf(db, clusterStaff, grantId)).status).toBe('approved');
    await expectAppError(
      submitFinancialReport(db, clusterStaff, grantId, report({ networking: '1' }), now),
      'conflict',
    );
    expect(await auditRows('grant_budget_lines', clusterStaff)).toBe(7);
    expect(await auditRows('grant_financial_reports', ministryStaff)).toBe(1);
  });

  it('moves an approved budget shift in the budget split, and refuses one larger than the category', async () => {
    const db = database.db;
    const id = await requestChange(db, clusterStaff, grantId, shift('100.000'), now);
    await decideChange(db, ministryStaff, { grantId, requestId: id }, decision('approve'), now);
    const { lines, totals } = await financialReportOf(db, clusterStaff, grantId);
    expect(lines.find((l) => l.category === 'networking')?.budgetDkk).toBe(300_000);
    expect(lines.find((l) => l.category === 'internationalisation')?.budgetDkk).toBe(400_000);
    expect(totals.budgetDkk).toBe(700_000);
    const tooLarge = await requestChange(db, clusterStaff, grantId, shift('300.001'), now);
    await expectAppError(
      decideChange(db, ministryStaff, { grantId, requestId: tooLarge }, decision('approve'), now),
      'conflict',
    );
    const { requests } = await changeRequestsOf(db, clusterStaff, grantId);
    expect(requests.find((r) => r.id === tooLarge)?.status).toBe('submitted');
  });
});
