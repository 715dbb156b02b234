import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import {
  createReferralTarget,
  referralTargetsToManage,
  referralTargetToEdit,
  requireReferralTargetKeeper,
  updateReferralTarget,
} from './targets.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2027-01-10T09:00:00Z');
const target = {
  name: 'Testcenter for grøn omstilling',
  nameEn: 'Test Centre for Green Transition',
  descriptionDa: 'Rådgivning om grøn omstilling.',
  descriptionEn: 'Advice on the green transition.',
  url: 'https://www.example.dk',
  active: 'on',
};

describe('referral targets kept by the support function', () => {
  it('support staff add, change and retire a target, audited', async () => {
    const support = await createCaller(database.db, 'support_staff');
    const id = await createReferralTarget(database.db, support, target, NOW);
    await updateReferralTarget(database.db, support, id, { ...target, name: 'Testcentret', active: '' }, NOW);
    const edited = await referralTargetToEdit(database.db, support, id);
    expect([edited.name, edited.active]).toEqual(['Testcentret', false]);
    const listed = await referralTargetsToManage(database.db, support);
    // Active targets first: the retired one is last.
    expect(listed.at(-1)?.id).toBe(id);
    const [audited] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'referral_targets'), eq(auditLog.entityId, id)));
    expect(Number(audited?.n)).toBe(2);
  });

  it('refuses cluster staff and business hub staff', async () => {
    const support = await createCaller(database.db, 'support_staff');
    const id = await createReferralTarget(database.db, support, { ...target, name: 'Andet center' }, NOW);
    for (const role of ['cluster_staff', 'business_service_staff'] as const) {
      const caller = await createCaller(database.db, role);
      await expectAppError(createReferralTarget(database.db, caller, target, NOW), 'forbidden');
      await expectAppError(updateReferralTarget(database.db, caller, id, target, NOW), 'forbidden');
      await expectAppError(referralTargetsToManage(database.db, caller), 'forbidden');
      expect(() => requireReferralTargetKeeper(caller)).toThrow('Not allowed');
    }
  });

  it('refuses an address that is not https and an unknown target', async () => {
    const support = await createCaller(database.db, 'support_staff');
    await expectAppError(
      createReferralTarget(database.db, support, { ...target, url: 'http://www.example.dk' }, NOW),
      'validation',
    );
    await expectAppError(referralTargetToEdit(database.db, support, crypto.randomUUID()), 'not_found');
    await expectAppError(updateReferralTarget(database.db, support, 'nope', target, NOW), 'not_found');
  });
});
