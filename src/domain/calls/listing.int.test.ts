import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createUser } from '../../../test/support/factories.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { calls } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import type { Role } from '../policy/policy.ts';
import { createCall } from './calls.ts';
import { callPhase, listPublicCalls } from './listing.ts';
import { callForm } from './schemas.ts';
import type { CallStatus } from './workflow.ts';

const NOW = new Date('2027-01-15T12:00:00Z');

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

describe('the public list of calls', () => {
  it('orders open calls by nearest deadline before closed ones by latest deadline', async () => {
    const funder = await editor('funder');
    const owner = funder.principal.memberships[0]?.organisationId ?? '';
    // Created as drafts; the later statuses are fixtures here, set directly rather than through the flow.
    const call = async (title: string, deadlineDate: string, status: CallStatus = 'open', opensDate = '') => {
      const { slug } = await createCall(
        database.db,
        funder,
        callForm.parse({
          organisationId: owner,
          title,
          status: 'draft',
          deadlineDate,
          deadlineTime: '12:00',
          opensDate,
        }),
        NOW,
      );
      await withActor(database.db, systemActor('test'), (tx) =>
        tx.update(calls).set({ status }).where(eq(calls.slug, slug)),
      );
    };
    await call('Lukket tidligt', '2026-05-01', 'decided');
    await call('Åben sent', '2027-09-01');
    await call('Frist overskredet', '2027-01-10');
    await call('Åben snart', '2027-02-01', 'published');
    await call('Åbner senere', '2027-06-01', 'open', '2027-03-01');
    await call('Kladde', '2027-02-01', 'draft');
    const list = await listPublicCalls(database.db, { organisation: owner, page: 1 }, NOW);
    expect(list.items.map((c) => [c.title, c.open, callPhase(c, NOW)])).toEqual([
      ['Åben snart', true, 'open'],
      ['Åbner senere', true, 'upcoming'],
      ['Åben sent', true, 'open'],
      ['Frist overskredet', false, 'closed'],
      ['Lukket tidligt', false, 'decided'],
    ]);
  });
});
