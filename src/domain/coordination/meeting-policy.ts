/**
 * Who may do what with a coordination meeting, stated once on the meeting and composed of the
 * policy module's rules: a funder convenes meetings for its own organisation; the funders taking
 * part read the meeting, publish its minutes and record decisions; the funder responsible for a
 * decision marks it done; admins read every meeting.
 */
import { can, type Principal } from '../policy/policy.ts';
import { organisationsActingFor } from './policy.ts';

/** The funder organisations the principal convenes meetings for, in membership order. */
export const conveningFunders = (p: Principal): string[] =>
  organisationsActingFor(p, 'coordinationMeetings.convene');

/** The principal's own funder organisation among the meeting's participants, if any. */
export function participatingFunder(p: Principal, participantIds: readonly string[]): string | null {
  return (
    organisationsActingFor(p, 'coordinationMeetings.record').find((id) => participantIds.includes(id)) ?? null
  );
}

/** Funders see the meetings they take part in; admins see all. */
export const mayViewMeeting = (p: Principal, participantIds: readonly string[]): boolean =>
  can(p, 'coordinationMeetings.viewAll') || participatingFunder(p, participantIds) !== null;

/** Only the responsible funder marks a decision done, and only while it is open. */
export const mayCompleteDecision = (
  p: Principal,
  decision: { responsibleFunderId: string; status: 'open' | 'done' },
): boolean =>
  decision.status === 'open' &&
  can(p, 'coordinationDecisions.complete', { organisationId: decision.responsibleFunderId });
