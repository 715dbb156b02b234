/**
 * Demo labelling support (issue 20, item 7): Odense Robotics, the demo staff login's cluster, has
 * assessed itself against the label criteria and has an improvement plan, written by the demo
 * staff login.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { Score } from '../labels/criteria.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

const STAFF_EMAIL = 'klynge@demo.klyngeportalen.dk';

/** Most criteria met, internationalisation and member satisfaction partly: it points to Silver. */
const SCORES: Record<string, Score> = {
  members: 2,
  composition: 2,
  staff: 2,
  board: 2,
  stakeholders: 1,
  fundingMix: 2,
  budget: 2,
  strategy: 2,
  actionPlan: 2,
  serviceOffer: 2,
  internationalisation: 1,
  results: 1,
  satisfaction: 1,
};

export async function insertDemoSelfAssessment(tx: Tx): Promise<void> {
  const staff = demoUuid(`user:${STAFF_EMAIL}`);
  await tx.execute(
    sql`select set_config('klynge.actor', ${STAFF_EMAIL}, true), set_config('klynge.actor_id', ${staff}, true)`,
  );
  await tx.execute(
    sql`insert into label_self_assessments (cluster_id, scores, updated_by, updated_at)
        values (${organisationId(slugFromTitle('Odense Robotics'))}, ${JSON.stringify(SCORES)}::jsonb, ${staff},
                '2026-10-01T09:00:00Z')`,
  );
  const cluster = organisationId(slugFromTitle('Odense Robotics'));
  // The improvement plan towards Gold: one action done, one open.
  await tx.execute(
    sql`insert into label_improvement_actions (cluster_id, title, due_on, done_on, created_at)
        values (${cluster}, 'Mål medlemmernes tilfredshed i en årlig undersøgelse', '2026-12-15', null, '2026-10-01T09:00:00Z'),
               (${cluster}, 'Beskriv tilbuddet om internationale partnerskaber', '2026-11-01', '2026-10-28', '2026-10-01T09:00:00Z')`,
  );
  await tx.execute(
    sql`select set_config('klynge.actor', 'system:seed', true), set_config('klynge.actor_id', '', true)`,
  );
}
