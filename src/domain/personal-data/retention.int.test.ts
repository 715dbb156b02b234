import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createUser } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { passwordResetTokens, sessions, users } from '../../db/schema/index.ts';
import { endUserSessions, findSession, startSession } from '../accounts/sessions.ts';
import { applyRetention, RETENTION_PERIODS, RETENTION_RULES } from './retention.ts';

let database: Database;
const DAY = 86_400_000;
const IDLE_MINUTES = 60;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe(`retention of personal data (${testDriver()})`, () => {
  it('has one rule for every period the privacy page states', () => {
    expect(RETENTION_RULES.map((r) => r.kind).sort()).toEqual(Object.keys(RETENTION_PERIODS).sort());
  });

  it('removes what is past its period and keeps what is not', async () => {
    const [stale, fresh, active] = await Promise.all([
      createUser(database.db, 'funder'),
      createUser(database.db, 'funder'),
      createUser(database.db, 'cluster_staff'),
    ]);
    const invited = (days: number) => ago(days * DAY);
    await withActor(database.db, systemActor('test'), async (tx) => {
      await tx
        .update(users)
        .set({ invitedAt: invited(RETENTION_PERIODS.invitations + 1) })
        .where(eq(users.id, stale.id));
      await tx
        .update(users)
        .set({ invitedAt: invited(RETENTION_PERIODS.invitations - 1) })
        .where(eq(users.id, fresh.id));
      await tx.insert(passwordResetTokens).values([
        { tokenHash: `old-${active.id}`, userId: active.id, expiresAt: ago(2 * DAY) },
        { tokenHash: `new-${active.id}`, userId: active.id, expiresAt: new Date(now.getTime() + 3600_000) },
      ]);
    });
    // One in use, one idle for two days, one expired two days ago (started in this order: a new
    // session removes the user's expired ones itself).
    const current = await startSession(database.db, active.id, 'password', now, 12);
    const idle = await startSession(database.db, active.id, 'password', ago(2 * DAY), 24 * 30);
    const expired = await startSession(database.db, active.id, 'password', ago(3 * DAY), 24);

    const affected = await applyRetention(database.db, { now, sessionIdleMinutes: IDLE_MINUTES });

    expect(affected.invitations).toBe(1);
    expect(affected.resetTokens).toBe(1);
    expect(affected.sessions).toBe(2);
    const [erased] = await database.db.select().from(users).where(eq(users.id, stale.id));
    expect(erased?.email).toBe(`slettet-${stale.id}@slettet.invalid`);
    const [kept] = await database.db.select().from(users).where(eq(users.id, fresh.id));
    expect(kept?.email).toBe(fresh.email);
    const tokens = await database.db
      .select({ hash: passwordResetTokens.tokenHash })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, active.id));
    expect(tokens.map((t) => t.hash)).toEqual([`new-${active.id}`]);
    expect(await findSession(database.db, idle.token, now, IDLE_MINUTES)).toBeNull();
    expect(await findSession(database.db, expired.token, now, IDLE_MINUTES)).toBeNull();
    expect((await findSession(database.db, current.token, now, IDLE_MINUTES))?.userId).toBe(active.id);
  });
});

describe(`sessions (${testDriver()})`, () => {
  it('ends a session idle longer than the idle timeout, before its absolute end', async () => {
    const user = await createUser(database.db, 'cluster_staff');
    const { token } = await startSession(database.db, user.id, 'password', now, 12);
    expect(
      (await findSession(database.db, token, new Date(now.getTime() + 59 * 60_000), IDLE_MINUTES))?.userId,
    ).toBe(user.id);
    expect(
      await findSession(
        database.db,
        token,
        new Date(now.getTime() + 61 * 60_000 + 59 * 60_000),
        IDLE_MINUTES,
      ),
    ).toBeNull();
  });

  it("lets an administrator end all of a user's sessions, and no one else", async () => {
    const user = await createUser(database.db, 'cluster_staff');
    await startSession(database.db, user.id, 'password', now, 12);
    await startSession(database.db, user.id, 'password', now, 12);
    const staff = await createCaller(database.db, 'cluster_staff');
    await expectAppError(endUserSessions(database.db, staff, user.id), 'forbidden');
    const admin = await createCaller(database.db, 'admin');
    expect(await endUserSessions(database.db, admin, user.id)).toBe(2);
    const left = await database.db
      .select()
      .from(sessions)
      .where(inArray(sessions.userId, [user.id]));
    expect(left).toEqual([]);
  });
});
