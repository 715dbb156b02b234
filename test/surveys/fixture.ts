import type { sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { activities, clusters, companies, organisations, participations } from '../../src/db/schema/index.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';

export interface TestCompany {
  cvr: string;
  name: string;
  employees: number | null;
  municipalityCode: number | null;
}

let nextCvr = 4_100_000;
/** A valid, unused CVR number (mod 11) for a test company. */
export function testCvr(): string {
  for (;;) {
    const cvr = completeCvr(String(nextCvr++));
    if (cvr) return cvr;
  }
}

/** A cluster organisation with its profile: league, seat, contact e-mail. */
export async function createSurveyCluster(
  db: Db,
  input: {
    name: string;
    league?: 'world_class' | 'regional' | 'emerging';
    municipalityCode?: number;
    contactEmail?: string | null;
  },
): Promise<string> {
  return withActor(db, systemActor('test'), async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: 'cluster_organisation',
        name: input.name,
        slug: `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
        municipalityCode: input.municipalityCode ?? 101,
      })
      .returning({ id: organisations.id });
    if (!org) throw new Error('cluster not created');
    await tx.insert(clusters).values({
      organisationId: org.id,
      league: input.league ?? 'regional',
      contactEmail:
        input.contactEmail === undefined ? `kontakt-${org.id.slice(0, 8)}@example.dk` : input.contactEmail,
    });
    return org.id;
  });
}

/** The companies take part in one activity of the cluster in the year. */
export async function addParticipants(db: Db, clusterId: string, year: number, list: readonly TestCompany[]) {
  await withActor(db, systemActor('test'), async (tx) => {
    await tx
      .insert(companies)
      .values(list.map((c) => ({ cvr: c.cvr })))
      .onConflictDoNothing();
    const [activity] = await tx
      .insert(activities)
      .values({
        clusterId,
        activityRef: `T-${year}-${Math.random().toString(36).slice(2, 10)}`,
        title: 'Testaktivitet',
        category: 'networking',
        startDate: `${year}-03-01`,
      })
      .returning({ id: activities.id });
    if (!activity) throw new Error('activity not created');
    await tx.insert(participations).values(
      list.map((c) => ({
        activityId: activity.id,
        clusterId,
        year,
        participantType: 'company' as const,
        cvr: c.cvr,
        name: c.name,
        employees: c.employees,
        municipalityCode: c.municipalityCode,
      })),
    );
  });
}

/** Runs raw SQL as the test system actor (for checks that bypass the domain on purpose). */
export const asSystem = (db: Db, query: ReturnType<typeof sql>) =>
  withActor(db, systemActor('test'), (tx) => tx.execute(query));
