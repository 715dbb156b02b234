import type { Caller } from '../caller.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

/**
 * Who may do what with the support function's services: the catalogue is public; its staff
 * (and admins) keep it, under the one policy module's `support.services.manage`.
 */
export const mayManageServices = (principal: Principal | null): boolean =>
  can(principal, 'support.services.manage');

export function requireServiceManager(caller: Caller): void {
  authorize(caller.principal, 'support.services.manage');
}
