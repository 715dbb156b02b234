import { sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { activities, companies, participations, users } from '../../src/db/schema/index.ts';
import { createCaller } from '../support/callers.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';

/**
 * A business hub in Odense (Syddanmark), a cluster in Copenhagen (Hovedstaden) and one in Aarhus
 * (Midtjylland), with an advisor and staff as callers; the Aarhus cluster also has a second active
 * member of staff, a disabled one and a funder member, who answer no referrals.
 */
export async function referralWorld(db: Db) {
  const hub = await createOrganisation(db, { kind: 'business_service', municipalityCode: 461 });
  const capital = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Klynge Hovedstad',
    slug: `kh-${randomCvr()}`,
    municipalityCode: 101,
  });
  const aarhus = await createCluster(db, {
    cvr: randomCvr(),
    name: 'Klynge Aarhus',
    slug: `ka-${randomCvr()}`,
    municipalityCode: 751,
  });
  const gone = await createUser(db, 'cluster_staff', { organisationId: aarhus.id });
  await withActor(db, systemActor('test'), (tx) =>
    tx.update(users).set({ disabledAt: new Date() }).where(sql`${users.id} = ${gone.id}`),
  );
  return {
    hub,
    capital,
    aarhus,
    advisor: await createCaller(db, 'business_service_staff', { organisationId: hub.id }),
    capitalStaff: await createCaller(db, 'cluster_staff', { organisationId: capital.id }),
    aarhusStaff: await createCaller(db, 'cluster_staff', { organisationId: aarhus.id }),
    aarhusColleague: await createUser(db, 'cluster_staff', { organisationId: aarhus.id }),
    aarhusGone: gone,
    aarhusFunder: await createUser(db, 'funder', { organisationId: aarhus.id }),
  };
}

/** The fields of the referral form, filled in, for these recipients. */
export const referralForm = (recipientIds: string[], over: Record<string, unknown> = {}) => ({
  recipientIds,
  cvr: randomCvr(),
  companyName: 'Syntetisk Robot ApS',
  theme: 'robotics',
  need: 'Vil automatisere pakning og søger partnere.',
  contactName: 'Karen Kontakt',
  contactEmail: 'Karen@Example.dk',
  contactPhone: '+45 12 34 56 78',
  consent: 'on',
  ...over,
});

/** The cluster reports the company (by CVR, under `name`) as a participant in an activity starting on `startDate`. */
export async function reportParticipation(
  db: Db,
  clusterId: string,
  cvr: string,
  startDate: string,
  name = `Firma ${cvr}`,
) {
  await withActor(db, systemActor('test'), async (tx) => {
    await tx.insert(companies).values({ cvr }).onConflictDoNothing();
    const [activity] = await tx
      .insert(activities)
      .values({
        clusterId,
        activityRef: `ref-${randomCvr()}`,
        title: 'Workshop om automatisering',
        category: 'networking',
        startDate,
      })
      .returning({ id: activities.id });
    await tx.insert(participations).values({
      activityId: activity?.id as number,
      clusterId,
      year: Number(startDate.slice(0, 4)),
      participantType: 'company',
      cvr,
      name,
    });
  });
}
