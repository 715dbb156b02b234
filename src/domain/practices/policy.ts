import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize, can, type Principal } from '../policy/policy.ts';
import type { PracticeStatus } from './schemas.ts';

/**
 * Who may do what with the best-practice catalogue: a cluster's or a hub's staff propose cases
 * for their organisation (`practices.propose`); the support function and admins edit, publish
 * and reject them (`practices.review`). A published case is read by everybody; until then only
 * by its reviewers and the staff of the organisation that proposed it.
 */
export const mayReviewPractices = (principal: Principal | null): boolean =>
  can(principal, 'practices.review');

export function requirePracticeReviewer(caller: Caller): void {
  authorize(caller.principal, 'practices.review');
}

/** The clusters and hubs the principal may propose a case for. */
export function proposersOf(principal: Principal | null): string[] {
  const ids = [...new Set((principal?.memberships ?? []).map((m) => m.organisationId))];
  return ids.filter((organisationId) => can(principal, 'practices.propose', { organisationId }));
}

export const mayProposePractices = (principal: Principal | null): boolean =>
  proposersOf(principal).length > 0;

/** The organisation a proposal is made for: the one asked for, else the caller's first. */
export function proposerFor(caller: Caller, asked: string | undefined): string {
  const organisationId = asked ?? proposersOf(caller.principal)[0];
  authorize(caller.principal, 'practices.propose', { organisationId });
  return organisationId as string;
}

/** A case not yet published is not found for those who may not see it, so its existence stays hidden. */
export function requirePracticeReader(
  principal: Principal | null,
  item: { status: PracticeStatus; proposerOrganisationId: string },
): void {
  if (item.status === 'published' || mayReviewPractices(principal)) return;
  if (proposersOf(principal).includes(item.proposerOrganisationId)) return;
  throw notFound('practice case');
}
