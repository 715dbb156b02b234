/**
 * Change requests on a grant (docs/grants.md): the cluster's staff ask to shift budget between two
 * activity categories or for a new deadline, with a reason; the grant's funder approves or rejects
 * with a reason. An approved budget shift moves the amount in the grant's budget split when the
 * grant has one. Each step notifies the other party; every co-funder reads the requests.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import {
  type ActivityCategory,
  authorizeDecision,
  authorizeReport,
  type FollowedGrant,
  followedGrant,
  grantFollowUpPath,
} from './follow-up.ts';
import type { ChangeDecisionInput, ChangeRequestInput } from './follow-up-schemas.ts';

export type ChangeStatus = 'submitted' | 'approved' | 'rejected';

export interface ChangeRequestView {
  id: string;
  kind: 'budget_shift' | 'deadline';
  fromCategory: ActivityCategory | null;
  toCategory: ActivityCategory | null;
  amountDkk: number | null;
  newDeadline: string | null;
  reason: string;
  status: ChangeStatus;
  decisionReason: string | null;
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }]);

/** Submits the cluster's change request on its grant and tells the grant's funder; returns its id. */
export async function requestChange(
  db: Db,
  caller: Caller,
  grantId: string,
  input: ChangeRequestInput,
  now: Date,
): Promise<string> {
  return withActor(db, caller.actor, async (tx) => {
    const grant = await followedGrant(tx, caller, grantId, true);
    authorizeReport(caller, grant);
    const shift = input.kind === 'budget_shift';
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into grant_change_requests
            (grant_id, kind, from_category, to_category, amount_dkk, new_deadline, reason, requested_by, requested_at)
          values (${grant.id}, ${input.kind}, ${shift ? input.fromCategory : null},
                  ${shift ? input.toCategory : null}, ${shift ? input.amountDkk : null},
                  ${shift ? null : input.newDeadline}, ${input.reason}, ${caller.actor.userId},
                  ${now.toISOString()}::timestamptz)
          returning id`,
    );
    await addNotifications(tx, [
      {
        recipientOrganisationId: grant.funderId,
        recipientRole: 'funder',
        text: `${grant.clusterName} anmoder om en ændring af bevillingen for ${grant.year}`,
        textEn: `${grant.clusterName} requests a change to the grant for ${grant.year}`,
        link: grantFollowUpPath(grant.id),
        createdAt: now,
      },
    ]);
    return (row as { id: string }).id;
  });
}

/** Moves an approved budget shift in the grant's budget split, when the grant has one. */
async function applyBudgetShift(
  tx: Tx,
  grantId: string,
  shift: { from: ActivityCategory; to: ActivityCategory; amountDkk: number },
) {
  const [split] = await queryRows<{ has: boolean }>(
    tx,
    sql`select exists(select 1 from grant_budget_lines where grant_id = ${grantId}) as has`,
  );
  if (!split?.has) return;
  const taken = await queryRows<{ category: string }>(
    tx,
    sql`update grant_budget_lines set budget_dkk = budget_dkk - ${shift.amountDkk}
        where grant_id = ${grantId} and category = ${shift.from} and budget_dkk >= ${shift.amountDkk}
        returning category`,
  );
  if (taken.length === 0) throw conflict('decision', 'shiftExceedsBudget');
  await tx.execute(
    sql`insert into grant_budget_lines (grant_id, category, budget_dkk)
        values (${grantId}, ${shift.to}, ${shift.amountDkk})
        on conflict (grant_id, category) do update set budget_dkk = grant_budget_lines.budget_dkk + excluded.budget_dkk`,
  );
}

/**
 * The grant's funder approves or rejects a submitted change request and the cluster's staff are
 * told. Refusals: not_found (no such request on the grant), forbidden (not the grant's funder),
 * conflict (decided already, or a shift larger than the category's budget).
 */
export async function decideChange(
  db: Db,
  caller: Caller,
  ids: { grantId: string; requestId: string },
  input: ChangeDecisionInput,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await followedGrant(tx, caller, ids.grantId, true);
    authorizeDecision(caller, grant);
    const request = await submittedRequest(tx, grant, ids.requestId);
    const approved = input.decision === 'approve';
    if (approved && request.kind === 'budget_shift')
      await applyBudgetShift(tx, grant.id, {
        from: request.fromCategory as ActivityCategory,
        to: request.toCategory as ActivityCategory,
        amountDkk: request.amountDkk as number,
      });
    await tx.execute(
      sql`update grant_change_requests
          set status = ${approved ? 'approved' : 'rejected'}, decision_reason = ${input.decisionReason},
              decided_by = ${caller.actor.userId}, decided_at = ${now.toISOString()}::timestamptz
          where id = ${request.id}`,
    );
    await addNotifications(tx, [
      {
        recipientOrganisationId: grant.clusterId,
        recipientRole: 'cluster_staff',
        text: `${grant.funderName} har ${approved ? 'godkendt' : 'afvist'} jeres ændringsanmodning for ${grant.year}`,
        textEn: `${grant.funderName} ${approved ? 'approved' : 'rejected'} your change request for ${grant.year}`,
        link: grantFollowUpPath(grant.id),
        createdAt: now,
      },
    ]);
  });
}

type StoredRequest = Pick<
  ChangeRequestView,
  'id' | 'kind' | 'fromCategory' | 'toCategory' | 'amountDkk' | 'status'
>;

async function submittedRequest(tx: Tx, grant: FollowedGrant, requestId: string): Promise<StoredRequest> {
  const [request] = isUuid(requestId)
    ? await queryRows<StoredRequest>(
        tx,
        sql`select id, kind, from_category as "fromCategory", to_category as "toCategory",
                   amount_dkk::float8 as "amountDkk", status
            from grant_change_requests where id = ${requestId} and grant_id = ${grant.id} for update`,
      )
    : [];
  if (!request) throw notFound('change request');
  if (request.status !== 'submitted') throw conflict('decision', 'alreadyDecided');
  return request;
}

/** The grant's change requests, newest first, for whoever may read its follow-up. */
export async function changeRequestsOf(
  db: Queryable,
  caller: Caller,
  grantId: string,
): Promise<{ grant: FollowedGrant; requests: ChangeRequestView[] }> {
  const grant = await followedGrant(db, caller, grantId);
  const requests = await queryRows<ChangeRequestView>(
    db,
    sql`select r.id, r.kind, r.from_category as "fromCategory", r.to_category as "toCategory",
               r.amount_dkk::float8 as "amountDkk", r.new_deadline::text as "newDeadline", r.reason,
               r.status, r.decision_reason as "decisionReason", q.name as "requestedBy",
               r.requested_at as "requestedAt", d.name as "decidedBy", r.decided_at as "decidedAt"
        from grant_change_requests r
        left join users q on q.id = r.requested_by
        left join users d on d.id = r.decided_by
        where r.grant_id = ${grant.id}
        order by r.requested_at desc, r.id`,
  );
  // Raw rows carry timestamps as the driver gives them (a string on one, a Date on the other).
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    grant,
    requests: requests.map((r) => ({
      ...r,
      requestedAt: new Date(r.requestedAt),
      decidedAt: at(r.decidedAt),
    })),
  };
}
