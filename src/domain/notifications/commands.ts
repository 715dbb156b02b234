import { and, eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorize, type Role } from '../policy/policy.ts';
import { addressedTo } from './queries.ts';

/**
 * A notification to add: for an organisation's members holding a role (e.g. its funders), or for
 * one user. Its link opens for every recipient.
 */
export type NewNotification = (
  | { recipientOrganisationId: string; recipientRole: Role; recipientUserId?: never }
  | { recipientUserId: string; recipientOrganisationId?: never; recipientRole?: never }
) & {
  text: string;
  textEn: string;
  /** A Danish site path; the English list links to the same page in English. */
  link: string;
  createdAt: Date;
};

/**
 * Adds notifications in the transaction of the change they tell about, so both are written (and
 * audited) together or not at all. The command making the change has authorised it already.
 */
export async function addNotifications(tx: Tx, items: readonly NewNotification[]): Promise<void> {
  if (items.length > 0) await tx.insert(notifications).values([...items]);
}

/** Marks the caller's notifications read: one, or all when `id` is omitted. */
export async function markNotificationsRead(db: Db, caller: Caller, id?: string): Promise<void> {
  authorize(caller.principal, 'notifications.view');
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(notifications)
      .set({ read: true })
      .where(
        and(
          addressedTo(caller.principal),
          eq(notifications.read, false),
          id ? eq(notifications.id, id) : undefined,
        ),
      ),
  );
}
