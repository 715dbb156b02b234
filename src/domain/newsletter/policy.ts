import type { Caller } from '../caller.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

/**
 * Who may do what with the newsletter: the support function's staff (and admins) write and send
 * issues under `support.newsletter.manage`; anyone may sign up, and a subscriber unsubscribes
 * with the signed link of their mails, without signing in.
 */
export const mayManageNewsletter = (principal: Principal | null): boolean =>
  can(principal, 'support.newsletter.manage');

export function requireNewsletterEditor(caller: Caller): void {
  authorize(caller.principal, 'support.newsletter.manage');
}
