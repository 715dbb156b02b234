import type { Actor } from '../db/actor.ts';
import type { Principal } from './policy/policy.ts';

/**
 * Who asks for a domain command or query: the principal the policy judges, and the actor the
 * audit log records. Every domain command takes one and checks the policy itself, so no path
 * (page, API, CLI) can skip a rule. Pages get it with `callerOf(c)` (src/http/caller.ts).
 */
export interface Caller {
  principal: Principal;
  actor: Actor;
}
