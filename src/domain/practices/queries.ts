/** What the catalogue's pages read: published cases by filter, one case, the review queue. */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { proposersOf, requirePracticeReader, requirePracticeReviewer } from './policy.ts';
import type { PracticeFilter, PracticeModel, PracticeStatus } from './schemas.ts';

/** The kinds of organisation of the register a case may name as actors. */
export const ACTOR_KINDS = [
  'cluster_organisation',
  'business_service',
  'support_function',
  'funder',
] as const;
/** SQL: the organisation row `kind` is one an actor may have. */
export const ACTOR_KIND = sql`kind in (${sql.join(
  ACTOR_KINDS.map((k) => sql`${k}::organisation_kind`),
  sql`, `,
)})`;

export interface PracticeActor {
  id: string;
  name: string;
  kind: (typeof ACTOR_KINDS)[number];
  /** The cluster's page, for a cluster; null for others. */
  slug: string | null;
}

export interface PracticeSummary {
  slug: string;
  status: PracticeStatus;
  model: PracticeModel;
  title: string;
  summary: string;
  regions: number[];
  themes: string[];
  actors: PracticeActor[];
  proposerName: string;
  proposedAt: Date;
  publishedAt: Date | null;
}

export interface PracticeCase extends PracticeSummary {
  id: string;
  proposerOrganisationId: string;
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  contactName: string;
  contactEmail: string;
  rejectReason: string | null;
}

const SUMMARY_COLUMNS = sql`p.slug, p.status, p.model, p.title, p.summary, p.regions, p.themes,
  po.name as "proposerName", p.proposed_at as "proposedAt", p.published_at as "publishedAt",
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind,
             'slug', case when o.kind = 'cluster_organisation' then o.slug end) order by o.name)
           from practice_case_actors a join organisations o on o.id = a.organisation_id
           where a.case_id = p.id), '[]') as actors`;

type Row = Omit<PracticeSummary, 'proposedAt' | 'publishedAt'> & {
  proposedAt: string | Date;
  publishedAt: string | Date | null;
};
const dated = <T extends Row>(r: T) => ({
  ...r,
  proposedAt: new Date(r.proposedAt),
  publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt),
});

async function summaries(db: Queryable, where: SQL[], order: SQL): Promise<PracticeSummary[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ${SUMMARY_COLUMNS}
        from practice_cases p join organisations po on po.id = p.proposer_organisation_id
        where ${sql.join(where, sql` and `)} order by ${order} limit 200`,
  );
  return rows.map(dated);
}

/** The published cases, newest first, narrowed by model, region and theme (in SQL). */
export function publishedPractices(db: Queryable, filter: PracticeFilter): Promise<PracticeSummary[]> {
  const where: SQL[] = [sql`p.status = 'published'`];
  if (filter.model) where.push(sql`p.model = ${filter.model}`);
  if (filter.region) where.push(sql`${filter.region}::smallint = any(p.regions)`);
  if (filter.theme) where.push(sql`${filter.theme}::text = any(p.themes)`);
  return summaries(db, where, sql`p.published_at desc, p.title`);
}

/**
 * The review queue: every proposed case, oldest first, then the last 20 reviewed, for the
 * support function.
 */
export async function practiceReviewQueue(
  db: Queryable,
  caller: Caller,
): Promise<{ proposed: PracticeSummary[]; reviewed: PracticeSummary[] }> {
  requirePracticeReviewer(caller);
  const [proposed, reviewed] = await Promise.all([
    summaries(db, [sql`p.status = 'proposed'`], sql`p.proposed_at, p.title`),
    summaries(db, [sql`p.status <> 'proposed'`], sql`p.reviewed_at desc, p.title`),
  ]);
  return { proposed, reviewed: reviewed.slice(0, 20) };
}

/** The cases the caller's clusters and hubs proposed, newest first, with their state. */
export function practicesProposedBy(db: Queryable, principal: Principal | null): Promise<PracticeSummary[]> {
  const own = proposersOf(principal);
  if (own.length === 0) return Promise.resolve([]);
  return summaries(
    db,
    [sql`p.proposer_organisation_id = any(${uuidArray(own)})`],
    sql`p.proposed_at desc, p.title`,
  );
}

/** One case, for those who may read it (a case not published is not found for everyone else). */
export async function practiceCaseBySlug(
  db: Queryable,
  reader: Principal | null,
  slug: string,
): Promise<PracticeCase> {
  const [row] = await queryRows<Row & Omit<PracticeCase, keyof PracticeSummary>>(
    db,
    sql`select ${SUMMARY_COLUMNS}, p.id, p.proposer_organisation_id as "proposerOrganisationId",
          p.what_was_done as "whatWasDone", p.what_worked as "whatWorked", p.what_did_not as "whatDidNot",
          p.contact_name as "contactName", p.contact_email as "contactEmail", p.reject_reason as "rejectReason"
        from practice_cases p join organisations po on po.id = p.proposer_organisation_id
        where p.slug = ${slug}`,
  );
  if (!row) throw notFound('practice case');
  requirePracticeReader(reader, row);
  return dated(row);
}

/** The organisations a case may name as actors, by name: the current clusters, hubs, funders and the support function. */
export function actorChoices(db: Queryable): Promise<{ id: string; name: string }[]> {
  return queryRows(
    db,
    sql`select id, name from organisations
        where ended_on is null and ${ACTOR_KIND} order by name`,
  );
}

/** The names of the given organisations (the proposal form's choice of proposer). */
export function organisationNames(
  db: Queryable,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows(
    db,
    sql`select id, name from organisations where id = any(${uuidArray(ids)}) order by name`,
  );
}
