import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';
import type { KnowledgeAccess } from './schemas.ts';

/**
 * Who may do what with the knowledge base: the support function's staff (and admins) keep it,
 * under the one policy module's `support.knowledge.manage`; an item is read by everybody when it
 * is public, else by anyone signed in.
 */
export const mayManageKnowledge = (principal: Principal | null): boolean =>
  can(principal, 'support.knowledge.manage');

export function requireKnowledgeKeeper(caller: Caller): void {
  authorize(caller.principal, 'support.knowledge.manage');
}

export const mayReadKnowledge = (principal: Principal | null, item: { access: KnowledgeAccess }): boolean =>
  item.access === 'public' || principal !== null;

/** A visitor asking for an item for signed-in users is sent to sign in (`unauthenticated`). */
export function requireKnowledgeReader(principal: Principal | null, item: { access: KnowledgeAccess }): void {
  if (!mayReadKnowledge(principal, item)) throw new AppError('unauthenticated', 'sign in to read this item');
}
