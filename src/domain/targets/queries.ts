import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize, can } from '../policy/policy.ts';
import type { Direction, TargetMetric } from './schemas.ts';

export interface Target {
  id: string;
  setId: string;
  code: string;
  version: number;
  position: number;
  metric: TargetMetric;
  labelDa: string;
  labelEn: string;
  baselineYear: number | null;
  baselineValue: number | null;
  targetValue: number | null;
  direction: Direction;
  note: string;
  createdAt: Date;
  supersededAt: Date | null;
}

export interface TargetSet {
  id: string;
  funderId: string;
  funderName: string;
  nameDa: string;
  nameEn: string;
  periodFrom: number;
  periodTo: number;
  /** Current versions, in order. */
  targets: Target[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function targetOf(r: Record<string, unknown>): Target {
  return {
    id: String(r.id),
    setId: String(r.set_id),
    code: String(r.code),
    version: Number(r.version),
    position: Number(r.position),
    metric: r.metric as TargetMetric,
    labelDa: String(r.label_da),
    labelEn: String(r.label_en),
    baselineYear: num(r.baseline_year),
    baselineValue: num(r.baseline_value),
    targetValue: num(r.target_value),
    direction: r.direction as Direction,
    note: String(r.note ?? ''),
    // Raw rows give text on PGlite and Date on node-postgres.
    createdAt: new Date(r.created_at as string),
    supersededAt: r.superseded_at ? new Date(r.superseded_at as string) : null,
  };
}

async function setsWhere(db: Queryable, where: ReturnType<typeof sql>): Promise<TargetSet[]> {
  const sets = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.funder_id, o.name as funder_name, s.name_da, s.name_en, s.period_from, s.period_to
        from target_sets s join organisations o on o.id = s.funder_id ${where}
        order by s.period_from desc, s.created_at desc`,
  );
  if (sets.length === 0) return [];
  const ids = sets.map((s) => String(s.id));
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from targets where superseded_at is null
        and set_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) order by position, code`,
  );
  const targets = rows.map(targetOf);
  return sets.map((s) => ({
    id: String(s.id),
    funderId: String(s.funder_id),
    funderName: String(s.funder_name),
    nameDa: String(s.name_da),
    nameEn: String(s.name_en),
    periodFrom: Number(s.period_from),
    periodTo: Number(s.period_to),
    targets: targets.filter((t) => t.setId === String(s.id)),
  }));
}

const listTargetSets = (db: Queryable) => setsWhere(db, sql``);

export async function targetSetById(db: Queryable, id: string): Promise<TargetSet | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [set] = await setsWhere(db, sql`where s.id = ${id}`);
  return set ?? null;
}

/**
 * The targets in force in a year: the set whose period covers it, or none. A year after the last
 * period is not judged against targets set for other years; the page says none are set.
 */
export async function targetSetForYear(db: Queryable, year: number): Promise<TargetSet | null> {
  const [covering] = await setsWhere(db, sql`where ${year} between s.period_from and s.period_to`);
  return covering ?? null;
}

/** Every version of every target in a set, newest first per target. */
export async function targetHistory(db: Queryable, setId: string): Promise<Target[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from targets where set_id = ${setId} order by position, code, version desc`,
  );
  return rows.map(targetOf);
}

/** Funder organisations that can own a target set, by name. */
async function funderOrganisations(db: Queryable): Promise<{ id: string; name: string }[]> {
  return queryRows(db, sql`select id, name from organisations where kind = 'funder' order by name`);
}

// ---------------------------------------------------------------- as a funder keeping targets sees them

export interface TargetSetsForManager {
  /** Every set, each saying whether the caller keeps it. */
  sets: (TargetSet & { manage: boolean })[];
  /** The funder organisations the caller may create a set for: its own; every funder for admins. */
  funders: { id: string; name: string }[];
}

/** The sets and the funders a caller keeps targets for; forbidden for a caller who keeps none. */
export async function targetSetsForManager(db: Queryable, caller: Caller): Promise<TargetSetsForManager> {
  const { principal } = caller;
  const mayManage = (funderId: string) => can(principal, 'targets.manage', { organisationId: funderId });
  const funders = (await funderOrganisations(db)).filter((f) => mayManage(f.id));
  // Without any funder organisation, only the part of the rule that needs none (admins) allows the list.
  if (funders.length === 0) authorize(principal, 'targets.manage');
  const sets = await listTargetSets(db);
  return { sets: sets.map((s) => ({ ...s, manage: mayManage(s.funderId) })), funders };
}

/** A set its caller keeps: not_found for an unknown id, forbidden for another funder's set. */
export async function managedTargetSet(db: Queryable, caller: Caller, id: string): Promise<TargetSet> {
  const set = await targetSetById(db, id);
  if (!set) throw notFound('target set');
  authorize(caller.principal, 'targets.manage', { organisationId: set.funderId });
  return set;
}
