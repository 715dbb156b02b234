import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith, createUserAndCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { startSmtpServer } from '../../../test/support/smtp.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, clusters, fundingGrants, fundingPlans, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import type { AppError } from '../errors.ts';
import { markNotificationsRead } from '../notifications/commands.ts';
import { notificationsFor, unreadCount } from '../notifications/queries.ts';
import { coordinationOverview, funderPortfolio } from './funding-overview.ts';
import { fundingPlanDetail, fundingPlanFormChoices, fundingPlanList } from './funding-plan-queries.ts';
import { closeFundingPlan, commentOnFundingPlan, proposeFundingPlan } from './funding-plans.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

let seq = 0;
async function cluster(name: string, seat: number, themes: string[]) {
  const id = crypto.randomUUID();
  seq += 1;
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.insert(organisations).values({
      id,
      kind: 'cluster_organisation',
      name,
      slug: `k-${seq}-${id.slice(0, 6)}`,
      municipalityCode: seat,
    });
    await tx.insert(clusters).values({ organisationId: id, league: 'regional', themes });
  });
  return id;
}

async function grant(
  funderId: string,
  clusterId: string,
  year: number,
  amountDkk: number,
  responsible = false,
) {
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.insert(fundingGrants).values({ funderId, clusterId, year, amountDkk, responsible }),
  );
}

async function funderUser(organisationId?: string) {
  const { user, caller } = await createUserAndCaller(
    database.db,
    'funder',
    organisationId ? { organisationId } : {},
  );
  return { user, ...caller };
}

async function adminCaller(): Promise<Caller> {
  return (await createUserAndCaller(database.db, 'admin')).caller;
}

/** The error a promise is rejected with (the test fails when it is not rejected). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as AppError,
  );
}

describe('funding coordination figures', () => {
  it('sums a funder’s portfolio per cluster, per year and overall in SQL', async () => {
    const f1 = await createOrganisation(database.db, { kind: 'funder', name: 'Region Test' });
    const f2 = await createOrganisation(database.db, { kind: 'funder' });
    const a = await cluster('Alfa Klynge', 461, ['robotics']);
    const b = await cluster('Beta Klynge', 851, ['food']);
    await grant(f1.id, a, 2040, 1_000_000, true);
    await grant(f1.id, a, 2041, 1_250_000, true);
    await grant(f1.id, b, 2040, 300_000);
    await grant(f2.id, a, 2040, 700_000);
    const admin = await adminCaller();
    const p = await funderPortfolio(database.db, admin, f1.slug);
    expect(p?.years).toEqual([2040, 2041]);
    expect(p?.clusters.map((c) => [c.name, c.amounts, c.totalDkk, c.responsible])).toEqual([
      ['Alfa Klynge', { 2040: 1_000_000, 2041: 1_250_000 }, 2_250_000, true],
      ['Beta Klynge', { 2040: 300_000 }, 300_000, false],
    ]);
    expect(p?.yearTotals).toEqual({ 2040: 1_300_000, 2041: 1_250_000 });
    expect(p?.totalDkk).toBe(2_550_000);
    // Per cluster: both funders of Alfa, the responsible one first, and the year's total
    const year2040 = await coordinationOverview(database.db, admin, { wantedYear: 2040, currentYear: 2041 });
    expect(year2040.year).toBe(2040);
    const alfa = year2040.clusters.find((c) => c.clusterId === a);
    expect(alfa?.funders.map((f) => [f.name, f.amountDkk, f.responsible])).toEqual([
      ['Region Test', 1_000_000, true],
      [f2.name, 700_000, false],
    ]);
    expect(alfa?.totalDkk).toBe(1_700_000);
    expect(alfa?.regionCode).toBe(1083);
    expect(year2040.totals.find((f) => f.funderId === f1.id)).toMatchObject({
      clusters: 2,
      totalDkk: 1_300_000,
    });
    expect((await refusal(funderPortfolio(database.db, admin, 'no-such-funder'))).code).toBe('not_found');
  });

  it('flags the same theme in the same region funded by funders that share no cluster', async () => {
    const region = await createOrganisation(database.db, { kind: 'funder', name: 'Regionen' });
    const town = await createOrganisation(database.db, { kind: 'funder', name: 'Kommunen' });
    const state = await createOrganisation(database.db, { kind: 'funder', name: 'Staten' });
    const odense = await cluster('Odense Robotter', 461, ['robotics', 'manufacturing']);
    const vejle = await cluster('Vejle Robotter', 630, ['robotics']);
    const cph = await cluster('København Robotter', 101, ['robotics']);
    const made = await cluster('Odense Produktion', 461, ['manufacturing']);
    const unfunded = await cluster('Vejle Uden Penge', 630, ['robotics']);
    await grant(region.id, odense, 2050, 2_000_000, true);
    await grant(town.id, vejle, 2050, 500_000, true);
    await grant(state.id, cph, 2050, 4_000_000, true);
    // Shares the region with Odense Robotter: its funder sees both, so no overlap on manufacturing
    await grant(region.id, made, 2050, 900_000, true);
    await grant(state.id, unfunded, 2050, 0);
    const admin = await adminCaller();
    const overlapsIn = async (year: number) =>
      (await coordinationOverview(database.db, admin, { wantedYear: year, currentYear: year })).overlaps;
    const overlaps = await overlapsIn(2050);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({
      theme: 'robotics',
      regionCode: 1083,
      regionName: 'Region Syddanmark',
    });
    expect(overlaps[0]?.clusters.map((c) => [c.name, c.funders])).toEqual([
      ['Odense Robotter', ['Regionen']],
      ['Vejle Robotter', ['Kommunen']],
    ]);
    // Once the region also funds Vejle Robotter, the two share a funder: no longer an overlap.
    await grant(region.id, vejle, 2050, 100_000);
    expect(await overlapsIn(2050)).toEqual([]);
    // A year without grants is not shown: the overview falls back to the latest funded year.
    const later = await coordinationOverview(database.db, admin, { wantedYear: 2051, currentYear: 2051 });
    expect(later.years).not.toContain(2051);
    expect(later.year).toBe(later.years[0]);
  });
});

describe('dialogue before new funding', () => {
  const input = {
    title: 'Brintpulje Vestjylland',
    description: 'En regional pulje til brintprojekter i klyngerne langs vestkysten.',
    theme: 'energy',
    regionCodes: ['1082'],
    budgetDkk: '12000000',
    decisionDate: '2031-06-30',
  };
  const proposing = { now: new Date('2031-05-01T08:00:00Z'), publicUrl: 'https://klyngeportalen.example' };

  it('tells the other funders by e-mail through SMTP and in the portal, not the proposer', async () => {
    const { mailer, received, close } = await startSmtpServer();
    try {
      const owner = await funderUser();
      const other = await funderUser();
      const clusterStaff = await createUser(database.db, 'cluster_staff');
      const before = await unreadCount(database.db, other.principal);
      const result = await proposeFundingPlan(database.db, owner, input, proposing);
      for (const mail of result.mails) await mailer.send(mail);
      const raw = received.find((r) => r.to.includes(other.user.email))?.data ?? '';
      // The body travels quoted-printable: undo the soft line breaks and =XX bytes.
      const body = decodeURIComponent(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
      expect(body).toContain(`https://klyngeportalen.example/finansiering/planer/${result.id}`);
      expect(body).toContain('har registreret en finansieringsplan for klynger');
      expect(body).toContain('Titel: Brintpulje Vestjylland');
      expect(body).toContain('Planlagt budget: 12.000.000 kr.');
      expect(received.some((r) => r.to.includes(owner.user.email))).toBe(false);
      expect(received.some((r) => r.to.includes(clusterStaff.email))).toBe(false);
      // In the portal: the other funder has one more unread notification, linking to the plan
      expect(await unreadCount(database.db, other.principal)).toBe(before + 1);
      const [latest] = await notificationsFor(database.db, other);
      expect(latest).toMatchObject({ link: `/finansiering/planer/${result.id}`, read: false });
      expect(latest?.text).toContain('Brintpulje Vestjylland');
      expect(await unreadCount(database.db, owner.principal)).toBe(0);
      await markNotificationsRead(database.db, other);
      expect(await unreadCount(database.db, other.principal)).toBe(0);
      // Audited with the proposer as actor
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
      expect(audit.map((a) => [a.entity, a.action, a.actorLabel])).toEqual([
        ['funding_plans', 'insert', owner.user.email],
      ]);
    } finally {
      await close();
    }
  });

  it('refuses a proposal with field errors, and one for another funder', async () => {
    const owner = await funderUser();
    const err = await refusal(
      proposeFundingPlan(
        database.db,
        owner,
        { ...input, title: '', regionCodes: [], budgetDkk: '-5', decisionDate: '2031-02-30' },
        proposing,
      ),
    );
    expect(err.code).toBe('validation');
    expect(err.issues.map((i) => i.field).sort()).toEqual([
      'budgetDkk',
      'decisionDate',
      'regionCodes',
      'title',
    ]);
    const past = await refusal(
      proposeFundingPlan(database.db, owner, input, { ...proposing, now: new Date('2031-07-01T08:00:00Z') }),
    );
    expect(past.issues).toEqual([{ field: 'decisionDate', message: 'past' }]);
    const stranger = await createOrganisation(database.db, { kind: 'funder' });
    const forbidden = await refusal(
      proposeFundingPlan(database.db, owner, { ...input, funderId: stranger.id }, proposing),
    );
    expect(forbidden.code).toBe('forbidden');
  });

  it('refuses every role but a funder to propose, and writes nothing', async () => {
    const plans = () => database.db.$count(fundingPlans);
    const before = await plans();
    for (const role of [
      'admin',
      'assessor',
      'cluster_staff',
      'support_staff',
      'business_service_staff',
    ] as const) {
      const { caller } = await createUserAndCaller(database.db, role);
      expect((await refusal(proposeFundingPlan(database.db, caller, input, proposing))).code, role).toBe(
        'forbidden',
      );
      expect((await refusal(fundingPlanFormChoices(database.db, caller))).code, role).toBe('forbidden');
    }
    const withoutMemberships = callerWith(await createUser(database.db, 'funder'), []);
    expect((await refusal(proposeFundingPlan(database.db, withoutMemberships, input, proposing))).code).toBe(
      'forbidden',
    );
    expect(await plans()).toBe(before);
  });

  it('shows plans, their pages and the figures to funders and admins only', async () => {
    const owner = await funderUser();
    const { id } = await proposeFundingPlan(database.db, owner, input, proposing);
    const now = proposing.now;
    for (const role of ['assessor', 'cluster_staff', 'support_staff', 'business_service_staff'] as const) {
      const { caller } = await createUserAndCaller(database.db, role);
      expect((await refusal(fundingPlanList(database.db, caller))).code, role).toBe('forbidden');
      expect((await refusal(fundingPlanDetail(database.db, caller, id, now))).code, role).toBe('forbidden');
      expect(
        (await refusal(coordinationOverview(database.db, caller, { currentYear: 2031 }))).code,
        role,
      ).toBe('forbidden');
      expect((await refusal(funderPortfolio(database.db, caller, 'any'))).code, role).toBe('forbidden');
    }
    const admin = await adminCaller();
    expect((await fundingPlanList(database.db, admin)).plans.some((p) => p.id === id)).toBe(true);
    expect((await fundingPlanList(database.db, admin)).mayPropose).toBe(false);
    expect((await fundingPlanList(database.db, owner)).mayPropose).toBe(true);
    expect((await fundingPlanDetail(database.db, admin, id, now)).may).toEqual({
      comment: false,
      commentsOpen: true,
      close: false,
    });
    expect((await refusal(fundingPlanDetail(database.db, admin, 'not-a-plan', now))).code).toBe('not_found');
  });

  it('takes comments until the end of the decision date in Copenhagen, then refuses them', async () => {
    const owner = await funderUser();
    const other = await funderUser();
    const { id } = await proposeFundingPlan(database.db, owner, input, proposing);
    const comment = (body: string, at: string, who: Caller = other) =>
      commentOnFundingPlan(database.db, who, id, { body }, new Date(at));
    // 23:59 on 30 June in Copenhagen (summer time, UTC+2) is still the decision date
    await comment('Vi overvejer en lignende pulje; lad os tale sammen.', '2031-06-30T21:59:00Z');
    // 00:00 on 1 July in Copenhagen: the day has passed
    expect((await refusal(comment('For sent.', '2031-06-30T22:00:00Z'))).code).toBe('conflict');
    expect((await refusal(comment('Egen kommentar', '2031-06-01T10:00:00Z', owner))).code).toBe('forbidden');
    for (const role of ['admin', 'cluster_staff', 'assessor'] as const) {
      const { caller } = await createUserAndCaller(database.db, role);
      expect((await refusal(comment('Udefra', '2031-06-01T10:00:00Z', caller))).code, role).toBe('forbidden');
    }
    const detail = await fundingPlanDetail(database.db, owner, id, new Date('2031-06-01T10:00:00Z'));
    expect(detail.comments.map((c) => [c.body, c.authorName])).toEqual([
      ['Vi overvejer en lignende pulje; lad os tale sammen.', other.user.name],
    ]);
    expect(detail.may).toEqual({ comment: false, commentsOpen: true, close: true });
    // The owner is told about the comment
    const [note] = await notificationsFor(database.db, owner);
    expect(note?.text).toContain('Ny kommentar');
    // Closing: only the owner; afterwards no comments even before the date
    const closing = { outcome: 'decided', note: 'Besluttet' };
    const at = new Date('2031-06-01T10:00:00Z');
    expect((await refusal(closeFundingPlan(database.db, other, id, closing, at))).code).toBe('forbidden');
    const admin = await adminCaller();
    expect((await refusal(closeFundingPlan(database.db, admin, id, closing, at))).code).toBe('forbidden');
    await closeFundingPlan(
      database.db,
      owner,
      id,
      { outcome: 'abandoned', note: 'Dropper puljen efter høringen.' },
      at,
    );
    expect((await fundingPlanDetail(database.db, owner, id, at)).plan).toMatchObject({
      status: 'abandoned',
      outcomeNote: 'Dropper puljen efter høringen.',
    });
    expect((await refusal(comment('Stadig?', '2031-06-01T11:00:00Z'))).code).toBe('conflict');
    expect((await refusal(closeFundingPlan(database.db, owner, id, closing, at))).code).toBe('conflict');
    expect(
      (await refusal(commentOnFundingPlan(database.db, other, crypto.randomUUID(), { body: 'Hej' }, at)))
        .code,
    ).toBe('not_found');
  });
});
