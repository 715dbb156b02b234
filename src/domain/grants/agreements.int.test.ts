import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, skipPdf } from '../../../test/reports/helpers.ts';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createCluster, createOrganisation, randomCvr } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import {
  acceptAgreement,
  agreementPdf,
  agreementText,
  clusterGrants,
  grantReference,
  issueAgreement,
  sendAgreement,
} from './agreements.ts';
import { grantFacts } from './grant-facts.ts';
import { grantPaymentPlan, recordPayment, savePaymentPlan } from './payments.ts';
import { paymentPlanOfForm } from './schemas.ts';

let database: Database;
let admin: Caller;
let ministry: { id: string; name: string };
let ministryStaff: Caller;
let regionStaff: Caller;
let outsiderFunder: Caller;
let cluster: { id: string; name: string };
let clusterStaff: Caller;
let otherClusterStaff: Caller;
let grantId: string;
let coGrantId: string;

const AT = new Date('2025-01-15T10:00:00Z');

async function addGrant(funderId: string, clusterId: string, amountDkk: number) {
  const [row] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(fundingGrants)
      .values({ funderId, clusterId, year: 2025, amountDkk, source: 'finance_act' })
      .returning({ id: fundingGrants.id }),
  );
  if (!row) throw new Error('no grant');
  return row.id;
}

const audited = async (entity: string, actor: Caller) => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_log where entity = ${entity} and actor_label = ${actor.actor.label}`,
  );
  return row?.n;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  admin = await createCaller(db, 'admin');
  ministry = await createOrganisation(db, {
    kind: 'funder',
    name: 'Testministeriet',
    address: 'Slotsholmsgade 1, 1216 København K',
  });
  const region = await createOrganisation(db, { kind: 'funder', funderLevel: 'regional' });
  const outsider = await createOrganisation(db, { kind: 'funder', funderLevel: 'municipal' });
  ministryStaff = await createCaller(db, 'funder', { organisationId: ministry.id });
  regionStaff = await createCaller(db, 'funder', { organisationId: region.id });
  outsiderFunder = await createCaller(db, 'funder', { organisationId: outsider.id });
  cluster = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Aftaleklyngen',
    slug: `aftale-${randomCvr()}`,
  });
  const other = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Anden klynge',
    slug: `anden-${randomCvr()}`,
  });
  clusterStaff = await createCaller(db, 'cluster_staff', { organisationId: cluster.id });
  otherClusterStaff = await createCaller(db, 'cluster_staff', { organisationId: other.id });
  grantId = await addGrant(ministry.id, cluster.id, 1_200_000);
  coGrantId = await addGrant(region.id, cluster.id, 400_000);
});
afterAll(() => database?.close());

const plan = (rows: Record<string, string>) => paymentPlanOfForm(rows).instalments;

describe('the payment plan', () => {
  it('reads the form row by row and names the field of each problem', () => {
    expect(
      paymentPlanOfForm({ dueOn1: '2025-02-01', amount1: '600.000', dueOn3: '2025-13-01', amount3: '' }),
    ).toEqual({
      instalments: [{ dueOn: '2025-02-01', amountDkk: 600_000 }],
      issues: [
        { field: 'dueOn3', message: 'invalidDate' },
        { field: 'amount3', message: 'required' },
      ],
    });
    expect(paymentPlanOfForm({}).issues).toEqual([{ field: 'plan', message: 'planEmpty' }]);
  });

  it('is kept by the grant’s own funder only', async () => {
    const rows = plan({ dueOn1: '2025-02-01', amount1: '1.200.000' });
    for (const caller of [regionStaff, outsiderFunder, clusterStaff, otherClusterStaff])
      await expectAppError(savePaymentPlan(database.db, caller, grantId, rows), 'forbidden');
    expect((await grantPaymentPlan(database.db, ministryStaff, grantId)).instalments).toEqual([]);
  });

  it('refuses instalments that do not add up to the grant, writing nothing', async () => {
    const short = plan({
      dueOn1: '2025-02-01',
      amount1: '600.000',
      dueOn2: '2025-08-01',
      amount2: '500.000',
    });
    const error = await savePaymentPlan(database.db, ministryStaff, grantId, short).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation', issues: [{ field: 'plan', message: 'planSum' }] });
    expect((await grantPaymentPlan(database.db, ministryStaff, grantId)).plannedDkk).toBe(0);
  });

  it('saves instalments that add up to the grant, with the totals', async () => {
    const rows = plan({
      dueOn1: '2025-08-01',
      amount1: '400.000',
      dueOn2: '2025-02-01',
      amount2: '500.000',
      dueOn3: '2025-11-01',
      amount3: '300.000',
    });
    await savePaymentPlan(database.db, ministryStaff, grantId, rows);
    const saved = await grantPaymentPlan(database.db, clusterStaff, grantId);
    expect(saved.instalments.map((i) => [i.dueOn, i.amountDkk, i.paidOn])).toEqual([
      ['2025-02-01', 500_000, null],
      ['2025-08-01', 400_000, null],
      ['2025-11-01', 300_000, null],
    ]);
    expect(saved).toMatchObject({ plannedDkk: 1_200_000, paidDkk: 0, outstandingDkk: 1_200_000 });
    // a co-funder reads it; a funder of neither the grant nor the cluster does not
    expect((await grantPaymentPlan(database.db, regionStaff, grantId)).plannedDkk).toBe(1_200_000);
    await expectAppError(grantPaymentPlan(database.db, outsiderFunder, grantId), 'forbidden');
    await expectAppError(grantPaymentPlan(database.db, otherClusterStaff, grantId), 'forbidden');
    expect(await audited('grant_instalments', ministryStaff)).toBe(3);
  });
});

describe('the grant agreement', () => {
  it('cannot be sent before it is drawn up, nor drawn up by another funder or the cluster', async () => {
    await expectAppError(sendAgreement(database.db, ministryStaff, grantId, AT), 'conflict');
    for (const caller of [regionStaff, outsiderFunder, clusterStaff])
      await expectAppError(issueAgreement(database.db, caller, grantId, {}, AT), 'forbidden');
  });

  it('is drawn up as a draft that co-funders read and the cluster does not see yet', async () => {
    await issueAgreement(
      database.db,
      ministryStaff,
      grantId,
      { conditions: 'Klyngen deltager i to netværksmøder.' },
      AT,
    );
    const facts = await grantFacts(database.db, regionStaff, grantId);
    expect(facts.agreement?.status).toBe('draft');
    const text = await agreementText(database.db, regionStaff, grantId, AT);
    expect(text.lines.slice(0, 3)).toEqual(['Testministeriet', 'Slotsholmsgade 1', '1216 København K']);
    expect(text.lines).toContain('Til: Aftaleklyngen');
    expect(text.lines).toContain(`J.nr.: BEV-2025-${grantId.slice(0, 8).toUpperCase()}`);
    expect(text.lines).toContain('Bevillingsaftale: Aftaleklyngen 2025');
    expect(text.lines).toContain('  1. februar 2025: 500.000 kr.');
    expect(text.lines).toContain('Klyngen deltager i to netværksmøder.');
    expect(text.lines.join('\n')).toContain('et tilskud på 1.200.000 kr.');
    await expectAppError(agreementText(database.db, clusterStaff, grantId, AT), 'not_found');
    await expectAppError(acceptAgreement(database.db, clusterStaff, grantId, AT), 'not_found');
    await expectAppError(agreementText(database.db, outsiderFunder, grantId, AT), 'forbidden');
    const listed = await clusterGrants(database.db, clusterStaff);
    expect(listed.map((g) => `${g.id} ${g.amountDkk} ${g.agreementStatus}`).sort()).toEqual(
      [`${grantId} 1200000 null`, `${coGrantId} 400000 null`].sort(),
    );
  });

  it('is sent once; the plan is then fixed', async () => {
    await expectAppError(sendAgreement(database.db, regionStaff, grantId, AT), 'forbidden');
    await sendAgreement(database.db, ministryStaff, grantId, new Date('2025-01-20T09:00:00Z'));
    await expectAppError(sendAgreement(database.db, ministryStaff, grantId, AT), 'conflict');
    await expectAppError(issueAgreement(database.db, ministryStaff, grantId, {}, AT), 'conflict');
    await expectAppError(
      savePaymentPlan(
        database.db,
        ministryStaff,
        grantId,
        plan({ dueOn1: '2025-02-01', amount1: '1.200.000' }),
      ),
      'conflict',
    );
    const text = await agreementText(database.db, clusterStaff, grantId, AT);
    expect(text.lines).toContain('Dato: 20. januar 2025');
  });

  it('is refused when the plan does not add up to the grant', async () => {
    await issueAgreement(database.db, admin, coGrantId, {}, AT);
    const error = await sendAgreement(database.db, admin, coGrantId, AT).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', issues: [{ field: 'plan', message: 'planIncomplete' }] });
  });

  it('is accepted by the cluster’s own staff, once, with who and when', async () => {
    for (const caller of [ministryStaff, regionStaff])
      await expectAppError(acceptAgreement(database.db, caller, grantId, AT), 'forbidden');
    await expectAppError(acceptAgreement(database.db, otherClusterStaff, grantId, AT), 'forbidden');
    await acceptAgreement(database.db, clusterStaff, grantId, new Date('2025-01-22T12:00:00Z'));
    await expectAppError(acceptAgreement(database.db, clusterStaff, grantId, AT), 'conflict');
    const [row] = await queryRows<{ status: string; by: string; at: Date }>(
      database.db,
      sql`select status, accepted_by as by, accepted_at as at from grant_agreements where grant_id = ${grantId}`,
    );
    expect(row?.status).toBe('accepted');
    expect(row?.by).toBe(clusterStaff.principal.userId);
    expect(new Date(row?.at ?? 0).toISOString()).toBe('2025-01-22T12:00:00.000Z');
    const listed = await clusterGrants(database.db, clusterStaff);
    expect(listed.find((g) => g.id === grantId)).toMatchObject({
      funderName: 'Testministeriet',
      agreementStatus: 'accepted',
    });
    await expectAppError(clusterGrants(database.db, ministryStaff), 'forbidden');
    // drawn up and sent by the funder, accepted by the cluster: each in the audit log
    expect(await audited('grant_agreements', ministryStaff)).toBe(2);
    expect(await audited('grant_agreements', clusterStaff)).toBe(1);
  });

  it('prints as a PDF with the grant’s facts', async () => {
    const { pdf, reference } = await agreementPdf(database.db, clusterStaff, grantId, AT);
    expect(reference).toBe(grantReference({ id: grantId, year: 2025 }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!skipPdf) {
      const text = await pdfText(pdf);
      expect(text).toContain('Bevillingsaftale: Aftaleklyngen 2025');
      expect(text).toContain(`J.nr.: ${reference}`);
      expect(text).toContain('1. august 2025: 400.000 kr.');
      expect(text).toContain('Accepteret af');
    }
  });
});

describe('payments', () => {
  it('are recorded paid and not paid by the grant’s funder only', async () => {
    const { instalments } = await grantPaymentPlan(database.db, ministryStaff, grantId);
    const first = instalments[0]?.id ?? '';
    for (const caller of [regionStaff, clusterStaff])
      await expectAppError(recordPayment(database.db, caller, grantId, first, '2025-02-03'), 'forbidden');
    await expectAppError(
      recordPayment(database.db, ministryStaff, grantId, first, '2025-02-30'),
      'validation',
    );
    // an instalment of another grant is not found there
    await expectAppError(recordPayment(database.db, admin, coGrantId, first, '2025-02-03'), 'not_found');
    await recordPayment(database.db, ministryStaff, grantId, first, '2025-02-03');
    const paid = await grantPaymentPlan(database.db, clusterStaff, grantId);
    expect(paid).toMatchObject({ paidDkk: 500_000, outstandingDkk: 700_000 });
    expect(paid.instalments[0]?.paidOn).toBe('2025-02-03');
    const listed = await clusterGrants(database.db, clusterStaff);
    expect(listed.find((g) => g.id === grantId)?.paidDkk).toBe(500_000);
    await recordPayment(database.db, ministryStaff, grantId, first, null);
    expect((await grantPaymentPlan(database.db, regionStaff, grantId)).paidDkk).toBe(0);
  });
});
