import { AppError } from '../errors.ts';

export const CALL_STATUSES = ['draft', 'published', 'open', 'closed', 'assessed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * The one transition table of a call's life: published (visible, not yet open) → open (takes
 * applications until the deadline) → closed (eligibility and assessment) → assessed (consensus
 * done, ranked) → decided (selection made; funders allocate). A published call may go back to draft.
 */
export const CALL_TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
  draft: ['published'],
  published: ['draft', 'open'],
  open: ['closed'],
  closed: ['assessed'],
  assessed: ['decided'],
  decided: [],
};

export function canMove(from: CallStatus, to: CallStatus): boolean {
  return CALL_TRANSITIONS[from].includes(to);
}

export function assertMove(from: CallStatus, to: CallStatus): void {
  if (!canMove(from, to)) throw new AppError('conflict', `call cannot move from ${from} to ${to}`);
}
