import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { callSetups, calls, organisations } from '../../db/schema/index.ts';
import { FEED_SIZE, organisationColumns, PAGE_SIZE, pageOf } from '../content/queries.ts';
import type { Principal } from '../policy/policy.ts';
import { callParties } from './parties.ts';
import { callActions, callRules, managedCallOwners } from './policy.ts';
import type { CallFilter } from './schemas.ts';
import type { CallStatus } from './workflow.ts';

/** The calls as their public pages show them: the list, the one call, and its funders' drafts. */

/** Still taking applications: published or open, and the deadline not passed. */
const callIsOpen = (now: Date) =>
  sql<boolean>`(${inArray(calls.status, ['published', 'open'])} and ${gt(calls.deadline, now)})`;

const callSummaryColumns = {
  id: calls.id,
  slug: calls.slug,
  title: calls.title,
  summary: calls.summary,
  status: calls.status,
  opensAt: calls.opensAt,
  deadline: calls.deadline,
  updatedAt: calls.updatedAt,
  ...organisationColumns,
};

/** Public calls: open ones first by nearest deadline, then closed ones by latest deadline. */
export async function listPublicCalls(db: Queryable, f: CallFilter, now: Date) {
  const where = and(
    sql`${calls.status} <> 'draft'`,
    f.organisation ? eq(calls.ownerId, f.organisation) : undefined,
  );
  const open = callIsOpen(now);
  const [total] = await db.select({ n: count() }).from(calls).where(where);
  const items = await db
    .select({ ...callSummaryColumns, open: open.mapWith(Boolean) })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .where(where)
    .orderBy(
      desc(open),
      sql`case when ${open} then ${calls.deadline} end asc`,
      desc(calls.deadline),
      asc(calls.slug),
    )
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return pageOf(items, total?.n ?? 0, f.page);
}
export type CallSummary = Awaited<ReturnType<typeof listPublicCalls>>['items'][number];

/** The draft calls of the funder organisations whose calls the principal manages. */
export async function draftCalls(db: Queryable, principal: Principal | null) {
  const owners = managedCallOwners(principal);
  if (owners.length === 0) return [];
  return db
    .select(callSummaryColumns)
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .where(and(inArray(calls.ownerId, owners), eq(calls.status, 'draft')))
    .orderBy(desc(calls.updatedAt))
    .limit(FEED_SIZE);
}

/**
 * One call by its address, whether it takes applications in the portal, and what the principal
 * may do with it (manage, process, assess, apply);
 * null when there is none or the principal may not see it (a draft is its funders' only).
 */
export async function findCall(db: Queryable, principal: Principal | null, slug: string) {
  const [row] = await db
    .select({
      ...callSummaryColumns,
      body: calls.body,
      assessmentDeadline: calls.assessmentDeadline,
      decisionDate: calls.decisionDate,
      grantsStartOn: calls.grantsStartOn,
    })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .where(eq(calls.slug, slug));
  const parties = row ? await callParties(db, row.id) : null;
  if (!row || !parties || !callRules.view(principal, parties)) return null;
  // A call without a set-up takes its applications outside the portal, as its text says.
  const takesPortalApplications = (await db.$count(callSetups, eq(callSetups.callId, row.id))) > 0;
  return { ...row, takesPortalApplications, actions: callActions(principal, parties) };
}
export type CallDetail = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/** Organisations with public calls, for the filter. */
export async function callOrganisations(db: Queryable) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.ownerId))
    .where(sql`${calls.status} <> 'draft'`)
    .orderBy(asc(organisations.name));
}

export type CallPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'assessed' | 'decided';

/** What a visitor needs to know about a call now; the stored status alone misses passed deadlines. */
export function callPhase(
  call: { status: CallStatus; opensAt: Date | null; deadline: Date },
  now: Date,
): CallPhase {
  if (call.status === 'draft' || call.status === 'closed') return call.status;
  if (call.status === 'assessed' || call.status === 'decided') return call.status;
  if (call.deadline <= now) return 'closed';
  return call.opensAt && call.opensAt > now ? 'upcoming' : 'open';
}
