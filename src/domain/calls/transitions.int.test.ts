import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createOrganisation, createUser } from '../../../test/support/factories.ts';
import type { Database } from '../../db/client.ts';
import { calls } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { createCall, updateCall } from './calls.ts';
import { type CallInput, callSetupInput } from './schemas.ts';
import { moveCall, setUpCall } from './setup.ts';

// 2027-05-04 12.00 Danish summer time (UTC+2): server time, Europe/Copenhagen.
const DEADLINE = new Date('2027-05-04T10:00:00Z');
const at = (seconds: number) => new Date(DEADLINE.getTime() + seconds * 1000);
const BEFORE = at(-30 * 86_400);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function funder(): Promise<{ editor: Caller; organisationId: string }> {
  const org = await createOrganisation(database.db, { kind: 'funder', name: `Fond ${Math.random()}` });
  const user = await createUser(database.db, 'funder', { organisationId: org.id });
  return {
    organisationId: org.id,
    editor: {
      principal: { userId: user.id, memberships: [{ organisationId: org.id, role: 'funder' }] },
      actor: { userId: user.id, label: user.email },
    },
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const callInput = (organisationId: string, status: CallInput['status']): CallInput => ({
  organisationId,
  title: `Opslag ${Math.random()}`,
  summary: '',
  body: '',
  status,
  opensAt: null,
  deadline: DEADLINE,
  assessmentDeadline: null,
  decisionDate: null,
  grantsStartOn: null,
});

async function openCall() {
  const { editor, organisationId } = await funder();
  const { slug } = await createCall(database.db, editor, callInput(organisationId, 'draft'), BEFORE);
  const [call] = await database.db.select().from(calls).where(eq(calls.slug, slug));
  if (!call) throw new Error('no call');
  await setUpCall(
    database.db,
    editor,
    call.id,
    callSetupInput.parse({
      titleEn: 'Call',
      summaryEn: '',
      firstYear: 2028,
      lastYear: 2028,
      budgets: [{ funderId: organisationId, year: 2028, amountDkk: 1000 }],
      requirements: [{ textDa: 'Krav', textEn: 'Requirement' }],
      criteria: [{ titleDa: 'Kriterium', titleEn: 'Criterion', weight: 100 }],
    }),
    BEFORE,
  );
  await moveCall(database.db, editor, call.id, 'published', BEFORE);
  await moveCall(database.db, editor, call.id, 'open', BEFORE);
  return { editor, organisationId, call };
}

const statusOf = async (id: string) =>
  (await database.db.select({ status: calls.status }).from(calls).where(eq(calls.id, id)))[0]?.status;

describe('closing a call', () => {
  it('is refused before the deadline (deadline − 1 s) and allowed after it (deadline + 1 s)', async () => {
    const { editor, call } = await openCall();
    const early = await refusal(moveCall(database.db, editor, call.id, 'closed', at(-1)));
    expect(early.code).toBe('conflict');
    expect(early.issues[0]?.message).toBe('before_deadline');
    expect(await statusOf(call.id)).toBe('open');
    await moveCall(database.db, editor, call.id, 'closed', at(1));
    expect(await statusOf(call.id)).toBe('closed');
  });
});

describe('the call form goes through the one transition table', () => {
  it('cannot create a call straight into a later status', async () => {
    const { editor, organisationId } = await funder();
    const err = await refusal(createCall(database.db, editor, callInput(organisationId, 'decided'), BEFORE));
    expect(err.issues[0]).toEqual({ field: 'status', message: 'transitionNotAllowed' });
    await createCall(database.db, editor, callInput(organisationId, 'published'), BEFORE);
  });

  it('cannot jump a draft to decided, nor open it without a set-up', async () => {
    const { editor, organisationId } = await funder();
    const input = callInput(organisationId, 'draft');
    const { slug } = await createCall(database.db, editor, input, BEFORE);
    const jump = await refusal(
      updateCall(database.db, editor, slug, { ...input, status: 'decided' }, BEFORE),
    );
    expect(jump.issues[0]).toEqual({ field: 'status', message: 'transitionNotAllowed' });
    await updateCall(database.db, editor, slug, { ...input, status: 'published' }, BEFORE);
    const noSetup = await refusal(
      updateCall(database.db, editor, slug, { ...input, status: 'open' }, BEFORE),
    );
    expect(noSetup.issues[0]).toEqual({ field: 'status', message: 'no_setup' });
    const [row] = await database.db.select().from(calls).where(eq(calls.slug, slug));
    expect(row?.status).toBe('published');
  });

  it('cannot close an open call before its deadline, even by moving the deadline', async () => {
    const { editor, organisationId, call } = await openCall();
    const input = { ...callInput(organisationId, 'closed'), title: call.title };
    const early = await refusal(updateCall(database.db, editor, call.slug, input, at(-1)));
    expect(early.issues[0]).toEqual({ field: 'status', message: 'before_deadline' });
    const moved = await refusal(
      updateCall(database.db, editor, call.slug, { ...input, deadline: at(-7200) }, at(-1)),
    );
    expect(moved.issues[0]).toEqual({ field: 'status', message: 'before_deadline' });
    expect(await statusOf(call.id)).toBe('open');
    await updateCall(database.db, editor, call.slug, input, at(1));
    expect(await statusOf(call.id)).toBe('closed');
  });
});
