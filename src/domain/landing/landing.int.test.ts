import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import { addNotifications } from '../notifications/commands.ts';
import type { Role } from '../policy/policy.ts';
import type { GroupKey } from '../site/sections.ts';
import { landingOf } from './landing.ts';

const NOW = new Date('2031-03-01T10:00:00Z');

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('landingOf', () => {
  // The landing pages of src/http/web/landing and the assessors' page: who may open which.
  const opens: [GroupKey, Role[]][] = [
    ['funding', ['admin', 'funder']],
    ['support', ['admin', 'support_staff']],
    ['assessments', ['assessor']],
  ];
  const roles: Role[] = [
    'admin',
    'funder',
    'assessor',
    'cluster_staff',
    'support_staff',
    'business_service_staff',
  ];
  for (const [group, allowed] of opens) {
    it(`opens the ${group} landing page to ${allowed.join(', ')} and refuses it to every other role`, async () => {
      for (const role of roles) {
        const caller = await createCaller(database.db, role);
        if (allowed.includes(role))
          expect(await landingOf(database.db, caller, group, NOW), role).toEqual({ attention: [] });
        else await expectAppError(landingOf(database.db, caller, group, NOW), 'forbidden');
      }
    });
  }

  it("counts the funders' unread notifications, and not for the assessors of the same organisation", async () => {
    const funder = await createCaller(database.db, 'funder');
    const organisationId = funder.principal.memberships[0]?.organisationId ?? '';
    const assessor = await createCaller(database.db, 'assessor', { organisationId });
    await withActor(database.db, systemActor('test'), (tx) =>
      addNotifications(
        tx,
        [1, 2].map((minute) => ({
          recipientOrganisationId: organisationId,
          recipientRole: 'funder' as const,
          text: `Ny kommentar ${minute}`,
          textEn: `New comment ${minute}`,
          link: '/finansiering/planer',
          createdAt: new Date(Date.UTC(2031, 0, 1, 8, minute)),
        })),
      ),
    );
    expect(await landingOf(database.db, funder, 'funding', NOW)).toEqual({
      attention: [{ kind: 'unreadNotifications', count: 2 }],
    });
    expect(await landingOf(database.db, assessor, 'assessments', NOW)).toEqual({ attention: [] });
  });
});
