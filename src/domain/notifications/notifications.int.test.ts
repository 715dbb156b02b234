import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndCaller } from '../../../test/support/callers.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database } from '../../db/client.ts';
import type { Role } from '../policy/policy.ts';
import { addNotifications, markNotificationsRead, type NewNotification } from './commands.ts';
import { notificationsFor, unreadCount } from './queries.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const at = (minute: number) => new Date(Date.UTC(2031, 0, 1, 8, minute));
const note = (
  to: { recipientOrganisationId: string; recipientRole: Role } | { recipientUserId: string },
  text: string,
  minute: number,
) => ({ ...to, text, textEn: `${text} (en)`, link: '/konto', createdAt: at(minute) }) as NewNotification;

async function add(items: NewNotification[]) {
  await withActor(database.db, systemActor('test'), (tx) => addNotifications(tx, items));
}

describe('notifications', () => {
  it('lists a user’s own and its organisation’s notifications, newest first, and no one else’s', async () => {
    const assessor = await createUserAndCaller(database.db, 'assessor');
    const colleague = await createUserAndCaller(database.db, 'assessor', {
      organisationId: assessor.user.organisationId,
    });
    const stranger = await createUserAndCaller(database.db, 'cluster_staff');
    await add([
      note(
        { recipientOrganisationId: assessor.user.organisationId, recipientRole: 'assessor' },
        'Til organisationen',
        1,
      ),
      note({ recipientUserId: assessor.user.id }, 'Til bedømmeren', 2),
      note({ recipientUserId: colleague.user.id }, 'Til kollegaen', 3),
      note(
        { recipientOrganisationId: stranger.user.organisationId, recipientRole: 'cluster_staff' },
        'Til klyngen',
        4,
      ),
    ]);
    const texts = async (c: typeof assessor) =>
      (await notificationsFor(database.db, c.caller)).map((n) => n.text);
    expect(await texts(assessor)).toEqual(['Til bedømmeren', 'Til organisationen']);
    expect(await texts(colleague)).toEqual(['Til kollegaen', 'Til organisationen']);
    expect(await texts(stranger)).toEqual(['Til klyngen']);
    expect(await unreadCount(database.db, assessor.caller.principal)).toBe(2);
  });

  it('marks one or all of the caller’s notifications read, never another user’s', async () => {
    const funder = await createUserAndCaller(database.db, 'funder');
    const other = await createUserAndCaller(database.db, 'funder');
    await add([
      note({ recipientUserId: funder.user.id }, 'Første', 1),
      note({ recipientUserId: funder.user.id }, 'Anden', 2),
      note({ recipientUserId: other.user.id }, 'Den andens', 3),
    ]);
    const [othersNote] = await notificationsFor(database.db, other.caller);
    // Another user's id marks nothing: the update only reaches the caller's own notifications.
    await markNotificationsRead(database.db, funder.caller, othersNote?.id);
    expect(await unreadCount(database.db, other.caller.principal)).toBe(1);
    const [second] = await notificationsFor(database.db, funder.caller);
    await markNotificationsRead(database.db, funder.caller, second?.id);
    expect((await notificationsFor(database.db, funder.caller)).map((n) => [n.text, n.read])).toEqual([
      ['Anden', true],
      ['Første', false],
    ]);
    await markNotificationsRead(database.db, funder.caller);
    expect(await unreadCount(database.db, funder.caller.principal)).toBe(0);
    expect(await unreadCount(database.db, other.caller.principal)).toBe(1);
  });

  it("tells an organisation's members holding the role, not its other members", async () => {
    // A funder organisation's assessor is not told about funding plans, which only funders may open.
    const funder = await createUserAndCaller(database.db, 'funder');
    const assessor = await createUserAndCaller(database.db, 'assessor', {
      organisationId: funder.user.organisationId,
    });
    await add([
      note(
        { recipientOrganisationId: funder.user.organisationId, recipientRole: 'funder' },
        'Til finansiørerne',
        1,
      ),
    ]);
    expect((await notificationsFor(database.db, funder.caller)).map((n) => n.text)).toEqual([
      'Til finansiørerne',
    ]);
    expect(await notificationsFor(database.db, assessor.caller)).toEqual([]);
    expect(await unreadCount(database.db, assessor.caller.principal)).toBe(0);
  });

  it('counts nothing for an API token, which is no person', async () => {
    const staff = await createUserAndCaller(database.db, 'cluster_staff');
    await add([
      note(
        { recipientOrganisationId: staff.user.organisationId, recipientRole: 'cluster_staff' },
        'Til klyngen',
        1,
      ),
    ]);
    const token = {
      userId: 'token:00000000-0000-4000-8000-000000000001',
      memberships: staff.caller.principal.memberships,
    };
    expect(await unreadCount(database.db, token)).toBe(0);
  });
});
