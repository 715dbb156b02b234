/**
 * Demo action plans (seed 003): Odense Robotics (the demo staff login's cluster) has an accepted
 * plan for 2023, whose goals are the ones the mid-term evaluation demo already compares with, and
 * a draft for 2024; Danish Sound Cluster's 2023 plan awaits the demo funder's decision; CLEAN's
 * 2023 plan is still a draft. Each plan is walked through its steps, so the audit log holds its history.
 * The support function has commented on Odense Robotics' 2024 draft (issue 20, item 6).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { actionPlanActivities, clusterGoals } from '../../db/schema/index.ts';
import type { ActivityCategory, PlanStatus } from '../action-plans/plans.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

const cluster = (name: string) => organisationId(slugFromTitle(name));
const STAFF_EMAIL = 'klynge@demo.klyngeportalen.dk';
const FUNDER_EMAIL = 'funder@demo.klyngeportalen.dk';
/** The demo staff login works for Odense Robotics; the demo funder login for the ministry, which funds it. */
const STAFF_CLUSTER = 'Odense Robotics';

/** Who takes a step: the demo logins where they exist, the seed elsewhere (as in the periods demo). */
function actorOf(plan: DemoPlan, status: PlanStatus): { label: string; userId: string | null } {
  const email = status === 'accepted' ? FUNDER_EMAIL : plan.cluster === STAFF_CLUSTER ? STAFF_EMAIL : null;
  return email ? { label: email, userId: demoUuid(`user:${email}`) } : { label: 'system:seed', userId: null };
}

interface DemoPlan {
  cluster: string;
  year: number;
  narrative: string;
  /** Goals beyond those already set by the evaluation demo. */
  goals: Record<string, number>;
  activities: [ActivityCategory, number, number][];
  steps: { status: PlanStatus; on: string }[];
}

const PLANS: DemoPlan[] = [
  {
    cluster: 'Odense Robotics',
    year: 2023,
    narrative:
      'I 2023 vil klyngen samle flere små og mellemstore virksomheder om automatisering, især i fødevare- og metalindustrien, og styrke samarbejdet med SDU og Teknologisk Institut om test af nye robotløsninger.',
    goals: { activities: 70, grant_dkk: 9_000_000 },
    activities: [
      ['innovation_collaboration', 20, 4_000_000],
      ['knowledge_dissemination', 25, 1_500_000],
      ['internationalisation', 8, 1_200_000],
      ['networking', 15, 600_000],
    ],
    steps: [
      { status: 'draft', on: '2022-11-15T10:00:00Z' },
      { status: 'submitted', on: '2022-12-01T10:00:00Z' },
      { status: 'accepted', on: '2023-01-10T10:00:00Z' },
    ],
  },
  {
    cluster: 'Odense Robotics',
    year: 2024,
    narrative: 'Udkast: flere internationale aktiviteter og et nyt forløb for iværksættere.',
    goals: { participating_companies: 420, international_companies: 60 },
    activities: [
      ['internationalisation', 12, 1_600_000],
      ['entrepreneurs', 6, 500_000],
    ],
    steps: [{ status: 'draft', on: '2023-11-20T10:00:00Z' }],
  },
  {
    cluster: 'Danish Sound Cluster',
    year: 2023,
    narrative:
      'Efter midtvejsdrøftelsen lægger planen vægt på flere samarbejdsprojekter med videninstitutioner om lyd, akustik og hørelse.',
    goals: { activities: 45, collaborating_companies: 40, innovating_companies: 35 },
    activities: [
      ['innovation_collaboration', 14, 3_000_000],
      ['knowledge_dissemination', 18, 900_000],
      ['networking', 10, 400_000],
    ],
    steps: [
      { status: 'draft', on: '2022-11-25T10:00:00Z' },
      { status: 'submitted', on: '2022-12-05T10:00:00Z' },
    ],
  },
  {
    cluster: 'CLEAN',
    year: 2023,
    narrative: 'Kladde til årets plan.',
    goals: { activities: 80 },
    activities: [['innovation_collaboration', 25, 5_000_000]],
    steps: [{ status: 'draft', on: '2022-12-10T10:00:00Z' }],
  },
];

export async function insertDemoActionPlans(tx: Tx): Promise<number> {
  for (const plan of PLANS) {
    const clusterId = cluster(plan.cluster);
    for (const [i, step] of plan.steps.entries()) {
      const actor = actorOf(plan, step.status);
      const by = actor.userId;
      await tx.execute(
        sql`select set_config('klynge.actor', ${actor.label}, true), set_config('klynge.actor_id', ${by ?? ''}, true)`,
      );
      if (i === 0)
        await tx.execute(
          sql`insert into action_plans (cluster_id, year, status, narrative, updated_by, updated_at)
              values (${clusterId}, ${plan.year}, ${step.status}, ${plan.narrative}, ${by}, ${step.on})`,
        );
      else
        await tx.execute(
          sql`update action_plans set status = ${step.status}, updated_by = ${by}, updated_at = ${step.on}
              where cluster_id = ${clusterId} and year = ${plan.year}`,
        );
      if (i === 0) {
        await tx.insert(clusterGoals).values(
          Object.entries(plan.goals).map(([key, value]) => ({
            clusterId,
            year: plan.year,
            key,
            value,
            updatedAt: new Date(step.on),
          })),
        );
        await tx.insert(actionPlanActivities).values(
          plan.activities.map(([category, plannedCount, budgetDkk]) => ({
            clusterId,
            year: plan.year,
            category,
            plannedCount,
            budgetDkk,
          })),
        );
      }
    }
  }
  await insertDemoPlanComments(tx);
  await tx.execute(
    sql`select set_config('klynge.actor', 'system:seed', true), set_config('klynge.actor_id', '', true)`,
  );
  return PLANS.length;
}

const SUPPORT_EMAIL = 'support@demo.klyngeportalen.dk';

/**
 * The support function's sparring on Odense Robotics' 2024 draft: one comment on the planned
 * activities still waiting for the cluster, and one on the narrative the cluster has handled.
 */
async function insertDemoPlanComments(tx: Tx): Promise<void> {
  const clusterId = cluster(STAFF_CLUSTER);
  const support = demoUuid(`user:${SUPPORT_EMAIL}`);
  const staff = demoUuid(`user:${STAFF_EMAIL}`);
  await tx.execute(
    sql`select set_config('klynge.actor', ${SUPPORT_EMAIL}, true), set_config('klynge.actor_id', ${support}, true)`,
  );
  await tx.execute(
    sql`insert into action_plan_comments (cluster_id, year, section, body, author_id, created_at, handled_at, handled_by)
        values (${clusterId}, 2024, 'narrative',
                'Beskriv gerne, hvilke markeder de internationale aktiviteter sigter mod, og hvordan I måler effekten.',
                ${support}, '2023-11-24T09:00:00Z', '2023-11-27T14:00:00Z', ${staff}),
               (${clusterId}, 2024, 'activities',
                'Forløbet for iværksættere kunne med fordel laves sammen med erhvervshuset; vi formidler gerne kontakten.',
                ${support}, '2023-11-28T09:00:00Z', null, null)`,
  );
}
