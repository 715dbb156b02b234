import { forbidden } from '../errors.ts';
import { can, type Membership, type Principal } from '../policy/policy.ts';

/**
 * Who writes and who sees what in this area: writing is the one policy module's content.publish;
 * a draft or scheduled item is seen by those who may write it, a published one by everybody.
 */

/** News, stories and events are published on behalf of an organisation by its own staff. */
export function canPublishFor(principal: Principal | null, organisationId: string): boolean {
  return can(principal, 'content.publish', { organisationId });
}

/** The organisations a user may publish news, stories and events for, in membership order. */
export function publishingOrganisations<M extends Membership>(
  principal: { userId: string; memberships: readonly M[] } | null,
): M[] {
  if (!principal) return [];
  const seen = new Set<string>();
  return principal.memberships.filter((m: M) => {
    if (seen.has(m.organisationId) || !canPublishFor(principal, m.organisationId)) return false;
    seen.add(m.organisationId);
    return true;
  });
}

/** The organisations a new item may be published for; refused for a user who may publish for none. */
export function newItemPublishers<M extends Membership>(
  principal: { userId: string; memberships: readonly M[] } | null,
): M[] {
  const organisations = publishingOrganisations(principal);
  if (organisations.length === 0) throw forbidden('Not allowed: content.publish');
  return organisations;
}

/** Published, and not scheduled for later: the same rule as the lists' SQL (queries.ts). */
export const isPublicAt = (publishedAt: Date | null, now: Date): boolean =>
  publishedAt !== null && publishedAt <= now;

/** An item is seen by everybody once public; before that, by those who may publish it. */
export const mayViewItem = (
  principal: Principal | null,
  item: { organisationId: string; publishedAt: Date | null },
  now: Date,
): boolean => isPublicAt(item.publishedAt, now) || canPublishFor(principal, item.organisationId);
