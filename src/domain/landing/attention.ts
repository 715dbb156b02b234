/**
 * What needs a person's attention, for their landing page: periods and action plans waiting for
 * their decision, applications to assess or to check, their own returned years and plans, draft
 * applications to open calls, expiring labels, the sparring comments on action plans waiting for
 * the cluster, open decisions of coordination meetings, and unread notifications. Each item is counted in
 * SQL and offered only when the person may act on it, by the same rules the pages and commands
 * use, so every item's link opens for them.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { unhandledCommentCount } from '../action-plans/comments.ts';
import type { Caller } from '../caller.ts';
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { openDecisionCount } from '../coordination/meeting-queries.ts';
import { expiringLabelsFor } from '../labels/queries.ts';
import { unreadCount } from '../notifications/queries.ts';
import { can, type Principal } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';

export type AttentionKind =
  | 'periodsToDecide'
  | 'plansToDecide'
  | 'applicationsToAssess'
  | 'applicationsToProcess'
  | 'periodsReturned'
  | 'plansReturned'
  | 'draftApplications'
  | 'expiringLabels'
  | 'planCommentsWaiting'
  | 'planCommentsToHandle'
  | 'decisionsOpen'
  | 'unreadNotifications';

export interface AttentionItem {
  kind: AttentionKind;
  count: number;
  /** What the link needs: the year of a list, or the call of an application. */
  year?: number;
  callSlug?: string;
  callTitle?: string;
}

const uuids = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** The funder organisations in whose name the principal decides (empty for admins, who decide all). */
const decidingFunders = (p: Principal, action: 'reportingPeriods.decide' | 'actionPlans.decide') =>
  [...new Set(p.memberships.map((m) => m.organisationId))].filter((id) => can(p, action, { fundedBy: [id] }));

/** Submitted years the principal approves or returns: those of clusters it funds in the year; all for admins. */
async function periodsToDecide(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  const all = can(p, 'reportingPeriods.decide');
  const funders = decidingFunders(p, 'reportingPeriods.decide');
  if (!all && funders.length === 0) return [];
  const funded = all
    ? sql``
    : sql`and exists (select 1 from funding_grants g where g.cluster_id = r.cluster_id
            and g.year = r.year and g.funder_id in ${uuids(funders)})`;
  return countedByYear(
    db,
    'periodsToDecide',
    sql`select r.year::int as year, count(*)::int as n from reporting_periods r
        where r.status = 'submitted' ${funded} group by r.year`,
  );
}

/** Submitted action plans of the clusters the principal funds in the plan's year. */
async function plansToDecide(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  const funders = decidingFunders(p, 'actionPlans.decide');
  if (funders.length === 0) return [];
  return countedByYear(
    db,
    'plansToDecide',
    sql`select a.year::int as year, count(*)::int as n from action_plans a
        where a.status = 'submitted' and exists (select 1 from funding_grants g
          where g.cluster_id = a.cluster_id and g.year = a.year and g.funder_id in ${uuids(funders)})
        group by a.year`,
  );
}

/** One item per year, newest first, so the link opens the list of that year. */
async function countedByYear(db: Queryable, kind: AttentionKind, counts: SQL): Promise<AttentionItem[]> {
  const rows = await queryRows<{ year: number; n: number }>(db, sql`${counts} order by 1 desc`);
  return rows.map((r) => ({ kind, count: r.n, year: r.year }));
}

/** Applications of closed calls the assessor still has to declare on or score. */
async function applicationsToAssess(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  if (!can(p, 'applications.assess')) return [];
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n
        from call_assessors ca
        join calls c on c.id = ca.call_id and c.status = 'closed'
        join applications a on a.call_id = c.id and a.status = 'eligible'
        left join conflict_declarations d on d.application_id = a.id and d.assessor_id = ca.user_id
        where ca.user_id::text = ${p.userId}
          and (d.application_id is null or (not d.has_conflict and
            (select count(*) from assessment_scores s where s.application_id = a.id and s.assessor_id = ca.user_id)
              < (select count(*) from call_criteria k where k.call_id = c.id)))`,
  );
  return row && row.n > 0 ? [{ kind: 'applicationsToAssess', count: row.n }] : [];
}

/**
 * Per call the principal manages: applications whose eligibility is to be checked, or which
 * lack the consensus, while the call is closed.
 */
async function applicationsToProcess(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  const owners = [...new Set(p.memberships.map((m) => m.organisationId))].filter((id) =>
    can(p, 'calls.manage', { organisationId: id }),
  );
  if (owners.length === 0) return [];
  const rows = await queryRows<{ slug: string; title: string; n: number }>(
    db,
    sql`select c.slug, c.title, count(*)::int as n
        from calls c join applications a on a.call_id = c.id
        where c.owner_id in ${uuids(owners)} and c.status = 'closed'
          and (a.status = 'submitted' or (a.status = 'eligible' and exists (
            select 1 from call_criteria k where k.call_id = c.id and not exists (
              select 1 from consensus_scores s where s.application_id = a.id and s.criterion_id = k.id))))
        group by c.slug, c.title order by c.title`,
  );
  return rows.map((r) => ({
    kind: 'applicationsToProcess',
    count: r.n,
    callSlug: r.slug,
    callTitle: r.title,
  }));
}

/** The caller's clusters' reporting years and plans sent back to them, to correct and resubmit. */
async function returnedToCluster(db: Queryable, clusters: readonly string[]): Promise<AttentionItem[]> {
  if (clusters.length === 0) return [];
  const [row] = await queryRows<{ periods: number; plans: number }>(
    db,
    sql`select
          (select count(*)::int from reporting_periods
            where cluster_id in ${uuids(clusters)} and status = 'returned') as periods,
          (select count(*)::int from action_plans
            where cluster_id in ${uuids(clusters)} and status = 'returned') as plans`,
  );
  const items: AttentionItem[] = [];
  if (row?.periods) items.push({ kind: 'periodsReturned', count: row.periods });
  if (row?.plans) items.push({ kind: 'plansReturned', count: row.plans });
  return items;
}

/** Draft applications of the caller's clusters to calls that still take applications. */
async function draftApplications(db: Queryable, p: Principal, now: Date): Promise<AttentionItem[]> {
  const orgs = [...new Set(p.memberships.map((m) => m.organisationId))].filter((id) =>
    can(p, 'applications.submit', { organisationId: id }),
  );
  if (orgs.length === 0) return [];
  const rows = await queryRows<{ slug: string; title: string }>(
    db,
    sql`select c.slug, c.title from applications a join calls c on c.id = a.call_id
        where a.organisation_id in ${uuids(orgs)} and a.status = 'draft'
          and c.status in ('published', 'open') and c.deadline > ${now}
          and (c.opens_at is null or c.opens_at <= ${now})
        order by c.deadline`,
  );
  return rows.map((r) => ({ kind: 'draftApplications', count: 1, callSlug: r.slug, callTitle: r.title }));
}

async function labelsExpiring(db: Queryable, p: Principal, now: Date): Promise<AttentionItem[]> {
  const expiring = await expiringLabelsFor(db, p, copenhagenDate(now));
  return expiring && expiring.rows.length > 0
    ? [{ kind: 'expiringLabels', count: expiring.rows.length }]
    : [];
}

/**
 * The sparring on action plans: for the support function, its comments the clusters have not
 * handled yet; for cluster staff, the comments on their own clusters' plans they are to handle.
 */
async function planComments(
  db: Queryable,
  p: Principal,
  clusters: readonly string[],
): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  if (can(p, 'actionPlans.comment')) {
    const n = await unhandledCommentCount(db);
    if (n > 0) items.push({ kind: 'planCommentsWaiting', count: n });
  }
  const own = clusters.filter((id) => can(p, 'actionPlans.handleComment', { organisationId: id }));
  const n = await unhandledCommentCount(db, own);
  if (n > 0) items.push({ kind: 'planCommentsToHandle', count: n });
  return items;
}

/** Decisions of coordination meetings the principal's funder organisations are to carry out. */
async function decisionsOpen(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  const n = await openDecisionCount(db, p);
  return n > 0 ? [{ kind: 'decisionsOpen', count: n }] : [];
}

async function notificationsUnread(db: Queryable, p: Principal): Promise<AttentionItem[]> {
  if (!can(p, 'notifications.view')) return [];
  const n = await unreadCount(db, p);
  return n > 0 ? [{ kind: 'unreadNotifications', count: n }] : [];
}

/** Everything that waits for the caller, in the order a landing page lists it. */
export async function attentionOf(db: Queryable, caller: Caller, now: Date): Promise<AttentionItem[]> {
  const p = caller.principal;
  const parts = await Promise.all([
    periodsToDecide(db, p),
    plansToDecide(db, p),
    applicationsToProcess(db, p),
    applicationsToAssess(db, p),
    returnedToCluster(db, clustersWorkedFor(p)),
    draftApplications(db, p, now),
    labelsExpiring(db, p, now),
    planComments(db, p, clustersWorkedFor(p)),
    decisionsOpen(db, p),
    notificationsUnread(db, p),
  ]);
  return parts.flat();
}
