import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { pdfBytes } from '../../../test/support/pdf.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { applications, auditLog, calls, conflictDeclarations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../policy/policy.ts';
import { applicantView, applicationView } from './application-view.ts';
import { saveApplication, submitApplication, withdrawApplication } from './applications.ts';
import { checkEligibility, declareConflict, scoreApplication, setConsensus } from './assessment.ts';
import { addAttachment, listAttachments, readAttachment } from './attachments.ts';
import { callToEdit, createCall, updateCall } from './calls.ts';
import { allocate, decideCall } from './decision.ts';
import { decisionLetterText } from './letters.ts';
import { assessmentsOf, callProcessing } from './processing.ts';
import { callForm, callSetupInput, eligibilityInput } from './schemas.ts';
import { findCallSetup, moveCall, setUpCall, setupChoices } from './setup.ts';

/**
 * Who may see an application, as a table of relation × state, and every command and read of the
 * area refusing a caller its rules do not allow. The expected table is written out by hand.
 */

const DEADLINE = new Date('2027-05-04T10:00:00Z');
const at = (seconds: number) => new Date(DEADLINE.getTime() + seconds * 1000);
const OPENS = at(-30 * 86_400);

let database: Database;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'klynge-policy-'));
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function caller(role: Role, organisationId?: string): Promise<Caller> {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return {
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
  };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

const STATES = ['draft', 'withdrawn draft', 'submitted'] as const;
type State = (typeof STATES)[number];

/** The call of the table: a joint call of the owner and a co-funder, three assessors, three applications. */
async function jointCall() {
  const db = database.db;
  const owner = await createOrganisation(db, { kind: 'funder', name: 'Ejeren' });
  const coFunder = await createOrganisation(db, { kind: 'funder', name: 'Medfinansiøren' });
  const people = {
    owner: await caller('funder', owner.id),
    coFunder: await caller('funder', coFunder.id),
    otherFunder: await caller('funder'),
    clearedAssessor: await caller('assessor'),
    conflictedAssessor: await caller('assessor'),
    undeclaredAssessor: await caller('assessor'),
    unassignedAssessor: await caller('assessor'),
    otherCluster: await caller('cluster_staff'),
    admin: await caller('admin'),
    supportStaff: await caller('support_staff'),
  };
  const [call] = await withActor(db, systemActor('test'), (tx) =>
    tx
      .insert(calls)
      .values({
        ownerId: owner.id,
        slug: `policy-${Date.now()}`,
        title: 'Fælles opslag',
        status: 'draft',
        opensAt: OPENS,
        deadline: DEADLINE,
      })
      .returning(),
  );
  if (!call) throw new Error('no call');
  const setup = callSetupInput.parse({
    titleEn: 'Joint call',
    summaryEn: '',
    firstYear: 2028,
    lastYear: 2028,
    budgets: [
      { funderId: owner.id, year: 2028, amountDkk: 1_000 },
      { funderId: coFunder.id, year: 2028, amountDkk: 500 },
    ],
    requirements: [{ textDa: 'Eget CVR-nummer', textEn: 'Own CVR number' }],
    criteria: [{ titleDa: 'Organisering', titleEn: 'Organisation', weight: 100 }],
    assessorIds: [people.clearedAssessor, people.conflictedAssessor, people.undeclaredAssessor].map(
      (a) => a.principal.userId,
    ),
  });
  await setUpCall(db, people.owner, call.id, setup, OPENS);
  await moveCall(db, people.owner, call.id, 'published', OPENS);
  await moveCall(db, people.owner, call.id, 'open', OPENS);
  const rules = await findCallSetup(db, people.owner.principal, call.id);
  const requirementId = rules?.requirements[0]?.id ?? '';
  const criterionId = rules?.criteria[0]?.id ?? '';
  const pdf = await pdfBytes('Bilag');
  const apps = {} as Record<State, { id: string; applicant: Caller; attachmentId: string }>;
  for (const state of STATES) {
    const cluster = await createOrganisation(db, { name: `Klynge (${state})` });
    const applicant = await caller('cluster_staff', cluster.id);
    const input = { title: state, answers: { [requirementId]: 'CVR 1' }, texts: {}, budget: [] };
    const { id } = await saveApplication(db, applicant, call.id, cluster.id, input, at(-60));
    const file = await addAttachment(db, applicant, dataDir, id, { name: 'bilag.pdf', bytes: pdf }, at(-60));
    apps[state] = { id, applicant, attachmentId: file.id };
  }
  await withdrawApplication(db, apps['withdrawn draft'].applicant, apps['withdrawn draft'].id, at(-30));
  await submitApplication(db, apps.submitted.applicant, apps.submitted.id, at(-30));
  await moveCall(db, people.owner, call.id, 'closed', at(60));
  const pass = eligibilityInput.parse({ checks: { [requirementId]: true } });
  await checkEligibility(db, people.owner, apps.submitted.id, pass, at(60));
  const declare = (who: Caller, hasConflict: boolean) =>
    declareConflict(db, who, apps.submitted.id, { hasConflict, note: '' }, at(90));
  await declare(people.clearedAssessor, false);
  await declare(people.conflictedAssessor, true);
  // Fixture: declarations on the drafts too, which the flow never allows, to show they open nothing.
  await withActor(db, systemActor('test'), (tx) =>
    tx.insert(conflictDeclarations).values(
      [apps.draft.id, apps['withdrawn draft'].id].flatMap((applicationId) => [
        { applicationId, assessorId: people.clearedAssessor.principal.userId, hasConflict: false },
        { applicationId, assessorId: people.conflictedAssessor.principal.userId, hasConflict: true },
      ]),
    ),
  );
  return { call, owner, coFunder, people, apps, requirementId, criterionId };
}

type Relation = 'applicant' | keyof Awaited<ReturnType<typeof jointCall>>['people'];
type Access = 'read' | 'open' | 'forbidden';

/**
 * read: the page with the application, and its attachments; open: the page without the
 * application (an assessor who must declare, or who declared a conflict); forbidden: neither.
 */
const EXPECTED: Record<Relation, Record<State, Access>> = {
  applicant: { draft: 'read', 'withdrawn draft': 'read', submitted: 'read' },
  owner: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'read' },
  coFunder: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'read' },
  otherFunder: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'forbidden' },
  clearedAssessor: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'read' },
  conflictedAssessor: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'open' },
  undeclaredAssessor: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'open' },
  unassignedAssessor: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'forbidden' },
  otherCluster: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'forbidden' },
  admin: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'forbidden' },
  supportStaff: { draft: 'forbidden', 'withdrawn draft': 'forbidden', submitted: 'forbidden' },
};

describe('who may see an application (relation × state)', () => {
  let fixture: Awaited<ReturnType<typeof jointCall>>;
  beforeAll(async () => {
    fixture = await jointCall();
  });

  /** What the page, the attachment download and the attachment list let this caller do. */
  async function accessOf(who: Caller, app: { id: string; attachmentId: string }): Promise<string> {
    const db = database.db;
    const page = await applicationView(db, who, app.id).then(
      (view) => (view.application ? 'read' : 'open'),
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );
    const file = await codeOf(readAttachment(db, who, dataDir, app.attachmentId));
    const list = await codeOf(listAttachments(db, who, app.id));
    // The page, the download and the list answer from the one rule.
    const read = file === 'allowed' && list === 'allowed';
    if (page === 'read' && read) return 'read';
    if (page === 'open' && file === 'forbidden' && list === 'forbidden') return 'open';
    if (page === 'forbidden' && file === 'forbidden' && list === 'forbidden') return 'forbidden';
    return `disagree: page ${page}, download ${file}, list ${list}`;
  }

  for (const relation of Object.keys(EXPECTED) as Relation[])
    it(`${relation}: ${STATES.map((s) => `${s} ${EXPECTED[relation][s]}`).join(', ')}`, async () => {
      const actual: Record<string, string> = {};
      for (const state of STATES) {
        const app = fixture.apps[state];
        const who = relation === 'applicant' ? app.applicant : fixture.people[relation];
        actual[state] = await accessOf(who, app);
      }
      expect(actual).toEqual(EXPECTED[relation]);
    });

  it('hides drafts from the processing page of the owner and the co-funder', async () => {
    for (const who of [fixture.people.owner, fixture.people.coFunder]) {
      const { applications: listed } = await callProcessing(database.db, who, fixture.call.id);
      expect(listed.map((a) => a.id)).toEqual([fixture.apps.submitted.id]);
    }
  });

  it('gives the decision letter to the applicant and the call funders, not to its assessors', async () => {
    const db = database.db;
    const { people, apps, call } = fixture;
    const letter = (who: Caller) => codeOf(decisionLetterText(db, who, apps.submitted.id, at(200)));
    expect(await letter(people.owner)).toBe('not_found');
    // Fixture: the call decided and the application selected, without running the assessment.
    await withActor(db, systemActor('test'), async (tx) => {
      await tx.update(calls).set({ status: 'decided' }).where(eq(calls.id, call.id));
      await tx.update(applications).set({ status: 'selected' }).where(eq(applications.id, apps.submitted.id));
    });
    const who = [
      apps.submitted.applicant,
      people.owner,
      people.coFunder,
      people.clearedAssessor,
      people.otherFunder,
      people.otherCluster,
    ];
    expect(await Promise.all(who.map(letter))).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    expect(await codeOf(decisionLetterText(db, apps.draft.applicant, apps.draft.id, at(200)))).toBe(
      'allowed',
    );
    expect(await codeOf(decisionLetterText(db, people.owner, apps.draft.id, at(200)))).toBe('forbidden');
  });
});

describe('every command and read of a call refuses a caller its rules do not allow', () => {
  it('refuses with forbidden and writes nothing', async () => {
    const db = database.db;
    const { call, owner, people, apps, requirementId, criterionId } = await jointCall();
    const { applicant } = apps.submitted;
    const cluster = applicant.principal.memberships[0]?.organisationId ?? '';
    const now = at(120);
    const draftCall = callForm.parse({
      organisationId: owner.id,
      title: 'Nyt opslag',
      status: 'draft',
      deadlineDate: '2030-01-01',
      deadlineTime: '12:00',
    });
    const score = { criterionId, score: 1, comment: '' };
    const clusterFunder = await caller('funder', cluster);
    const pdf = await pdfBytes('x');
    // Each attempt runs on its own, in turn.
    const refusals: Record<string, () => Promise<unknown>> = {
      createCall: () => createCall(db, people.coFunder, draftCall, now),
      createCallForACluster: () =>
        createCall(db, clusterFunder, { ...draftCall, organisationId: cluster }, now),
      updateCall: () => updateCall(db, people.coFunder, call.slug, { ...draftCall, status: 'closed' }, now),
      callToEdit: () => callToEdit(db, people.coFunder, call.slug),
      setUpCall: () =>
        setUpCall(
          db,
          people.coFunder,
          call.id,
          callSetupInput.parse({
            titleEn: '',
            summaryEn: '',
            firstYear: 2028,
            lastYear: 2028,
            budgets: [{ funderId: owner.id, year: 2028, amountDkk: 1 }],
            requirements: [{ textDa: 'Krav', textEn: 'Krav' }],
            criteria: [{ titleDa: 'Kriterium', titleEn: 'Kriterium', weight: 100 }],
          }),
          now,
        ),
      setupChoices: () => setupChoices(db, people.coFunder, call.id),
      moveCall: () => moveCall(db, people.coFunder, call.id, 'assessed', now),
      saveApplication: () =>
        saveApplication(
          db,
          people.otherCluster,
          call.id,
          cluster,
          { title: 'x', answers: {}, texts: {}, budget: [] },
          now,
        ),
      submitApplication: () => submitApplication(db, people.otherCluster, apps.draft.id, now),
      withdrawApplication: () => withdrawApplication(db, people.owner, apps.submitted.id, now),
      addAttachment: () =>
        addAttachment(db, people.otherCluster, dataDir, apps.draft.id, { name: 'x.pdf', bytes: pdf }, now),
      applicantView: () => applicantView(db, people.owner, call.id),
      checkEligibility: () =>
        checkEligibility(
          db,
          people.coFunder,
          apps.submitted.id,
          eligibilityInput.parse({ checks: { [requirementId]: true } }),
          now,
        ),
      declareConflict: () =>
        declareConflict(
          db,
          people.unassignedAssessor,
          apps.submitted.id,
          { hasConflict: false, note: '' },
          now,
        ),
      scoreApplication: () =>
        scoreApplication(db, people.undeclaredAssessor, apps.submitted.id, [score], now),
      setConsensus: () => setConsensus(db, people.coFunder, apps.submitted.id, [score], now),
      decideCall: () => decideCall(db, people.coFunder, call.id, [apps.submitted.id], now),
      allocate: () =>
        allocate(
          db,
          people.otherFunder,
          owner.id,
          [{ applicationId: apps.submitted.id, year: 2028, amountDkk: 1 }],
          now,
        ),
      callProcessing: () => callProcessing(db, people.clearedAssessor, call.id),
      assessmentsOf: () => assessmentsOf(db, people.owner, now),
      decisionLetterText: () => decisionLetterText(db, people.clearedAssessor, apps.submitted.id, now),
    };
    const before = await db.$count(auditLog);
    const codes: Record<string, string> = {};
    for (const [name, attempt] of Object.entries(refusals)) codes[name] = await codeOf(attempt());
    expect(codes).toEqual(Object.fromEntries(Object.keys(refusals).map((name) => [name, 'forbidden'])));
    expect(await db.$count(auditLog)).toBe(before);
    const statuses = await db
      .select({ status: applications.status })
      .from(applications)
      .where(inArray(applications.id, [apps.draft.id, apps.submitted.id]));
    expect(statuses.map((s) => s.status).sort()).toEqual(['draft', 'eligible']);
  });

  it('hides a draft call and its set-up from everybody but its funders', async () => {
    const db = database.db;
    const { call, people } = await jointCall();
    await withActor(db, systemActor('test'), (tx) =>
      tx.update(calls).set({ status: 'draft' }).where(eq(calls.id, call.id)),
    );
    const seen = async (who: Caller | null) =>
      (await findCallSetup(db, who?.principal ?? null, call.id)) !== null;
    expect(
      await Promise.all([null, people.otherCluster, people.clearedAssessor, people.otherFunder].map(seen)),
    ).toEqual([false, false, false, false]);
    expect(await Promise.all([people.owner, people.coFunder].map(seen))).toEqual([true, true]);
  });
});
