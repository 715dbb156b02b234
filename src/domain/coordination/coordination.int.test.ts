import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { startSmtpServer } from '../../../test/support/smtp.ts';
import { type Actor, systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, clusters, fundingGrants, organisations } from '../../db/schema/index.ts';
import type { AppError } from '../errors.ts';
import { markNotificationsRead } from '../notifications/commands.ts';
import { notificationsFor, unreadCount } from '../notifications/queries.ts';
import type { Principal } from '../policy/policy.ts';
import {
  closeInitiative,
  commentOnInitiative,
  findInitiative,
  initiativeCommentsOf,
  proposeInitiative,
} from './initiatives.ts';
import { clusterFunding, funderPortfolio, fundingOverlaps } from './queries.ts';

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
  const user = await createUser(database.db, 'funder', organisationId ? { organisationId } : {});
  const principal: Principal = {
    userId: user.id,
    memberships: [{ organisationId: user.organisationId, role: 'funder' }],
  };
  const actor: Actor = { userId: user.id, label: user.email };
  return { user, principal, actor };
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
    const p = await funderPortfolio(database.db, f1.slug);
    expect(p?.years).toEqual([2040, 2041]);
    expect(p?.clusters.map((c) => [c.name, c.amounts, c.totalDkk, c.responsible])).toEqual([
      ['Alfa Klynge', { 2040: 1_000_000, 2041: 1_250_000 }, 2_250_000, true],
      ['Beta Klynge', { 2040: 300_000 }, 300_000, false],
    ]);
    expect(p?.yearTotals).toEqual({ 2040: 1_300_000, 2041: 1_250_000 });
    expect(p?.totalDkk).toBe(2_550_000);
    // Per cluster: both funders of Alfa, the responsible one first, and the year's total
    const alfa = (await clusterFunding(database.db, 2040)).find((c) => c.clusterId === a);
    expect(alfa?.funders.map((f) => [f.name, f.amountDkk, f.responsible])).toEqual([
      ['Region Test', 1_000_000, true],
      [f2.name, 700_000, false],
    ]);
    expect(alfa?.totalDkk).toBe(1_700_000);
    expect(alfa?.regionCode).toBe(1083);
    expect(await funderPortfolio(database.db, 'no-such-funder')).toBeNull();
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
    const overlaps = await fundingOverlaps(database.db, 2050);
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
    expect(await fundingOverlaps(database.db, 2050)).toEqual([]);
    expect(await fundingOverlaps(database.db, 2051)).toEqual([]);
  });
});

describe('dialogue before new initiatives', () => {
  const input = {
    title: 'Brintpulje Vestjylland',
    description: 'En regional pulje til brintprojekter i klyngerne langs vestkysten.',
    theme: 'energy',
    regionCodes: ['1082'],
    budgetDkk: '12000000',
    decisionDate: '2031-06-30',
  };

  it('tells the other funders by e-mail through SMTP and in the portal, not the proposer', async () => {
    const { mailer, received, close } = await startSmtpServer();
    try {
      const owner = await funderUser();
      const other = await funderUser();
      const clusterStaff = await createUser(database.db, 'cluster_staff');
      const before = await unreadCount(database.db, other.principal);
      const result = await proposeInitiative(
        database.db,
        owner.actor,
        owner.principal,
        owner.user.organisationId,
        input,
        new Date('2031-05-01T08:00:00Z'),
        'https://klyngeportalen.example',
      );
      for (const mail of result.mails) await mailer.send(mail);
      const raw = received.find((r) => r.to.includes(other.user.email))?.data ?? '';
      // The body travels quoted-printable: undo the soft line breaks and =XX bytes.
      const body = decodeURIComponent(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, '%$1'));
      expect(body).toContain(`https://klyngeportalen.example/finansiering/initiativer/${result.id}`);
      expect(body).toContain('Titel: Brintpulje Vestjylland');
      expect(body).toContain('Planlagt budget: 12.000.000 kr.');
      expect(received.some((r) => r.to.includes(owner.user.email))).toBe(false);
      expect(received.some((r) => r.to.includes(clusterStaff.email))).toBe(false);
      // In the portal: the other funder has one more unread notification, linking to the initiative
      expect(await unreadCount(database.db, other.principal)).toBe(before + 1);
      const [latest] = await notificationsFor(database.db, other);
      expect(latest).toMatchObject({ link: `/finansiering/initiativer/${result.id}`, read: false });
      expect(latest?.text).toContain('Brintpulje Vestjylland');
      expect(await unreadCount(database.db, owner.principal)).toBe(0);
      await markNotificationsRead(database.db, other);
      expect(await unreadCount(database.db, other.principal)).toBe(0);
      // Audited with the proposer as actor
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
      expect(audit.map((a) => [a.entity, a.action, a.actorLabel])).toEqual([
        ['planned_initiatives', 'insert', owner.user.email],
      ]);
    } finally {
      await close();
    }
  });

  it('refuses a proposal with field errors, and one for another funder', async () => {
    const owner = await funderUser();
    const err = (await proposeInitiative(
      database.db,
      owner.actor,
      owner.principal,
      owner.user.organisationId,
      { ...input, title: '', regionCodes: [], budgetDkk: '-5', decisionDate: '2031-02-30' },
      new Date('2031-05-01T08:00:00Z'),
      'http://x',
    ).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation');
    expect(err.issues.map((i) => i.field).sort()).toEqual([
      'budgetDkk',
      'decisionDate',
      'regionCodes',
      'title',
    ]);
    const past = (await proposeInitiative(
      database.db,
      owner.actor,
      owner.principal,
      owner.user.organisationId,
      input,
      new Date('2031-07-01T08:00:00Z'),
      'http://x',
    ).catch((e: unknown) => e)) as AppError;
    expect(past.issues).toEqual([{ field: 'decisionDate', message: 'past' }]);
    const stranger = await createOrganisation(database.db, { kind: 'funder' });
    const forbidden = (await proposeInitiative(
      database.db,
      owner.actor,
      owner.principal,
      stranger.id,
      input,
      new Date('2031-05-01T08:00:00Z'),
      'http://x',
    ).catch((e: unknown) => e)) as AppError;
    expect(forbidden.code).toBe('forbidden');
  });

  it('takes comments until the end of the decision date in Copenhagen, then refuses them', async () => {
    const owner = await funderUser();
    const other = await funderUser();
    const { id } = await proposeInitiative(
      database.db,
      owner.actor,
      owner.principal,
      owner.user.organisationId,
      input,
      new Date('2031-05-01T08:00:00Z'),
      'http://x',
    );
    const comment = (body: string, at: string, who = other) =>
      commentOnInitiative(database.db, who.actor, who.principal, id, { body }, new Date(at), who.user.name);
    // 23:59 on 30 June in Copenhagen (summer time, UTC+2) is still the decision date
    await comment('Vi overvejer en lignende pulje; lad os tale sammen.', '2031-06-30T21:59:00Z');
    // 00:00 on 1 July in Copenhagen: the day has passed
    const late = (await comment('For sent.', '2031-06-30T22:00:00Z').catch((e: unknown) => e)) as AppError;
    expect(late.code).toBe('conflict');
    const own = (await comment('Egen kommentar', '2031-06-01T10:00:00Z', owner).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(own.code).toBe('forbidden');
    expect((await initiativeCommentsOf(database.db, id)).map((c) => c.body)).toEqual([
      'Vi overvejer en lignende pulje; lad os tale sammen.',
    ]);
    // The owner is told about the comment
    const [note] = await notificationsFor(database.db, owner);
    expect(note?.text).toContain('Ny kommentar');
    // Closing: only the owner; afterwards no comments even before the date
    const notOwner = (await closeInitiative(
      database.db,
      other.actor,
      other.principal,
      id,
      { outcome: 'decided', note: 'Besluttet' },
      new Date('2031-06-01T10:00:00Z'),
    ).catch((e: unknown) => e)) as AppError;
    expect(notOwner.code).toBe('forbidden');
    await closeInitiative(
      database.db,
      owner.actor,
      owner.principal,
      id,
      { outcome: 'abandoned', note: 'Dropper puljen efter høringen.' },
      new Date('2031-06-01T10:00:00Z'),
    );
    expect(await findInitiative(database.db, id)).toMatchObject({
      status: 'abandoned',
      outcomeNote: 'Dropper puljen efter høringen.',
    });
    const closed = (await comment('Stadig?', '2031-06-01T11:00:00Z').catch((e: unknown) => e)) as AppError;
    expect(closed.code).toBe('conflict');
  });
});
