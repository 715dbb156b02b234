import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, skipPdf } from '../../../test/reports/helpers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, calls, notifications, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import type { Role } from '../policy/policy.ts';
import { applicationView } from './application-view.ts';
import { saveApplication, submitApplication, withdrawApplication } from './applications.ts';
import { checkEligibility, declareConflict, scoreApplication, setConsensus } from './assessment.ts';
import { allocate, decideCall } from './decision.ts';
import { decisionLetterPdf, decisionLetterText } from './letters.ts';
import {
  allocationsOf,
  assessorProgress,
  budgetUse,
  consensusBoard,
  findApplication,
  rankedApplications,
} from './queries.ts';
import { callSetupInput, eligibilityInput } from './schemas.ts';
import { findCallSetup, moveCall, setUpCall } from './setup.ts';

const DEADLINE = new Date('2027-05-04T10:00:00Z'); // 12.00 Danish summer time
const at = (seconds: number) => new Date(DEADLINE.getTime() + seconds * 1000);
const OPENS = at(-30 * 86_400);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function editor(role: Role, organisationId?: string): Promise<Caller> {
  const user = await createUser(database.db, role, organisationId ? { organisationId } : {});
  return {
    principal: { userId: user.id, memberships: [{ organisationId: user.organisationId, role }] },
    actor: { userId: user.id, label: user.email },
  };
}

async function rejects(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe('the call flow from set-up to allocation', () => {
  it('runs a joint call through applications, eligibility, assessment, decision and allocation', async () => {
    const db = database.db;
    const board = await createOrganisation(db, {
      kind: 'funder',
      name: 'Bestyrelsen',
      address: 'c/o Erhvervsstyrelsen, Langelinie Allé 17, 2100 København Ø',
    });
    const ministry = await createOrganisation(db, { kind: 'funder', name: 'Ministeriet' });
    const owner = await editor('funder', board.id);
    const ministryFunder = await editor('funder', ministry.id);
    const [a1, a2] = [await editor('assessor'), await editor('assessor')];
    const outsider = await editor('assessor');
    const clusters = await Promise.all([1, 2, 3, 4].map(() => createOrganisation(db)));
    const staff = await Promise.all(clusters.map((c) => editor('cluster_staff', c.id)));

    const [call] = await withActor(db, systemActor('test'), (tx) =>
      tx
        .insert(calls)
        .values({
          ownerId: board.id,
          slug: `joint-${Date.now()}`,
          title: 'Fælles opslag',
          status: 'draft',
          opensAt: OPENS,
          deadline: DEADLINE,
        })
        .returning(),
    );
    if (!call) throw new Error('no call');

    // 1. set-up: weights must add up to 100
    const setup = {
      titleEn: 'Joint call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2029,
      budgets: [
        { funderId: board.id, year: 2028, amountDkk: 1_000_000 },
        { funderId: ministry.id, year: 2028, amountDkk: 800_000 },
      ],
      requirements: [
        { textDa: 'Eget CVR-nummer', textEn: 'Own CVR number' },
        { textDa: 'Guld eller plan for guld', textEn: 'Gold or a plan for Gold' },
      ],
      criteria: [
        { titleDa: 'Organisering', titleEn: 'Organisation', weight: 60, scaleMax: 5 },
        { titleDa: 'Partnerkreds', titleEn: 'Partners', weight: 40, scaleMax: 5 },
      ],
      assessorIds: [a1.principal.userId, a2.principal.userId],
    };
    expect(
      callSetupInput.safeParse({ ...setup, criteria: [{ ...setup.criteria[0], weight: 50 }] }).success,
    ).toBe(false);
    await rejects(setUpCall(db, ministryFunder, call.id, callSetupInput.parse(setup), OPENS), 'forbidden');
    await setUpCall(db, owner, call.id, callSetupInput.parse(setup), OPENS);
    await rejects(moveCall(db, owner, call.id, 'closed', OPENS), 'conflict');
    await moveCall(db, owner, call.id, 'published', OPENS);
    await moveCall(db, owner, call.id, 'open', OPENS);
    const rules = await findCallSetup(db, owner.principal, call.id);
    const [r1, r2] = rules?.requirements ?? [];
    const [k1, k2] = rules?.criteria ?? [];
    if (!r1 || !r2 || !k1 || !k2) throw new Error('set-up not stored');

    // 2. applications: drafts, submit at deadline − 1 s, refused at + 1 s, read-only after submit
    const input = (title: string) => ({
      title,
      answers: { [r1.id]: 'CVR 12345678', [r2.id]: 'Guld 2026' },
      texts: { [k1.id]: 'Vi er organiseret...', [k2.id]: 'Partnere...' },
      budget: [{ year: 2028, category: 'networking' as const, amountDkk: 500_000 }],
    });
    const ids: string[] = [];
    for (const [i, s] of staff.entries()) {
      const org = clusters[i]?.id ?? '';
      ids.push((await saveApplication(db, s, call.id, org, input(`Ansøgning ${i + 1}`), at(-3600))).id);
    }
    await rejects(
      saveApplication(db, staff[1] as Caller, call.id, clusters[0]?.id ?? '', input('x'), at(-3600)),
      'forbidden',
    );
    const [app1, app2, app3, app4] = ids as [string, string, string, string];
    await submitApplication(db, staff[0] as Caller, app1, at(-1));
    await submitApplication(db, staff[1] as Caller, app2, at(-2));
    await submitApplication(db, staff[2] as Caller, app3, at(-3));
    await rejects(submitApplication(db, staff[3] as Caller, app4, at(1)), 'conflict');
    expect((await findApplication(db, app4))?.status).toBe('draft');
    await rejects(
      saveApplication(db, staff[0] as Caller, call.id, clusters[0]?.id ?? '', input('changed'), at(-1)),
      'conflict',
    );
    expect((await findApplication(db, app1))?.title).toBe('Ansøgning 1');
    await withdrawApplication(db, staff[3] as Caller, app4, at(2));
    expect((await findApplication(db, app4))?.status).toBe('withdrawn');

    // 3. eligibility after the deadline: one failed requirement needs a reason and ends the application
    await moveCall(db, owner, call.id, 'closed', at(3600));
    expect(eligibilityInput.safeParse({ checks: { [r1.id]: true, [r2.id]: false } }).success).toBe(false);
    const pass = eligibilityInput.parse({ checks: { [r1.id]: true, [r2.id]: true } });
    await rejects(checkEligibility(db, ministryFunder, app1, pass, at(3600)), 'forbidden');
    await checkEligibility(db, owner, app1, pass, at(3600));
    await checkEligibility(db, owner, app2, pass, at(3600));
    const fail = eligibilityInput.parse({
      checks: { [r1.id]: true, [r2.id]: false },
      reason: 'Ingen plan for guld',
    });
    expect(await checkEligibility(db, owner, app3, fail, at(3600))).toEqual({ eligible: false });
    expect(await findApplication(db, app3)).toMatchObject({
      status: 'ineligible',
      eligibilityReason: 'Ingen plan for guld',
    });

    // 4. assessment: declare first; a declared conflict blocks access; outsiders are refused
    expect(await applicationView(db, a1, app1)).toMatchObject({
      application: null,
      actions: { read: false, declare: true },
    });
    await declareConflict(db, a1, app1, { hasConflict: true, note: 'Bestyrelsesmedlem' }, at(4000));
    expect(await applicationView(db, a1, app1)).toMatchObject({
      application: null,
      actions: { read: false, declare: false, blockedByConflict: true },
    });
    await rejects(
      scoreApplication(db, a1, app1, [{ criterionId: k1.id, score: 5, comment: '' }], at(4000)),
      'forbidden',
    );
    await rejects(declareConflict(db, a1, app1, { hasConflict: false, note: '' }, at(4000)), 'conflict');
    await rejects(
      declareConflict(db, outsider, app1, { hasConflict: false, note: '' }, at(4000)),
      'forbidden',
    );
    await rejects(declareConflict(db, a1, app3, { hasConflict: false, note: '' }, at(4000)), 'conflict');
    await declareConflict(db, a1, app2, { hasConflict: false, note: '' }, at(4000));
    await declareConflict(db, a2, app1, { hasConflict: false, note: '' }, at(4000));
    await declareConflict(db, a2, app2, { hasConflict: false, note: '' }, at(4000));
    // A form's scores are all or none: one off the scale leaves the valid one unwritten.
    await rejects(
      scoreApplication(
        db,
        a2,
        app1,
        [
          { criterionId: k1.id, score: 4, comment: '' },
          { criterionId: k2.id, score: 6, comment: '' },
        ],
        at(4000),
      ),
      'validation',
    );
    expect((await consensusBoard(db, app1))?.flatMap((row) => row.scores)).toEqual([]);
    const score = (e: Caller, app: string, k: string, s: number) =>
      scoreApplication(db, e, app, [{ criterionId: k, score: s, comment: `score ${s}` }], at(4000));
    await score(a2, app1, k1.id, 4);
    await score(a2, app1, k2.id, 3);
    await score(a1, app2, k1.id, 2);
    await score(a2, app2, k1.id, 4);
    await score(a1, app2, k2.id, 5);
    const progress = await assessorProgress(db, call.id);
    expect(progress.find((p) => p.userId === a1.principal.userId)).toMatchObject({
      declared: 2,
      conflicts: 1,
      scored: 2,
      due: 2,
    });
    expect(progress.find((p) => p.userId === a2.principal.userId)).toMatchObject({
      declared: 2,
      conflicts: 0,
      scored: 3,
      due: 4,
    });
    const spreadBoard = await consensusBoard(db, app2);
    expect(spreadBoard?.[0]?.spread).toEqual({ min: 2, max: 4, mean: 3 });

    // consensus: app1 = 60·4/5 + 40·3/5 = 72; app2 = 60·3/5 + 40·5/5 = 76
    await rejects(moveCall(db, owner, call.id, 'assessed', at(5000)), 'conflict');
    const agree = (app: string, k: string, s: number) =>
      setConsensus(db, owner, app, [{ criterionId: k, score: s, comment: '' }], at(5000));
    await agree(app1, k1.id, 4);
    await agree(app1, k2.id, 3);
    await agree(app2, k1.id, 3);
    await agree(app2, k2.id, 5);
    await moveCall(db, owner, call.id, 'assessed', at(5000));
    const ranked = await rankedApplications(db, call.id);
    expect(ranked.map((r) => [r.application.id, r.total, r.rank])).toEqual([
      [app2, 76, 1],
      [app1, 72, 2],
    ]);

    // 5. decision and allocation: each funder its own money, never over budget
    await rejects(decideCall(db, ministryFunder, call.id, [app1, app2], at(6000)), 'forbidden');
    await rejects(decideCall(db, owner, call.id, [app3], at(6000)), 'validation');
    await decideCall(db, owner, call.id, [app2], at(6000));
    // every applicant with a decision is told, with a link to its application and letter
    const told = await db
      .select({ link: notifications.link, text: notifications.text, role: notifications.recipientRole })
      .from(notifications)
      .where(
        inArray(
          notifications.link,
          [app1, app2, app3].map((id) => `/ansoegninger/${id}`),
        ),
      );
    expect(told).toHaveLength(3);
    expect(told.every((n) => n.role === 'cluster_staff')).toBe(true);
    expect(told.find((n) => n.link === `/ansoegninger/${app2}`)?.text).toContain('er udvalgt');
    expect((await findApplication(db, app1))?.status).toBe('not_selected');
    await rejects(
      allocate(db, owner, board.id, [{ applicationId: app1, year: 2028, amountDkk: 1 }], at(7000)),
      'conflict',
    );
    await rejects(
      allocate(db, owner, ministry.id, [{ applicationId: app2, year: 2028, amountDkk: 1 }], at(7000)),
      'forbidden',
    );
    await allocate(db, owner, board.id, [{ applicationId: app2, year: 2028, amountDkk: 600_000 }], at(7000));
    await allocate(
      db,
      ministryFunder,
      ministry.id,
      [{ applicationId: app2, year: 2028, amountDkk: 400_000 }],
      at(7000),
    );
    await rejects(
      allocate(
        db,
        ministryFunder,
        ministry.id,
        [{ applicationId: app2, year: 2028, amountDkk: 800_001 }],
        at(7000),
      ),
      'conflict',
    );
    await rejects(
      allocate(db, owner, board.id, [{ applicationId: app2, year: 2029, amountDkk: 1 }], at(7000)),
      'conflict',
    );
    // A form's rows are all or none: the valid 2028 row is not kept when the 2029 row is refused.
    await rejects(
      allocate(
        db,
        ministryFunder,
        ministry.id,
        [
          { applicationId: app2, year: 2028, amountDkk: 500_000 },
          { applicationId: app2, year: 2029, amountDkk: 1 },
        ],
        at(7000),
      ),
      'conflict',
    );
    expect(await allocationsOf(db, app2)).toEqual([
      expect.objectContaining({ funderName: 'Bestyrelsen', year: 2028, amountDkk: 600_000, share: 60 }),
      expect.objectContaining({ funderName: 'Ministeriet', year: 2028, amountDkk: 400_000, share: 40 }),
    ]);
    expect(await budgetUse(db, call.id)).toEqual([
      expect.objectContaining({
        funderName: 'Bestyrelsen',
        budget: 1_000_000,
        allocated: 600_000,
        remaining: 400_000,
      }),
      expect.objectContaining({
        funderName: 'Ministeriet',
        budget: 800_000,
        allocated: 400_000,
        remaining: 400_000,
      }),
    ]);

    // letters: selected with each funder's grant and share; ineligible with the reason
    const selectedLetter = await decisionLetterText(db, owner, app2, at(8000));
    expect(selectedLetter.lines).toContain('  2028: Ministeriet 400.000 kr. (40 % af årets bevilling)');
    // laid out as an authority's letter: date in words, journal number, reasons, complaint guidance
    expect(selectedLetter.lines).toContain(`J.nr.: ${selectedLetter.reference}`);
    expect(selectedLetter.reference).toMatch(/^ANS-\d{4}-[0-9A-F]{8}$/);
    expect(selectedLetter.lines.find((l) => l.startsWith('Dato: '))).toMatch(
      /^Dato: \d{1,2}\. [a-zæøå]+ \d{4}$/,
    );
    expect(selectedLetter.lines).toContain('Begrundelse');
    expect(selectedLetter.lines).toContain('Klagevejledning');
    expect(selectedLetter.lines.join('\n')).toContain('Folketingets\nOmbudsmand');
    expect((await decisionLetterText(db, owner, app1, at(8000))).lines.join('\n')).toMatch(
      /ikke udvalgt\.\n\nBegrundelse\n.*\nVægtet samlet score: 72 af 100 \(placering 2 af 2\)\./,
    );
    expect((await decisionLetterText(db, owner, app3, at(8000))).lines).toContain(
      'Begrundelse: Ingen plan for guld',
    );
    // the sender's postal address under its name, and the case officer who recorded the decision
    const [ownerUser] = await db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, owner.principal.userId));
    if (!ownerUser) throw new Error('no owner');
    const officer = `${ownerUser.name}, ${ownerUser.email}`;
    expect(selectedLetter.lines.slice(0, 4)).toEqual([
      'Bestyrelsen',
      'c/o Erhvervsstyrelsen',
      'Langelinie Allé 17',
      '2100 København Ø',
    ]);
    expect(selectedLetter.lines).toContain(`Sagsbehandler: ${officer}`);
    expect(selectedLetter.lines.slice(-3)).toEqual(['Med venlig hilsen', ownerUser.name, 'Bestyrelsen']);
    const decided = await applicationView(db, owner, app2);
    expect(decided.sender).toEqual({
      callTitle: 'Fælles opslag',
      ownerName: 'Bestyrelsen',
      addressLines: ['c/o Erhvervsstyrelsen', 'Langelinie Allé 17', '2100 København Ø'],
      officer: { name: ownerUser.name, email: ownerUser.email },
    });
    const pdf = await decisionLetterPdf(db, owner, app2, at(8000));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!skipPdf) {
      const text = await pdfText(pdf);
      expect(text).toContain('Langelinie Allé 17');
      expect(text).toContain(`Sagsbehandler: ${officer}`);
    }

    // audited: who allocated what, and the conflict declaration
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'call_allocations'),
          eq(auditLog.actorUserId, ministryFunder.principal.userId),
        ),
      );
    expect(audit).toHaveLength(1);
    const declarations = await db.select().from(auditLog).where(eq(auditLog.entity, 'conflict_declarations'));
    expect(declarations.length).toBe(4);
  });
});
