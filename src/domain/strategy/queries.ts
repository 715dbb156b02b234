import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { authorizeStrategyManager, mayManageStrategy } from './policy.ts';
import type { InitiativeStatus } from './schemas.ts';

export interface InitiativeSummary {
  code: string;
  number: number;
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  status: InitiativeStatus;
  milestonesDone: number;
  milestonesTotal: number;
}

export interface FocusArea {
  code: string;
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  initiatives: InitiativeSummary[];
}

/** The five focus areas with their initiatives in the strategy's order, with milestone progress. */
export async function listFocusAreas(db: Queryable): Promise<FocusArea[]> {
  const areas = await queryRows<Omit<FocusArea, 'initiatives'>>(
    db,
    sql`select code, title_da as "titleDa", title_en as "titleEn", summary_da as "summaryDa",
               summary_en as "summaryEn"
          from strategy_focus_areas order by position`,
  );
  const initiatives = await queryRows<InitiativeSummary & { area: string }>(
    db,
    sql`select i.code, i.focus_area_code as area, i.number, i.title_da as "titleDa", i.title_en as "titleEn",
               i.summary_da as "summaryDa", i.summary_en as "summaryEn", i.status,
               (select count(*) from strategy_milestones m where m.initiative_code = i.code and m.done_on is not null)::int
                 as "milestonesDone",
               (select count(*) from strategy_milestones m where m.initiative_code = i.code)::int as "milestonesTotal"
          from strategy_initiatives i order by i.focus_area_code, i.number`,
  );
  return areas.map((a) => ({
    ...a,
    initiatives: initiatives.filter((i) => i.area === a.code).map(({ area: _, ...i }) => i),
  }));
}

export interface Initiative extends InitiativeSummary {
  areaCode: string;
  areaTitleDa: string;
  areaTitleEn: string;
  parties: { nameDa: string; nameEn: string; organisationId: string | null; website: string | null }[];
  milestones: { id: string; title: string; dueOn: string; doneOn: string | null; createdOn: string }[];
  links: {
    id: string;
    activityId: number | null;
    activityTitle: string | null;
    activityStart: string | null;
    clusterName: string;
    clusterSlug: string;
  }[];
  history: { fromStatus: InitiativeStatus; toStatus: InitiativeStatus; note: string; by: string; at: Date }[];
}

/** An initiative by its code (A1 to E4, in either case); null for any other code. */
async function initiativeByCode(db: Queryable, code: string): Promise<Initiative | null> {
  if (!/^[A-E][1-9]$/i.test(code)) return null;
  const [row] = await queryRows<Omit<Initiative, 'parties' | 'milestones' | 'links' | 'history'>>(
    db,
    sql`select i.code, i.number, i.title_da as "titleDa", i.title_en as "titleEn", i.summary_da as "summaryDa",
               i.summary_en as "summaryEn", i.status, a.code as "areaCode", a.title_da as "areaTitleDa",
               a.title_en as "areaTitleEn", 0 as "milestonesDone", 0 as "milestonesTotal"
          from strategy_initiatives i join strategy_focus_areas a on a.code = i.focus_area_code
         where i.code = ${code.toUpperCase()}`,
  );
  if (!row) return null;
  const parties = await queryRows<Initiative['parties'][number]>(
    db,
    sql`select p.name_da as "nameDa", p.name_en as "nameEn", p.organisation_id as "organisationId", o.website
          from strategy_responsible_parties p left join organisations o on o.id = p.organisation_id
         where p.initiative_code = ${row.code} order by p.position`,
  );
  const milestones = await queryRows<Initiative['milestones'][number]>(
    db,
    sql`select id, title, due_on::text as "dueOn", done_on::text as "doneOn",
               (created_at at time zone 'UTC')::date::text as "createdOn"
          from strategy_milestones where initiative_code = ${row.code} order by due_on, created_at`,
  );
  const links = await queryRows<Initiative['links'][number]>(
    db,
    sql`select l.id, l.activity_id::int as "activityId", a.title as "activityTitle",
               a.start_date::text as "activityStart", o.name as "clusterName", o.slug as "clusterSlug"
          from strategy_initiative_links l
          left join activities a on a.id = l.activity_id
          join organisations o on o.id = coalesce(l.cluster_id, a.cluster_id)
         where l.initiative_code = ${row.code} order by l.created_at, l.id`,
  );
  const history = await queryRows<Omit<Initiative['history'][number], 'at'> & { at: string | Date }>(
    db,
    sql`select from_status as "fromStatus", to_status as "toStatus", note, changed_by_label as by,
               changed_at as at
          from strategy_status_changes where initiative_code = ${row.code} order by changed_at desc, id`,
  );
  return {
    ...row,
    milestonesDone: milestones.filter((m) => m.doneOn).length,
    milestonesTotal: milestones.length,
    parties,
    milestones,
    links,
    history: history.map((h) => ({ ...h, at: new Date(h.at) })),
  };
}

/** Reported activities whose title matches, for linking by search. */
async function searchActivities(db: Queryable, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
  return queryRows<{ id: number; title: string; startDate: string; clusterName: string }>(
    db,
    sql`select a.id::int as id, a.title, a.start_date::text as "startDate", o.name as "clusterName"
          from activities a join organisations o on o.id = a.cluster_id
         where a.title ilike ${pattern} order by a.start_date desc, a.id limit 10`,
  );
}

// ---------------------------------------------------------------- as a caller sees it

export interface InitiativePage {
  initiative: Initiative;
  /** Whether the caller keeps the strategy: the page then offers the forms. */
  manage: boolean;
  /** For a caller who keeps the strategy and searched: reported activities to link. */
  found: Awaited<ReturnType<typeof searchActivities>>;
}

/** An initiative's public page, with the forms and the activity search for whom keeps the strategy. */
export async function initiativePage(
  db: Queryable,
  principal: Principal | null,
  code: string,
  q: string,
): Promise<InitiativePage> {
  const initiative = await initiativeByCode(db, code);
  if (!initiative) throw notFound('initiative');
  const manage = await mayManageStrategy(db, principal);
  return { initiative, manage, found: manage && q ? await searchActivities(db, q) : [] };
}

/** An initiative about to be changed: forbidden unless the caller keeps the strategy, then not_found. */
export async function initiativeForManager(db: Queryable, caller: Caller, code: string): Promise<Initiative> {
  await authorizeStrategyManager(db, caller.principal);
  const initiative = await initiativeByCode(db, code);
  if (!initiative) throw notFound('initiative');
  return initiative;
}
