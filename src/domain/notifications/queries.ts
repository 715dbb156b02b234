import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorize, type Principal } from '../policy/policy.ts';

export interface NotificationView {
  id: string;
  text: string;
  textEn: string;
  link: string;
  read: boolean;
  createdAt: Date;
}

/**
 * A user's notifications are those addressed to the user, and those addressed to an organisation
 * it belongs to: to all its members, or to the role it holds there.
 */
export function addressedTo(p: Principal): SQL | undefined {
  return or(
    eq(notifications.recipientUserId, p.userId),
    ...p.memberships.map((m) =>
      and(
        eq(notifications.recipientOrganisationId, m.organisationId),
        or(isNull(notifications.recipientRole), eq(notifications.recipientRole, m.role)),
      ),
    ),
  );
}

/** The caller's notifications, newest first. */
export async function notificationsFor(
  db: Queryable,
  caller: Caller,
  limit = 100,
): Promise<NotificationView[]> {
  authorize(caller.principal, 'notifications.view');
  return db
    .select({
      id: notifications.id,
      text: notifications.text,
      textEn: notifications.textEn,
      link: notifications.link,
      read: notifications.read,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(addressedTo(caller.principal))
    .orderBy(sql`${notifications.createdAt} desc`, notifications.id)
    .limit(limit);
}

/** How many of the principal's notifications are unread: the count every page's header shows. */
export async function unreadCount(db: Queryable, p: Principal): Promise<number> {
  // An API token is no person: it has no notifications to read.
  if (p.userId.startsWith('token:')) return 0;
  return db.$count(notifications, and(addressedTo(p), eq(notifications.read, false)));
}
