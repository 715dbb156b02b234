/**
 * Demo reporting periods for every year a cluster is funded or has activities: 2021 and most of
 * 2022 locked, 2023 a mix of submitted, approved, returned, locked and still open, 2024 (funded,
 * without activities in the demo) open, so both period pages and the timeliness have something
 * to show. Most years are submitted in February, before the 1 March deadline; a resubmission after
 * a return comes late. Each period is walked through its steps in the seed transaction, so the history (from
 * the audit log) reads like real use; the demo logins act where they exist, 'system:seed' elsewhere.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { PeriodStatus } from '../reporting/periods/transitions.ts';
import type { DemoDataSet } from './dataset.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

interface Step {
  status: PeriodStatus;
  on: string;
  /** 'seed': the period is made open by the system. */
  by: 'cluster' | 'funder' | 'seed';
  comment: string | null;
}

export interface DemoPeriod {
  clusterId: string;
  year: number;
  steps: Step[];
}

const STAFF_EMAIL = 'klynge@demo.klyngeportalen.dk';
const FUNDER_EMAIL = 'funder@demo.klyngeportalen.dk';
/** The demo staff login's cluster and the demo funder login's organisation (see users.ts). */
const STAFF_CLUSTER = organisationId(slugFromTitle('Odense Robotics'));
const FUNDER_ORG = organisationId(slugFromTitle('Uddannelses- og Forskningsministeriet'));

const RETURN_COMMENTS = [
  'Deltagerlisterne mangler CVR-nummer for flere virksomheder; ret og indsend igen.',
  'Antallet af aktiviteter i internationalisering afviger fra handlingsplanen; forklar eller ret.',
  'Den private medfinansiering ser for høj ud for to aktiviteter; kontrollér timerne.',
];

type Plan = 'locked' | 'lockedAfterReturn' | 'approved' | 'submitted' | 'returned' | 'open';

function planFor(clusterIndex: number, clusterId: string, year: number): Plan {
  if (year === 2021) return clusterIndex % 3 === 0 ? 'lockedAfterReturn' : 'locked';
  if (year === 2022) return clusterIndex % 4 === 3 ? 'approved' : 'locked';
  if (clusterId === STAFF_CLUSTER) return 'returned';
  return (['approved', 'submitted', 'returned', 'submitted', 'locked', 'open'] as const)[
    clusterIndex % 6
  ] as Plan;
}

function stepsOf(plan: Plan, year: number, clusterIndex: number): Step[] {
  const next = year + 1;
  const day = String(1 + (clusterIndex % 27)).padStart(2, '0');
  const submit: Step = { status: 'submitted', on: `${next}-02-${day}`, by: 'cluster', comment: null };
  const approve: Step = { status: 'approved', on: `${next}-04-${day}`, by: 'funder', comment: null };
  const lock: Step = { status: 'locked', on: `${next}-06-30`, by: 'funder', comment: null };
  const returned: Step = {
    status: 'returned',
    on: `${next}-03-${day}`,
    by: 'funder',
    comment: RETURN_COMMENTS[clusterIndex % RETURN_COMMENTS.length] as string,
  };
  const resubmit: Step = {
    status: 'submitted',
    on: `${next}-03-28`,
    by: 'cluster',
    comment: 'Rettet efter bevillingsgiverens bemærkning.',
  };
  switch (plan) {
    case 'locked':
      return [submit, approve, lock];
    case 'lockedAfterReturn':
      return [submit, returned, resubmit, approve, lock];
    case 'approved':
      return [submit, approve];
    case 'submitted':
      return [submit];
    case 'returned':
      return [submit, returned];
    case 'open':
      return [{ status: 'open', on: `${year}-01-02`, by: 'seed', comment: null }];
  }
}

/** The demo periods, the same on every run. */
export function buildPeriods(data: DemoDataSet): DemoPeriod[] {
  const active = new Map<number, Set<number>>();
  for (const a of data.activities) {
    const set = active.get(a.cluster) ?? new Set<number>();
    set.add(a.year);
    active.set(a.cluster, set);
  }
  return data.clusters.flatMap((c, i) => {
    const activeYears = active.get(i) ?? new Set<number>();
    const funded = data.grants.filter((g) => g.clusterId === c.organisationId).map((g) => g.year);
    return [...new Set([...activeYears, ...funded])].sort().map((year) => ({
      clusterId: c.organisationId,
      year,
      steps: stepsOf(activeYears.has(year) ? planFor(i, c.organisationId, year) : 'open', year, i),
    }));
  });
}

/** Who acts at a step: the demo login where the step is theirs, the seed elsewhere. */
function actorOf(p: DemoPeriod, step: Step, data: DemoDataSet): { label: string; userId: string | null } {
  if (step.by === 'cluster' && p.clusterId === STAFF_CLUSTER)
    return { label: STAFF_EMAIL, userId: demoUuid(`user:${STAFF_EMAIL}`) };
  const funded = data.grants.some(
    (g) => g.funderId === FUNDER_ORG && g.clusterId === p.clusterId && g.year === p.year,
  );
  if (step.by === 'funder' && funded)
    return { label: FUNDER_EMAIL, userId: demoUuid(`user:${FUNDER_EMAIL}`) };
  return { label: 'system:seed', userId: null };
}

/**
 * Walks every period through its steps: one set-based statement per step and actor, with the
 * actor set for the audit trigger, then the seed's own actor again.
 */
export async function insertDemoPeriods(tx: Tx, data: DemoDataSet): Promise<number> {
  const periods = buildPeriods(data);
  const depth = Math.max(0, ...periods.map((p) => p.steps.length));
  for (let k = 0; k < depth; k++) {
    const groups = new Map<string, { actor: { label: string; userId: string | null }; rows: object[] }>();
    for (const p of periods) {
      const step = p.steps[k];
      if (!step) continue;
      const actor = actorOf(p, step, data);
      const group = groups.get(actor.label) ?? { actor, rows: [] };
      group.rows.push({
        cluster_id: p.clusterId,
        year: p.year,
        status: step.status,
        comment: step.comment,
        updated_by: actor.userId,
        updated_at: `${step.on}T10:00:00+01:00`,
        submitted: step.status === 'submitted',
      });
      groups.set(actor.label, group);
    }
    for (const { actor, rows } of groups.values()) {
      await tx.execute(
        sql`select set_config('klynge.actor', ${actor.label}, true), set_config('klynge.actor_id', ${actor.userId ?? ''}, true)`,
      );
      const json = JSON.stringify(rows);
      const records = sql`jsonb_to_recordset(${json}::jsonb) as x(cluster_id uuid, year smallint, status text, comment text, updated_by uuid, updated_at timestamptz, submitted boolean)`;
      await tx.execute(
        k === 0
          ? sql`insert into reporting_periods (cluster_id, year, status, comment, updated_by, updated_at, submitted_at)
                select cluster_id, year, status::period_status, comment, updated_by, updated_at,
                       case when submitted then updated_at end from ${records}`
          : sql`update reporting_periods p set status = x.status::period_status, comment = x.comment,
                  updated_by = x.updated_by, updated_at = x.updated_at,
                  submitted_at = case when x.submitted then x.updated_at else p.submitted_at end
                from ${records} where p.cluster_id = x.cluster_id and p.year = x.year`,
      );
    }
  }
  await tx.execute(
    sql`select set_config('klynge.actor', 'system:seed', true), set_config('klynge.actor_id', '', true)`,
  );
  return periods.length;
}
