import { type Actor, systemActor } from '../db/actor.ts';
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

const SYSTEM = new WeakSet<Principal>();

/**
 * A caller that is the system itself, never a person or a token: the `klynge` commands and the
 * server's timers, whose operator has the database anyway. It has no memberships, so the policy
 * module grants it nothing; an area's own rules give it what the system may do there (deliver
 * every cluster's activities, send reminders, apply a retention rule). Only this function makes
 * one (a principal is the system by identity).
 */
export function systemCaller(label: string): Caller {
  const principal: Principal = Object.freeze({ userId: `system:${label}`, memberships: [] });
  SYSTEM.add(principal);
  return { principal, actor: systemActor(label) };
}

/** Whether the principal is one systemCaller made. */
export const isSystem = (p: Principal | null): boolean => p !== null && SYSTEM.has(p);
