/**
 * The contact e-mails a cluster supplies for the companies that take part in its activities,
 * so the company effect survey can reach them. Kept apart from the reporting data and out of
 * the public reporting format; used for survey invitations only; a cluster replaces or deletes
 * its list at any time, and a contact is deleted three years after it was supplied
 * (docs/surveys.md). Only companies that took part in the cluster's own activities may be on it.
 */
import { count, eq, lt, max, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { companyContacts, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { contactKeepingClusters } from './policy.ts';
import { type ListIssue, readPeopleList } from './recipient-csv.ts';

/** How long a supplied contact is kept: long enough for the biennial survey of two years' participants. */
export const CONTACT_RETENTION_YEARS = 3;

export interface ContactList {
  clusterId: string;
  clusterName: string;
  contacts: number;
  lastSuppliedAt: Date | null;
}

/** The cluster a person keeps contacts for: the one asked for, else their first. */
function clusterOf(caller: Caller, clusterId?: string): string {
  const id = clusterId ?? contactKeepingClusters(caller.principal)[0];
  if (!id) throw forbidden('Not allowed: companyContacts.manage');
  authorize(caller.principal, 'companyContacts.manage', { organisationId: id });
  return id;
}

/** Deletes every contact supplied longer ago than the retention period, for all clusters. */
export async function deleteExpiredContacts(tx: Tx, now: Date): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - CONTACT_RETENTION_YEARS);
  const gone = await tx
    .delete(companyContacts)
    .where(lt(companyContacts.suppliedAt, cutoff))
    .returning({ cvr: companyContacts.cvr });
  return gone.length;
}

/** The lists of the clusters the caller keeps contacts for. */
export async function contactLists(db: Queryable, caller: Caller): Promise<ContactList[]> {
  const ids = contactKeepingClusters(caller.principal);
  if (ids.length === 0) throw forbidden('Not allowed: companyContacts.manage');
  const lists: ContactList[] = [];
  for (const clusterId of ids) {
    const [row] = await db
      .select({
        name: organisations.name,
        contacts: count(companyContacts.cvr),
        last: max(companyContacts.suppliedAt),
      })
      .from(organisations)
      .leftJoin(companyContacts, eq(companyContacts.clusterId, organisations.id))
      .where(eq(organisations.id, clusterId))
      .groupBy(organisations.name);
    if (row)
      lists.push({ clusterId, clusterName: row.name, contacts: row.contacts, lastSuppliedAt: row.last });
  }
  return lists;
}

/**
 * Replaces a cluster's list with an uploaded one (CVR and e-mail required, name optional). Every
 * CVR must be a company that took part in the cluster's activities. A list with any problem
 * changes nothing and its problems come back, each with line and column.
 */
export async function replaceCompanyContacts(
  db: Db,
  caller: Caller,
  file: Uint8Array,
  now: Date,
  clusterId?: string,
): Promise<{ saved: number | null; issues: ListIssue[] }> {
  const cluster = clusterOf(caller, clusterId);
  const { rows, issues } = await readPeopleList(file, { required: ['cvr', 'email'], uniqueBy: 'cvr' });
  if (issues.length > 0) return { saved: null, issues };
  const json = JSON.stringify(rows.map((r) => ({ line: r.line, cvr: r.cvr, email: r.email, name: r.name })));
  return withActor(db, caller.actor, async (tx) => {
    const strangers = await queryRows<{ line: number; cvr: string }>(
      tx,
      sql`select r.line, r.cvr from jsonb_to_recordset(${json}::jsonb) as r(line int, cvr text)
          where not exists (select 1 from participations p
                            where p.cluster_id = ${cluster} and p.cvr = r.cvr and p.participant_type = 'company')
          order by r.line`,
    );
    if (strangers.length > 0)
      return {
        saved: null,
        issues: strangers.map((s) => ({
          line: s.line,
          column: 'cvr' as const,
          value: s.cvr,
          code: 'notParticipant' as const,
        })),
      };
    await deleteExpiredContacts(tx, now);
    await tx.delete(companyContacts).where(eq(companyContacts.clusterId, cluster));
    await tx.execute(
      sql`insert into company_contacts (cluster_id, cvr, email, name, supplied_at, supplied_by)
          select ${cluster}::uuid, r.cvr, r.email, r.name, ${now.toISOString()}::timestamptz, ${caller.actor.userId}::uuid
          from jsonb_to_recordset(${json}::jsonb) as r(cvr text, email text, name text)`,
    );
    return { saved: rows.length, issues: [] };
  });
}

/** Deletes a cluster's whole list. */
export async function deleteCompanyContacts(db: Db, caller: Caller, clusterId?: string): Promise<number> {
  const cluster = clusterOf(caller, clusterId);
  return withActor(db, caller.actor, async (tx) => {
    const gone = await tx
      .delete(companyContacts)
      .where(eq(companyContacts.clusterId, cluster))
      .returning({ cvr: companyContacts.cvr });
    return gone.length;
  });
}
