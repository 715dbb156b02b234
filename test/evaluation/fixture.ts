import { inArray } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/client.ts';
import {
  activities,
  clusters,
  companies,
  fundingGrants,
  organisations,
  participations,
  reportingPeriods,
} from '../../src/db/schema/index.ts';
import type { League } from '../../src/domain/evaluation/figures.ts';

/**
 * A small league with hand-computable figures. Every activity has its own company, so
 * participating companies = activities. Activities per year:
 *
 *   regional   2022  2023      2023 distribution: 1, 2, 3, 10 → Q1 1.75, median 2.5, Q3 4.75
 *   Alfa         1     1       2022 distribution: 1, 4, 4, 4  → Q1 3.25, median 4,   Q3 4
 *   Beta         4     2
 *   Gamma        4     3       Gamma 2023: 1 of 3 companies lacks a municipality, 2 an industry code
 *   Delta        4    10       Delta: one 2023 collaboration activity with a knowledge institution
 *   emerging: Epsilon 5 5      (another league: never among the regional peers)
 */
export const PLAN: Record<string, { league: League; perYear: Record<number, number> }> = {
  Alfa: { league: 'regional', perYear: { 2022: 1, 2023: 1 } },
  Beta: { league: 'regional', perYear: { 2022: 4, 2023: 2 } },
  Gamma: { league: 'regional', perYear: { 2022: 4, 2023: 3 } },
  Delta: { league: 'regional', perYear: { 2022: 4, 2023: 10 } },
  Epsilon: { league: 'emerging', perYear: { 2022: 5, 2023: 5 } },
};

export interface Fixture {
  ids: Record<string, string>;
  slugs: Record<string, string>;
  cvrs: Record<string, string>;
  funderId: string;
  otherFunderId: string;
}

let serial = 0;
const nextCvr = () => String(30_000_000 + serial++);

/** The periods as the clusters left them, nothing approved: Gamma 2023 submitted, Delta 2023 open. */
const reportedPeriods = (ids: Record<string, string>) => [
  { clusterId: ids.Gamma as string, year: 2023, status: 'submitted' as const },
  { clusterId: ids.Delta as string, year: 2023, status: 'open' as const },
];

/** Puts an approved fixture's periods back as the clusters left them (see reportedPeriods). */
export async function withdrawApprovals(db: Db, fx: Fixture): Promise<void> {
  await withActor(db, systemActor('test'), async (tx) => {
    await tx.delete(reportingPeriods).where(inArray(reportingPeriods.clusterId, Object.values(fx.ids)));
    await tx.insert(reportingPeriods).values(reportedPeriods(fx.ids));
  });
}

/**
 * Loads the clusters under names tagged `tag`. Their periods: Gamma 2023 submitted and Delta 2023
 * open; with `approved`, every reported year approved instead, so the official figures (benchmarks,
 * the mid-term evaluation) count them all.
 */
export async function loadFixture(db: Db, tag: string, opts: { approved?: boolean } = {}): Promise<Fixture> {
  const ids: Record<string, string> = {};
  const slugs: Record<string, string> = {};
  const cvrs: Record<string, string> = {};
  return withActor(db, systemActor('test'), async (tx) => {
    const [funder, other] = await tx
      .insert(organisations)
      .values([
        { kind: 'funder', funderLevel: 'regional', name: `Vækstforum ${tag}`, slug: `vf-${tag}` },
        { kind: 'funder', funderLevel: 'municipal', name: `Kommune ${tag}`, slug: `kom-${tag}` },
      ])
      .returning();
    if (!funder || !other) throw new Error('funders not created');
    for (const [name, plan] of Object.entries(PLAN)) {
      const cvr = nextCvr();
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: 'cluster_organisation',
          name: `${name} ${tag}`,
          slug: `${name.toLowerCase()}-${tag}`,
          cvr,
        })
        .returning();
      if (!org) throw new Error('cluster not created');
      ids[name] = org.id;
      slugs[name] = org.slug;
      cvrs[name] = cvr;
      await tx.insert(clusters).values({ organisationId: org.id, league: plan.league });
      // The regional funder funds all but Epsilon, which the municipality funds.
      for (const year of [2021, 2022, 2023, 2024])
        await tx.insert(fundingGrants).values({
          funderId: name === 'Epsilon' ? other.id : funder.id,
          clusterId: org.id,
          year,
          amountDkk: 1_000_000,
        });
      const acts: (typeof activities.$inferInsert)[] = [];
      const firms: (typeof companies.$inferInsert)[] = [];
      const parts: (Omit<typeof participations.$inferInsert, 'activityId'> & { ref: string })[] = [];
      for (const [yearText, n] of Object.entries(plan.perYear)) {
        const year = Number(yearText);
        for (let i = 0; i < n; i++) {
          const ref = `${year}-${i}`;
          const collab = name === 'Delta' && year === 2023 && i === 0;
          acts.push({
            clusterId: org.id,
            activityRef: ref,
            title: `Aktivitet ${i}`,
            category: collab ? 'innovation_collaboration' : 'networking',
            startDate: `${year}-03-0${(i % 9) + 1}`,
            grantDkk: 1000,
            privateCofinancingHours: 2,
          });
          const firm = nextCvr();
          const gamma2023 = name === 'Gamma' && year === 2023;
          firms.push({ cvr: firm });
          parts.push({
            ref,
            clusterId: org.id,
            year,
            participantType: 'company',
            cvr: firm,
            name: `Firma ${firm}`,
            employees: i % 2 === 0 ? 10 : 100,
            municipalityCode: gamma2023 && i === 0 ? null : 101,
            industryCode: gamma2023 && i < 2 ? null : '620100',
            newProduct: i % 2 === 0,
            newCompetence: true,
          });
          if (collab) {
            const ki = nextCvr();
            firms.push({ cvr: ki });
            parts.push({
              ref,
              clusterId: org.id,
              year,
              participantType: 'knowledge_institution',
              cvr: ki,
              name: `Universitet ${ki}`,
            });
          }
        }
      }
      const inserted = await tx
        .insert(activities)
        .values(acts)
        .returning({ id: activities.id, ref: activities.activityRef });
      const idOf = new Map(inserted.map((a) => [a.ref, a.id]));
      await tx.insert(companies).values(firms);
      await tx
        .insert(participations)
        .values(parts.map(({ ref, ...p }) => ({ ...p, activityId: idOf.get(ref) as number })));
    }
    await tx
      .insert(reportingPeriods)
      .values(
        opts.approved
          ? Object.values(ids).flatMap((clusterId) =>
              [2022, 2023].map((year) => ({ clusterId, year, status: 'approved' as const })),
            )
          : reportedPeriods(ids),
      );
    return { ids, slugs, cvrs, funderId: funder.id, otherFunderId: other.id };
  });
}
