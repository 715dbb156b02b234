import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { reportingPeriods } from '../../src/db/schema/index.ts';
import type { Caller } from '../../src/domain/caller.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Role } from '../../src/domain/policy/policy.ts';
import {
  type ActivityInput,
  createActivity,
  deleteActivity,
  updateActivity,
} from '../../src/domain/reporting/activities/commands.ts';
import {
  addParticipant,
  type ParticipantInput,
  removeParticipant,
  updateParticipant,
} from '../../src/domain/reporting/activities/participants.ts';
import {
  activityForEditing,
  getActivity,
  listActivities,
  reportableClusters,
} from '../../src/domain/reporting/activities/queries.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser } from '../support/factories.ts';
import { dataFingerprint, deliver, textFile } from './delivery-helpers.ts';

let database: Database;
const CVR_A = '29403473';
const CVR_B = '12345674';
let A: string;
let B: string;
let staffA: Caller;
let staffB: Caller;
let funder: Caller;

const cluster = async (cvr: string, name: string) =>
  (await createCluster(database.db, { cvr, name, slug: `k-${cvr}` })).id;

async function callerFor(role: Role, organisationId?: string): Promise<Caller> {
  const u = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return {
    principal: { userId: u.id, memberships: [{ organisationId: u.organisationId, role }] },
    actor: { userId: u.id, label: u.email },
  };
}

/** The error a command throws, as (code, [field, issue code]) pairs. */
async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, issues: err.issues.map((i) => [i.field, i.message]) };
  }
  throw new Error('expected the command to refuse');
}

const validActivity: ActivityInput = {
  activity_ref: 'M-1',
  title: 'Matchmaking om droner',
  category: 'innovation_collaboration',
  start_date: '2024-04-10',
  end_date: '2024-04-11',
  municipality_code: '461',
  grant_dkk: '15000',
  external_funding_dkk: '0',
  private_cofinancing_hours: '12.5',
};

beforeAll(async () => {
  database = await createTestDatabase();
  A = await cluster(CVR_A, 'Droneklyngen');
  B = await cluster(CVR_B, 'Fødevareklyngen');
  staffA = await callerFor('cluster_staff', A);
  staffB = await callerFor('cluster_staff', B);
  funder = await callerFor('funder');
});
afterAll(() => database?.close());

const audit = (entity: string, id: string) =>
  queryRows<{ action: string; actor_label: string; before: unknown; after: unknown }>(
    database.db,
    sql`select action, actor_label, before, after from audit_log where entity = ${entity} and entity_id = ${id} order by id`,
  );

describe('creating and editing an activity by hand', () => {
  it('creates an activity, audited under the user, and shows it with its fields', async () => {
    const id = await createActivity(database.db, staffA, A, validActivity);
    const a = await getActivity(database.db, staffA, id);
    expect(a).toMatchObject({
      activityRef: 'M-1',
      title: 'Matchmaking om droner',
      startDate: '2024-04-10',
      endDate: '2024-04-11',
      year: 2024,
      municipalityCode: 461,
      grantDkk: 15000,
      privateCofinancingHours: 12.5,
      locked: false,
      mayWrite: true,
      participants: [],
    });
    const rows = await audit('activities', String(id));
    expect(rows.map((r) => [r.action, r.actor_label])).toEqual([['insert', staffA.actor.label]]);
  });

  it('refuses a second activity with the same reference in the cluster, but not in another cluster', async () => {
    expect(await refusal(createActivity(database.db, staffA, A, validActivity))).toEqual({
      code: 'validation',
      issues: [['activity_ref', 'activityRefTaken']],
    });
    await expect(createActivity(database.db, staffB, B, validActivity)).resolves.toBeGreaterThan(0);
  });

  it('updates an activity; moving it to another year moves its participations too', async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'M-2' });
    await addParticipant(database.db, staffA, id, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
    });
    await updateActivity(database.db, staffA, id, {
      ...validActivity,
      activity_ref: 'M-2',
      start_date: '2023-12-01',
      end_date: '',
    });
    const a = await getActivity(database.db, staffA, id);
    expect([a.year, a.endDate, a.title]).toEqual([2023, null, validActivity.title]);
    const [p] = await queryRows<{ year: number }>(
      database.db,
      sql`select year from participations where activity_id = ${id}`,
    );
    expect(Number(p?.year)).toBe(2023);
    const updates = (await audit('activities', String(id))).filter((r) => r.action === 'update');
    expect(updates).toHaveLength(1);
  });

  it('lists own activities with filters by year, category and text, paged, with participant counts', async () => {
    for (let i = 0; i < 5; i++)
      await createActivity(database.db, staffA, A, {
        ...validActivity,
        activity_ref: `L-${i}`,
        title: `Netværksmøde ${i}`,
        category: 'networking',
        start_date: `2022-0${i + 1}-15`,
        end_date: '',
      });
    const all = await listActivities(database.db, staffA, {});
    expect(all.total).toBe(7);
    expect(all.years).toEqual([2024, 2023, 2022]);
    expect(all.items.every((i) => i.clusterId === A)).toBe(true);
    const m2 = all.items.find((i) => i.activityRef === 'M-2');
    expect(m2?.participants).toBe(1);
    const y = await listActivities(database.db, staffA, { year: 2022, category: 'networking' });
    expect(y.total).toBe(5);
    const text = await listActivities(database.db, staffA, { q: 'møde 3' });
    expect(text.items.map((i) => i.activityRef)).toEqual(['L-3']);
    const page2 = await listActivities(database.db, staffA, { year: 2022 }, 2, 2);
    expect(page2.total).toBe(5);
    expect(page2.items.map((i) => i.activityRef)).toEqual(['L-2', 'L-1']);
    const none = await listActivities(database.db, staffA, { q: '100%_' });
    expect(none.total).toBe(0);
  });
});

describe('participants by hand', () => {
  let activityId: number;
  beforeAll(async () => {
    activityId = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'P-1' });
  });

  it('adds a company, a knowledge institution and a foreign participant; companies are kept once per CVR, latest wins', async () => {
    const company: ParticipantInput = {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS (nyt navn)',
      employees: '12',
      municipality_code: '101',
      industry_code: '620100',
      new_product: '1',
    };
    const pid = await addParticipant(database.db, staffA, activityId, company);
    await addParticipant(database.db, staffA, activityId, {
      participant_type: 'knowledge_institution',
      cvr: '12345674',
      name: 'Universitetet',
    });
    await addParticipant(database.db, staffA, activityId, {
      participant_type: 'foreign',
      name: 'Svensk AB',
      country: 'se',
    });
    const a = await getActivity(database.db, staffA, activityId);
    expect(a.participants.map((p) => [p.name, p.participantType, p.cvr, p.country])).toEqual([
      ['Firma ApS (nyt navn)', 'company', '10000009', null],
      ['Svensk AB', 'foreign', null, 'SE'],
      ['Universitetet', 'knowledge_institution', '12345674', null],
    ]);
    expect(a.participants[0]).toMatchObject({ employees: 12, newProduct: true, newIdea: false, id: pid });
    // The participation keeps the company as this cluster describes it (format 1.1).
    const [c] = await queryRows<{ name: string }>(
      database.db,
      sql`select name from participations where id = ${pid}`,
    );
    expect(c?.name).toBe('Firma ApS (nyt navn)');
    const rows = await audit('participations', String(pid));
    expect(rows.map((r) => [r.action, r.actor_label])).toEqual([['insert', staffA.actor.label]]);
  });

  it('refuses a participant twice in one activity: by CVR, and by name and country for foreign ones', async () => {
    expect(
      await refusal(
        addParticipant(database.db, staffA, activityId, {
          participant_type: 'company',
          cvr: '10000009',
          name: 'X',
        }),
      ),
    ).toEqual({ code: 'validation', issues: [['cvr', 'duplicateParticipant']] });
    expect(
      await refusal(
        addParticipant(database.db, staffA, activityId, {
          participant_type: 'foreign',
          name: 'Svensk AB',
          country: 'SE',
        }),
      ),
    ).toEqual({ code: 'validation', issues: [['name', 'duplicateParticipant']] });
    // The same name from another country is another participant.
    await expect(
      addParticipant(database.db, staffA, activityId, {
        participant_type: 'foreign',
        name: 'Svensk AB',
        country: 'NO',
      }),
    ).resolves.toBeGreaterThan(0);
  });

  it('edits and removes a participant, each change audited with before and after', async () => {
    const a = await getActivity(database.db, staffA, activityId);
    const uni = a.participants.find((p) => p.cvr === '12345674');
    if (!uni) throw new Error('no participant');
    await updateParticipant(database.db, staffA, activityId, uni.id, {
      participant_type: 'knowledge_institution',
      cvr: '12345674',
      name: 'Universitetet',
      new_competence: '1',
    });
    const other = a.participants.find((p) => p.cvr === '10000009');
    if (!other) throw new Error('no participant');
    // Editing one participant into another's CVR is the duplicate rule again.
    expect(
      await refusal(
        updateParticipant(database.db, staffA, activityId, uni.id, {
          participant_type: 'company',
          cvr: '10000009',
          name: 'X',
        }),
      ),
    ).toEqual({ code: 'validation', issues: [['cvr', 'duplicateParticipant']] });
    await removeParticipant(database.db, staffA, activityId, uni.id);
    const rows = await audit('participations', String(uni.id));
    expect(rows.map((r) => r.action)).toEqual(['insert', 'update', 'delete']);
    expect(rows[1]?.before).toMatchObject({ new_competence: false });
    expect(rows[1]?.after).toMatchObject({ new_competence: true });
    const after = await getActivity(database.db, staffA, activityId);
    expect(after.participants.some((p) => p.id === uni.id)).toBe(false);
  });

  it('deletes an activity with its participants, all recorded in the audit log', async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'D-1' });
    const pid = await addParticipant(database.db, staffA, id, {
      participant_type: 'public',
      cvr: '29403473',
      name: 'Kommunen',
    });
    await deleteActivity(database.db, staffA, id);
    expect((await refusal(getActivity(database.db, staffA, id))).code).toBe('not_found');
    expect((await audit('activities', String(id))).map((r) => r.action)).toEqual(['insert', 'delete']);
    expect((await audit('participations', String(pid))).map((r) => r.action)).toEqual(['insert', 'delete']);
  });
});

describe('tenancy', () => {
  it("cluster staff cannot read or change another cluster's activity (403), nor see it in their list", async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'T-1' });
    const before = await dataFingerprint(database);
    expect((await refusal(getActivity(database.db, staffB, id))).code).toBe('forbidden');
    expect((await refusal(updateActivity(database.db, staffB, id, validActivity))).code).toBe('forbidden');
    expect((await refusal(deleteActivity(database.db, staffB, id))).code).toBe('forbidden');
    expect(
      (
        await refusal(
          addParticipant(database.db, staffB, id, {
            participant_type: 'company',
            cvr: '10000009',
            name: 'X',
          }),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (await refusal(createActivity(database.db, staffB, A, { ...validActivity, activity_ref: 'T-2' }))).code,
    ).toBe('forbidden');
    expect(await dataFingerprint(database)).toBe(before);
    const listB = await listActivities(database.db, staffB, {});
    expect(listB.items.map((i) => i.clusterId)).toEqual([B]);
    // Asking for cluster A's activities by filter does not widen what B's staff read.
    expect((await listActivities(database.db, staffB, { clusterId: A })).items).toEqual([]);
    expect((await refusal(getActivity(database.db, staffB, 999_999))).code).toBe('not_found');
  });

  it('funders read every cluster but write none', async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'F-1' });
    const a = await getActivity(database.db, funder, id);
    expect(a.mayWrite).toBe(false);
    const list = await listActivities(database.db, funder, {});
    expect(new Set(list.items.map((i) => i.clusterId))).toEqual(new Set([A, B]));
    expect(list.clusters.map((x) => x.id).sort()).toEqual([A, B].sort());
    const onlyA = await listActivities(database.db, funder, { clusterId: A });
    expect(onlyA.items.length).toBeGreaterThan(0);
    expect(new Set(onlyA.items.map((i) => i.clusterId))).toEqual(new Set([A]));
    expect(onlyA.total).toBeLessThan(list.total);
    expect((await refusal(updateActivity(database.db, funder, id, validActivity))).code).toBe('forbidden');
    expect((await refusal(createActivity(database.db, funder, A, validActivity))).code).toBe('forbidden');
    expect((await refusal(deleteActivity(database.db, funder, id))).code).toBe('forbidden');
  });
});

describe('every command and query refuses a caller without the right', () => {
  it('changing or removing a participant: forbidden to another cluster’s staff and to funders, nothing written', async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'R-1' });
    const pid = await addParticipant(database.db, staffA, id, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
    });
    const before = await dataFingerprint(database);
    for (const who of [staffB, funder]) {
      expect(
        (
          await refusal(
            updateParticipant(database.db, who, id, pid, {
              participant_type: 'company',
              cvr: '10000009',
              name: 'Overtaget ApS',
            }),
          )
        ).code,
      ).toBe('forbidden');
      expect((await refusal(removeParticipant(database.db, who, id, pid))).code).toBe('forbidden');
    }
    expect(await dataFingerprint(database)).toBe(before);
  });

  it('reading: an assessor reads no activities; funders may not open the pages that change one', async () => {
    const id = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'R-2' });
    const assessor = await callerFor('assessor');
    expect((await refusal(listActivities(database.db, assessor, {}))).code).toBe('forbidden');
    expect((await refusal(getActivity(database.db, assessor, id))).code).toBe('forbidden');
    expect((await refusal(activityForEditing(database.db, funder, id))).code).toBe('forbidden');
    expect((await refusal(reportableClusters(database.db, funder))).code).toBe('forbidden');
    expect((await listActivities(database.db, funder, {})).mayCreate).toBe(false);
    expect((await listActivities(database.db, staffA, {})).mayCreate).toBe(true);
    expect(await reportableClusters(database.db, staffA)).toEqual([{ id: A, name: 'Droneklyngen' }]);
  });
});

describe('a locked reporting year', () => {
  it('refuses new, changed, moved and deleted activities and participant changes, writing nothing', async () => {
    const open = await createActivity(database.db, staffA, A, {
      ...validActivity,
      activity_ref: 'Y-1',
      start_date: '2021-05-01',
      end_date: '',
    });
    const inLocked = await createActivity(database.db, staffA, A, {
      ...validActivity,
      activity_ref: 'Y-2',
      start_date: '2020-05-01',
      end_date: '',
    });
    const pid = await addParticipant(database.db, staffA, inLocked, {
      participant_type: 'company',
      cvr: '10000009',
      name: 'Firma ApS',
    });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.insert(reportingPeriods).values({ clusterId: A, year: 2020, status: 'locked' }),
    );
    const before = await dataFingerprint(database);
    const lockedOn = (field: string) => ({ code: 'conflict', issues: [[field, 'periodLocked']] });
    const in2020 = { ...validActivity, activity_ref: 'Y-3', start_date: '2020-06-01', end_date: '' };
    expect(await refusal(createActivity(database.db, staffA, A, in2020))).toEqual(lockedOn('start_date'));
    expect(
      await refusal(updateActivity(database.db, staffA, open, { ...in2020, activity_ref: 'Y-1' })),
    ).toEqual(lockedOn('start_date'));
    expect(
      await refusal(updateActivity(database.db, staffA, inLocked, { ...validActivity, activity_ref: 'Y-2' })),
    ).toEqual(lockedOn('form'));
    expect(await refusal(deleteActivity(database.db, staffA, inLocked))).toEqual(lockedOn('form'));
    expect(
      await refusal(
        addParticipant(database.db, staffA, inLocked, {
          participant_type: 'company',
          cvr: '12345674',
          name: 'Y',
        }),
      ),
    ).toEqual(lockedOn('form'));
    expect(
      await refusal(
        updateParticipant(database.db, staffA, inLocked, pid, {
          participant_type: 'company',
          cvr: '10000009',
          name: 'Z',
        }),
      ),
    ).toEqual(lockedOn('form'));
    expect(await refusal(removeParticipant(database.db, staffA, inLocked, pid))).toEqual(lockedOn('form'));
    expect(await dataFingerprint(database)).toBe(before);
    expect((await getActivity(database.db, staffA, inLocked)).locked).toBe(true);
    // Cluster B's 2020 is not locked by cluster A's period.
    await expect(createActivity(database.db, staffB, B, in2020)).resolves.toBeGreaterThan(0);
  });

  it('gives the same refusal as the import for the same activity', async () => {
    const outcome = await deliver(
      database,
      [
        textFile(
          'activities.csv',
          `cluster_cvr,activity_ref,title,category,start_date\n${CVR_A},Y-9,T,networking,2020-02-02\n`,
        ),
      ],
      staffA,
    );
    expect(outcome.ok ? [] : outcome.errors.map((e) => [e.column, e.code])).toEqual([
      ['start_date', 'periodLocked'],
    ]);
  });
});

/**
 * One rule set: every bad value is sent once as a file row and once through the form command,
 * and both must name the same column and the same rule.
 */
describe('the same validation as the file import', () => {
  const ACTIVITY_COLUMNS = Object.keys(validActivity) as (keyof ActivityInput)[];
  const activityCases: [string, Partial<ActivityInput>][] = [
    ['missing title', { title: '' }],
    ['long title', { title: 'x'.repeat(301) }],
    ['missing reference', { activity_ref: '' }],
    ['long reference', { activity_ref: 'r'.repeat(65) }],
    ['unknown category', { category: 'party' }],
    ['missing category', { category: '' }],
    ['missing start date', { start_date: '' }],
    ['impossible start date', { start_date: '2024-02-30' }],
    ['start date in another format', { start_date: '10-04-2024' }],
    ['end before start', { end_date: '2024-04-01' }],
    ['bad end date', { end_date: '2024-13-01' }],
    ['unknown municipality', { municipality_code: '999' }],
    ['municipality with 4 digits', { municipality_code: '0461' }],
    ['negative grant', { grant_dkk: '-5' }],
    ['grant with decimals', { grant_dkk: '10.5' }],
    ['text as funding', { external_funding_dkk: 'mange' }],
    ['negative hours', { private_cofinancing_hours: '-1' }],
    ['hours with three decimals', { private_cofinancing_hours: '1.125' }],
    ['several errors at once', { title: '', category: 'x', grant_dkk: '-1' }],
  ];

  it('activities: every bad value gives the same columns and rules as in activities.csv', async () => {
    const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = activityCases.map(([, change], i) => {
      const row = { ...validActivity, activity_ref: `V-${i}`, ...change };
      return [CVR_A, ...ACTIVITY_COLUMNS.map((c) => row[c] ?? '')].map(csvCell).join(',');
    });
    const csv = `cluster_cvr,${ACTIVITY_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
    const outcome = await deliver(database, [textFile('activities.csv', csv)], staffA);
    if (outcome.ok) throw new Error('the delivery should be rejected');
    for (const [i, [name, change]] of activityCases.entries()) {
      const fromFile = outcome.errors.filter((e) => e.line === i + 2).map((e) => [e.column, e.code]);
      expect(fromFile.length, name).toBeGreaterThan(0);
      const fromForm = await refusal(
        createActivity(database.db, staffA, A, { ...validActivity, activity_ref: `V-${i}`, ...change }),
      );
      expect(fromForm, name).toEqual({ code: 'validation', issues: fromFile });
    }
  });

  const validParticipant: ParticipantInput = {
    participant_type: 'company',
    cvr: '10000009',
    name: 'Firma ApS',
    country: '',
    employees: '3',
    municipality_code: '101',
    industry_code: '620100',
    new_competence: '1',
    new_idea: '0',
    new_product: '',
  };
  const participantCases: [string, Partial<ParticipantInput>][] = [
    ['unknown type', { participant_type: 'person' }],
    ['missing type', { participant_type: '' }],
    ['bad CVR check digit', { cvr: '12345678' }],
    ['CVR too short', { cvr: '1234' }],
    ['missing CVR for a company', { cvr: '' }],
    ['CVR for a foreign participant', { participant_type: 'foreign', country: 'SE' }],
    ['foreign without country', { participant_type: 'foreign', cvr: '' }],
    ['foreign from DK', { participant_type: 'foreign', cvr: '', country: 'DK' }],
    ['country for a company', { country: 'SE' }],
    ['missing name', { name: '' }],
    ['long name', { name: 'n'.repeat(301) }],
    ['negative employees', { employees: '-1' }],
    ['unknown municipality', { municipality_code: '000' }],
    ['industry code of 5 digits', { industry_code: '62010' }],
    ['flag 2', { new_idea: '2' }],
    ['flag yes', { new_product: 'ja' }],
  ];
  const PARTICIPANT_COLUMNS = Object.keys(validParticipant) as (keyof ParticipantInput)[];

  it('participants: every bad value gives the same columns and rules as in participants.csv', async () => {
    const activityId = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'PV' });
    const lines = participantCases.map(([, change]) => {
      const row = { ...validParticipant, ...change };
      return [CVR_A, 'PV', ...PARTICIPANT_COLUMNS.map((c) => row[c] ?? '')].join(',');
    });
    const csv = `cluster_cvr,activity_ref,${PARTICIPANT_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
    const outcome = await deliver(database, [textFile('participants.csv', csv)], staffA);
    if (outcome.ok) throw new Error('the delivery should be rejected');
    for (const [i, [name, change]] of participantCases.entries()) {
      const fromFile = outcome.errors.filter((e) => e.line === i + 2).map((e) => [e.column, e.code]);
      expect(fromFile.length, name).toBeGreaterThan(0);
      const fromForm = await refusal(
        addParticipant(database.db, staffA, activityId, { ...validParticipant, ...change }),
      );
      expect(fromForm, name).toEqual({ code: 'validation', issues: fromFile });
    }
  });

  it('a participant twice: the same column and rule as two rows in participants.csv', async () => {
    const activityId = await createActivity(database.db, staffA, A, { ...validActivity, activity_ref: 'PD' });
    for (const p of [
      validParticipant,
      { ...validParticipant, participant_type: 'foreign', cvr: '', country: 'SE' },
    ]) {
      const row = [CVR_A, 'PD', ...PARTICIPANT_COLUMNS.map((c) => p[c] ?? '')].join(',');
      const outcome = await deliver(
        database,
        [
          textFile(
            'participants.csv',
            `cluster_cvr,activity_ref,${PARTICIPANT_COLUMNS.join(',')}\n${row}\n${row}\n`,
          ),
        ],
        staffA,
      );
      if (outcome.ok) throw new Error('the delivery should be rejected');
      const fromFile = outcome.errors.map((e) => [e.column, e.code]);
      await addParticipant(database.db, staffA, activityId, p);
      expect(await refusal(addParticipant(database.db, staffA, activityId, p))).toEqual({
        code: 'validation',
        issues: fromFile,
      });
    }
  });
});
