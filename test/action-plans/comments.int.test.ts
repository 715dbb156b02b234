import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import {
  addPlanComment,
  markCommentHandled,
  unhandledCommentCount,
} from '../../src/domain/action-plans/comments.ts';
import { savePlan } from '../../src/domain/action-plans/editing.ts';
import { planForCaller } from '../../src/domain/action-plans/plans.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { attentionOf } from '../../src/domain/landing/attention.ts';
import { notificationsFor } from '../../src/domain/notifications/queries.ts';
import { createCaller, expectAppError } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;
const NOW = new Date('2026-11-26T12:00:00Z');
const YEAR = 2026;

let cluster: { id: string; slug: string };
let unsavedCluster: { id: string; slug: string };
let staff: Caller;
let otherStaff: Caller;
let support: Caller;
let funder: Caller;
let admin: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  cluster = await createOrganisation(database.db);
  unsavedCluster = await createOrganisation(database.db);
  staff = await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
  otherStaff = await createCaller(database.db, 'cluster_staff', { organisationId: unsavedCluster.id });
  support = await createCaller(database.db, 'support_staff');
  funder = await createCaller(database.db, 'funder');
  admin = await createCaller(database.db, 'admin');
  // A draft: the support function gives its sparring before the plan is submitted.
  await savePlan(
    database.db,
    staff,
    cluster.id,
    YEAR,
    { goals: {}, activities: {}, narrative: 'Vi vil internationalisere.' },
    NOW,
  );
});
afterAll(() => database?.close());

const plan = () => ({ clusterId: cluster.id, year: YEAR });
const commentCount = async () => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from action_plan_comments`,
  );
  return Number(row?.n);
};

describe('sparring on an action plan', () => {
  it('lets the support function read a draft and comment on one section; the cluster is notified', async () => {
    const seen = await planForCaller(database.db, support, cluster.slug, YEAR, NOW);
    expect(seen.may).toMatchObject({ readContent: true, comment: true, handleComments: false, edit: false });
    expect(seen.plan.narrative).toBe('Vi vil internationalisere.');

    await addPlanComment(
      database.db,
      support,
      plan(),
      { section: 'narrative', body: '  Nævn gerne de konkrete markeder.  ' },
      NOW,
    );
    const own = await planForCaller(database.db, staff, cluster.slug, YEAR, NOW);
    expect(own.may.handleComments).toBe(true);
    expect(own.comments).toEqual([
      {
        id: expect.any(String),
        section: 'narrative',
        body: 'Nævn gerne de konkrete markeder.',
        authorName: 'Test support_staff',
        createdAt: NOW,
        handledAt: null,
      },
    ]);
    const [note] = await notificationsFor(database.db, staff);
    expect(note).toMatchObject({
      text: `Supportfunktionen har kommenteret handlingsplanen for ${YEAR}`,
      link: `/arbejdsrum/handlingsplaner/${cluster.slug}/${YEAR}`,
      read: false,
    });
    // Only the cluster's staff are told; the funders who decide the plan do not read the sparring.
    expect(await notificationsFor(database.db, otherStaff)).toEqual([]);
    const admins = await planForCaller(database.db, admin, cluster.slug, YEAR, NOW);
    expect(admins.comments).toEqual([]);
  });

  it('lets the cluster mark a comment handled once; the count of waiting comments follows', async () => {
    const id = await addPlanComment(database.db, support, plan(), { section: null, body: 'Godt mål.' }, NOW);
    const before = await unhandledCommentCount(database.db);
    const later = new Date(NOW.getTime() + 60_000);
    await markCommentHandled(database.db, staff, { ...plan(), id }, later);
    expect(await unhandledCommentCount(database.db)).toBe(before - 1);
    const own = await planForCaller(database.db, staff, cluster.slug, YEAR, NOW);
    expect(own.comments.find((c) => c.id === id)?.handledAt).toEqual(later);
    await expectAppError(markCommentHandled(database.db, staff, { ...plan(), id }, later), 'conflict');
  });

  it('records who commented and who handled it in the audit log', async () => {
    const id = await addPlanComment(
      database.db,
      support,
      plan(),
      { section: 'goals', body: 'Hæv målet.' },
      NOW,
    );
    await markCommentHandled(database.db, staff, { ...plan(), id }, NOW);
    const audit = await queryRows<{ label: string; op: string }>(
      database.db,
      sql`select actor_label as label, action as op from audit_log
          where entity = 'action_plan_comments' and entity_id = ${id} order by id`,
    );
    expect(audit).toEqual([
      { label: support.actor.label, op: 'insert' },
      { label: staff.actor.label, op: 'update' },
    ]);
  });
});

describe('sparring refuses what the rules do not allow, and writes nothing', () => {
  it('comments only from the support function', async () => {
    const before = await commentCount();
    for (const who of [staff, funder, admin])
      await expectAppError(
        addPlanComment(database.db, who, plan(), { section: null, body: 'Hej' }, NOW),
        'forbidden',
      );
    expect(await commentCount()).toBe(before);
  });

  it('marks handled only by the staff of the plan’s cluster', async () => {
    const id = await addPlanComment(
      database.db,
      support,
      plan(),
      { section: null, body: 'Tjek budget.' },
      NOW,
    );
    for (const who of [otherStaff, support, funder, admin])
      await expectAppError(markCommentHandled(database.db, who, { ...plan(), id }, NOW), 'forbidden');
    await expectAppError(
      markCommentHandled(database.db, staff, { ...plan(), id: 'not-a-uuid' }, NOW),
      'not_found',
    );
    // A comment named under another plan's path is not found there.
    await expectAppError(
      markCommentHandled(database.db, staff, { ...plan(), year: YEAR - 1, id }, NOW),
      'not_found',
    );
  });

  it('refuses empty, too long and misplaced comments, and plans never saved', async () => {
    const before = await commentCount();
    const bad = [
      { section: null, body: '   ' },
      { section: null, body: 'x'.repeat(2001) },
      { section: 'budget' as 'goals', body: 'Hej' },
    ];
    for (const input of bad)
      await expectAppError(addPlanComment(database.db, support, plan(), input, NOW), 'validation');
    await expectAppError(
      addPlanComment(
        database.db,
        support,
        { clusterId: unsavedCluster.id, year: YEAR },
        { section: null, body: 'Hej' },
        NOW,
      ),
      'conflict',
    );
    expect(await commentCount()).toBe(before);
  });
});

describe('the landing pages list the sparring waiting for an answer', () => {
  it('shows the support function every unhandled comment and the cluster those on its own plans', async () => {
    await addPlanComment(database.db, support, plan(), { section: null, body: 'Endnu en.' }, NOW);
    const count = async (where: ReturnType<typeof sql>) => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from action_plan_comments where handled_at is null ${where}`,
      );
      return Number(row?.n);
    };
    const all = await count(sql``);
    const own = await count(sql`and cluster_id = ${cluster.id}`);
    expect(all).toBeGreaterThan(0);
    const kinds = async (who: Caller) =>
      (await attentionOf(database.db, who, NOW)).filter((i) => i.kind.startsWith('planComments'));
    expect(await kinds(support)).toEqual([{ kind: 'planCommentsWaiting', count: all }]);
    expect(await kinds(staff)).toEqual([{ kind: 'planCommentsToHandle', count: own }]);
    expect(await kinds(otherStaff)).toEqual([]);
    expect(await kinds(funder)).toEqual([]);
  });
});
