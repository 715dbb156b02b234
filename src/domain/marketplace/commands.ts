/**
 * Publishing on the marketplace and expressing interest (issue 21). An item belongs to an
 * organisation (a company or a cluster) whose people publish it (`marketplace.publish`); anyone
 * signed in may express interest in an item of another organisation, which tells the owner in
 * the portal (a notification, written with the change) and returns whom to e-mail. Its publishers
 * may edit an item (until it is withdrawn) and withdraw it while it is public.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { marketplaceItems, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, parseInput } from '../errors.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { publishingOrganisations } from './policy.ts';
import { editableItem, marketplaceItem } from './queries.ts';
import { interestForm, itemForm } from './schemas.ts';

/**
 * Publishes an offer or a request for the caller's organisation: the one named, else the first
 * the caller publishes for. Returns the new item's id.
 */
export async function publishItem(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
  organisationId: string | undefined = publishingOrganisations(caller.principal)[0],
): Promise<string> {
  if (!organisationId) authorize(caller.principal, 'marketplace.publish', {});
  authorize(caller.principal, 'marketplace.publish', { organisationId });
  const data = parseInput(itemForm, input);
  return withActor(db, caller.actor, async (tx) => {
    const [row] = await tx
      .insert(marketplaceItems)
      .values({
        organisationId: organisationId as string,
        ...data,
        createdBy: caller.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: marketplaceItems.id });
    if (!row) throw new Error('insert returned no item');
    return row.id;
  });
}

export interface Interest {
  item: { id: string; title: string };
  /** Who is interested: the person, their e-mail and their organisation's name. */
  from: { name: string; email: string; organisation: string | null };
  message: string;
  /** The owner's people who publish for it: they get the e-mail. */
  recipients: { email: string; name: string; locale: string }[];
}

/**
 * Expresses the caller's interest in an item valid today: the owner's publishers get a
 * notification (in the same transaction) and are returned to be e-mailed. Interest in an item of
 * one's own organisation is a conflict.
 */
export async function expressInterest(
  db: Db,
  caller: Caller,
  itemId: string,
  input: unknown,
  now: Date,
): Promise<Interest> {
  authorize(caller.principal, 'marketplace.expressInterest');
  const item = await marketplaceItem(db, itemId, copenhagenDate(now));
  if (caller.principal.memberships.some((m) => m.organisationId === item.owner.id)) {
    throw new AppError('conflict', 'own item');
  }
  const { message } = parseInput(interestForm, input);
  const [person] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, caller.principal.userId));
  if (!person) throw new AppError('forbidden', 'no person behind the caller');
  const [organisation] = await queryRows<{ name: string }>(
    db,
    sql`select name from organisations where id = ${caller.principal.memberships[0]?.organisationId ?? null}::uuid`,
  );
  const ownerRole = item.owner.kind === 'cluster' ? 'cluster_staff' : 'company_user';
  const recipients = await queryRows<{ email: string; name: string; locale: string }>(
    db,
    sql`select u.email, u.name, u.locale from memberships ms join users u on u.id = ms.user_id
        where ms.organisation_id = ${item.owner.id} and ms.role = ${ownerRole}
          and u.disabled_at is null and u.erased_at is null
        order by u.email`,
  );
  const who = organisation ? `${person.name} (${organisation.name})` : person.name;
  await withActor(db, caller.actor, (tx) =>
    addNotifications(tx, [
      {
        recipientOrganisationId: item.owner.id,
        recipientRole: ownerRole,
        text: `${who} er interesseret i »${item.title}«: ${message}`,
        textEn: `${who} is interested in "${item.title}": ${message}`,
        link: `/markedsplads/${item.id}`,
        createdAt: now,
      },
    ]),
  );
  return {
    item: { id: item.id, title: item.title },
    from: { ...person, organisation: organisation?.name ?? null },
    message,
    recipients,
  };
}

/**
 * Changes an item, for those who publish for its owner: the same checks as publishing; an
 * expired item may get a new validity and so return to the list.
 */
export async function updateItem(
  db: Db,
  caller: Caller,
  itemId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  const item = await editableItem(db, caller, itemId);
  const data = parseInput(itemForm, input);
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(marketplaceItems)
      .set({ ...data, updatedAt: now })
      .where(and(eq(marketplaceItems.id, item.id), isNull(marketplaceItems.withdrawnAt))),
  );
}

/**
 * Withdraws an item that is public today, for those who publish for its owner: it leaves the
 * list, search and API at once. An expired, withdrawn or unknown item is not found.
 */
export async function withdrawItem(db: Db, caller: Caller, itemId: string, now: Date): Promise<void> {
  const item = await marketplaceItem(db, itemId, copenhagenDate(now));
  authorize(caller.principal, 'marketplace.publish', { organisationId: item.owner.id });
  await withActor(db, caller.actor, (tx) =>
    tx
      .update(marketplaceItems)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(and(eq(marketplaceItems.id, item.id), isNull(marketplaceItems.withdrawnAt))),
  );
}
