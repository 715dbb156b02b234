import { isSystem } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';

/**
 * Who does what at a matchmaking event: anyone signed in takes part (policy
 * `matchmaking.participate`); the event's own organisation, the support function and admins
 * organise it (`matchmaking.organise`). Participants see the other participants' profiles and
 * their own requests and meetings only.
 */
export interface EventOwner {
  organisationId: string;
}

export const mayOrganise = (principal: Principal | null, event: EventOwner): boolean =>
  can(principal, 'matchmaking.organise', { organisationId: event.organisationId });

export function authorizeOrganiser(principal: Principal | null, event: EventOwner): void {
  authorize(principal, 'matchmaking.organise', { organisationId: event.organisationId });
}

export function authorizeParticipant(principal: Principal | null): void {
  authorize(principal, 'matchmaking.participate');
}

/** A request is answered by the participant it was sent to, and no one else. */
export function authorizeAnswer(
  callerParticipantId: string | null,
  request: { toParticipantId: string },
): void {
  if (callerParticipantId === null || callerParticipantId !== request.toParticipantId) {
    throw forbidden('Only the invited participant answers a meeting request');
  }
}

/** A request is withdrawn or its meeting cancelled by one of its two sides, and no one else. */
export function authorizeCancel(
  callerParticipantId: string | null,
  request: { fromParticipantId: string; toParticipantId: string },
): void {
  if (
    callerParticipantId === null ||
    (callerParticipantId !== request.fromParticipantId && callerParticipantId !== request.toParticipantId)
  ) {
    throw forbidden('Only the two sides of a meeting request withdraw or cancel it');
  }
}

/** Follow-up rounds are started by the system's daily job (or its command), never by a person. */
export function authorizeFollowUps(principal: Principal): void {
  if (!isSystem(principal)) throw forbidden('Only the system starts matchmaking follow-ups');
}
