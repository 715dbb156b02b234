import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Principal } from '../policy/policy.ts';
import type { ApplicationFacts, ApplicationStatus, CallParties } from './policy.ts';
import type { CallStatus } from './workflow.ts';

/** What the rules of policy.ts need to know, loaded in one query each. */

const partiesColumns = sql`c.id, c.owner_id as "ownerId", c.decider_id as "deciderId", c.status,
  coalesce((select array_agg(distinct b.funder_id::text) from call_budgets b where b.call_id = c.id), '{}')
    as "funderIds",
  coalesce((select array_agg(s.user_id::text) from call_assessors s where s.call_id = c.id), '{}')
    as "assessorIds"`;

/** A call's owner, funders and assessors; null for an unknown call. */
export async function callParties(db: Queryable, callId: string): Promise<CallParties | null> {
  const [row] = await queryRows<CallParties>(
    db,
    sql`select ${partiesColumns} from calls c where c.id = ${callId}`,
  );
  return row ?? null;
}

/** One application with its call's parties and the principal's own conflict declaration. */
export async function applicationFacts(
  db: Queryable,
  principal: Principal,
  applicationId: string,
): Promise<ApplicationFacts | null> {
  const [row] = await queryRows<{
    applicationId: string;
    organisationId: string;
    applicationStatus: ApplicationStatus;
    submitted: boolean;
    hasConflict: boolean | null;
    id: string;
    ownerId: string;
    deciderId: string | null;
    status: CallStatus;
    funderIds: string[];
    assessorIds: string[];
  }>(
    db,
    // A token's principal has no user uuid; compared as text it simply matches no declaration.
    sql`select a.id as "applicationId", a.organisation_id as "organisationId",
          a.status as "applicationStatus", a.submitted_at is not null as submitted,
          d.has_conflict as "hasConflict", ${partiesColumns}
        from applications a
        join calls c on c.id = a.call_id
        left join conflict_declarations d on d.application_id = a.id
          and d.assessor_id::text = ${principal.userId}
        where a.id = ${applicationId}`,
  );
  if (!row) return null;
  return {
    id: row.applicationId,
    organisationId: row.organisationId,
    status: row.applicationStatus,
    submitted: row.submitted,
    call: {
      id: row.id,
      ownerId: row.ownerId,
      deciderId: row.deciderId,
      status: row.status,
      funderIds: row.funderIds,
      assessorIds: row.assessorIds,
    },
    declaration: row.hasConflict === null ? null : { hasConflict: row.hasConflict },
  };
}
