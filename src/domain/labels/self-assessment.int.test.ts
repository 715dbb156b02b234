import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { LABEL_CRITERIA } from './criteria.ts';
import { addImprovementAction, markActionDone } from './improvement-plan.ts';
import { saveSelfAssessment, selfAssessmentOf } from './self-assessment.ts';

let database: Database;
let cluster: { id: string; slug: string };
let staff: Caller;
let otherStaff: Caller;
let support: Caller;
let funder: Caller;
const NOW = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  cluster = await createOrganisation(database.db);
  staff = await createCaller(database.db, 'cluster_staff', { organisationId: cluster.id });
  otherStaff = await createCaller(database.db, 'cluster_staff');
  support = await createCaller(database.db, 'support_staff');
  funder = await createCaller(database.db, 'funder');
});
afterAll(() => database?.close());

/** Every criterion met ('2'), with some overrides. */
const allMet = (over: Record<string, string> = {}) => ({
  ...Object.fromEntries(LABEL_CRITERIA.map((c) => [c.key, '2'])),
  ...over,
});

const rows = async () => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from label_self_assessments`,
  );
  return Number(row?.n);
};

describe('label self-assessment', () => {
  it('starts empty, with no level; the cluster saves scores and sees the level they indicate', async () => {
    const before = await selfAssessmentOf(database.db, staff, cluster.slug);
    expect(before).toMatchObject({ scores: {}, level: null, updatedAt: null, mayEdit: true });
    expect(await saveSelfAssessment(database.db, staff, cluster.id, allMet(), NOW)).toBe('gold');
    // Three of 13 partly: 10 met is 76.9 % (< 80 %), 23 of 26 points: Silver.
    const partly = allMet({ members: '1', board: '1', budget: '1' });
    expect(await saveSelfAssessment(database.db, staff, cluster.id, partly, NOW)).toBe('silver');
    const after = await selfAssessmentOf(database.db, staff, cluster.slug);
    expect(after).toMatchObject({ level: 'silver', updatedAt: NOW });
    expect(after.scores.members).toBe(1);
    expect(after.scores.strategy).toBe(2);
  });

  it('lets the support function read it, not change it; refuses other clusters and funders', async () => {
    const seen = await selfAssessmentOf(database.db, support, cluster.slug);
    expect(seen).toMatchObject({ level: 'silver', mayEdit: false });
    await expectAppError(selfAssessmentOf(database.db, otherStaff, cluster.slug), 'forbidden');
    await expectAppError(selfAssessmentOf(database.db, funder, cluster.slug), 'forbidden');
    for (const who of [support, otherStaff, funder])
      await expectAppError(saveSelfAssessment(database.db, who, cluster.id, allMet(), NOW), 'forbidden');
    expect((await selfAssessmentOf(database.db, staff, cluster.slug)).level).toBe('silver');
  });

  it('refuses a criterion left out or scored outside 0-2, naming each, and writes nothing', async () => {
    const other = await createOrganisation(database.db);
    const otherOwn = await createCaller(database.db, 'cluster_staff', { organisationId: other.id });
    const before = await rows();
    const { members: _, ...missing } = allMet({ board: '3' });
    const error = await saveSelfAssessment(database.db, otherOwn, other.id, missing, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'validation' });
    expect((error as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual([
      'board',
      'members',
    ]);
    expect(await rows()).toBe(before);
  });
});

describe('improvement plan', () => {
  it('lets the cluster add dated actions and mark them done once; others are refused', async () => {
    const id = await addImprovementAction(database.db, staff, cluster.id, {
      title: ' Mål medlemstilfredshed ',
      dueOn: '2027-03-01',
    });
    await addImprovementAction(database.db, staff, cluster.id, {
      title: 'Skriv strategien',
      dueOn: '2027-01-15',
    });
    await markActionDone(database.db, staff, { clusterId: cluster.id, id }, '2027-02-20');
    const seen = await selfAssessmentOf(database.db, support, cluster.slug);
    expect(seen.actions.map((a) => [a.title, a.dueOn, a.doneOn])).toEqual([
      ['Skriv strategien', '2027-01-15', null],
      ['Mål medlemstilfredshed', '2027-03-01', '2027-02-20'],
    ]);
    await expectAppError(
      markActionDone(database.db, staff, { clusterId: cluster.id, id }, '2027-02-21'),
      'conflict',
    );
    for (const who of [support, otherStaff, funder]) {
      await expectAppError(
        addImprovementAction(database.db, who, cluster.id, { title: 'Nej', dueOn: '2027-01-01' }),
        'forbidden',
      );
      await expectAppError(
        markActionDone(database.db, who, { clusterId: cluster.id, id }, '2027-02-21'),
        'forbidden',
      );
    }
  });

  it('refuses an action without a title or a real date', async () => {
    for (const input of [
      { title: '', dueOn: '2027-01-01' },
      { title: 'Dato', dueOn: '2027-02-30' },
    ])
      await expectAppError(addImprovementAction(database.db, staff, cluster.id, input), 'validation');
  });
});
