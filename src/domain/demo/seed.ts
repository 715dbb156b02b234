import { countDistinct, eq, sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Database, Queryable, Tx } from '../../db/client.ts';
import {
  activities,
  clusterLabels,
  clusters,
  companies,
  fundingGrants,
  memberships,
  municipalities,
  organisations,
  participations,
  targetSets,
  targets,
  totpAuthenticators,
  users,
} from '../../db/schema/index.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { insertDemoActionPlans } from './action-plans.ts';
import type { DemoActivity } from './activities.ts';
import { insertDemoAssessmentRound } from './assessment-round.ts';
import { insertBulk } from './bulk.ts';
import { insertDemoCallSetup } from './call-setup.ts';
import { insertDemoClusterServices } from './cluster-services.ts';
import { insertDemoContent } from './content.ts';
import { insertDemoCoordination } from './coordination.ts';
import { insertDemoCoordinationMeetings } from './coordination-meetings.ts';
import { insertDemoCourses } from './courses.ts';
import { buildDemoDataSet, DEMO_SEED, type DemoDataSet } from './dataset.ts';
import { insertDemoEvaluation } from './evaluation.ts';
import { insertDemoKnowledge } from './knowledge.ts';
import { insertDemoSelfAssessment } from './label-support.ts';
import { insertDemoMatchmaking } from './matchmaking.ts';
import { insertDemoCompanies, insertDemoMarketplace } from './partners.ts';
import { insertDemoPeriods } from './periods.ts';
import { insertDemoPractices } from './practices.ts';
import { insertDemoReferrals } from './referrals.ts';
import { insertDemoServices } from './services.ts';
import { insertDemoSteeringGroup } from './steering.ts';
import { insertDemoStrategy } from './strategy.ts';
import { insertDemoSurveys } from './surveys.ts';
import { DEMO_TARGET_SETS, DEMO_TARGETS } from './targets.ts';
import { buildUsers, DEMO_PASSWORD } from './users.ts';

export { DEMO_REFERENCE_DATE, DEMO_SEED } from './dataset.ts';
export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './users.ts';

export interface DemoSummary {
  organisations: number;
  clusters: number;
  users: number;
  /** Rows in `companies`: every CVR holder taking part, knowledge institutions and public bodies included. */
  companies: number;
  activities: number;
  participations: number;
  knowledgeInstitutionParticipations: number;
  /** Distinct CVRs of participants of type company. */
  distinctCompanies: number;
}

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}

/** Inserts the activities and returns their generated ids by (cluster id, activity reference). */
async function insertActivities(tx: Tx, data: DemoDataSet): Promise<Map<string, number>> {
  const clusterIds = data.clusters.map((c) => c.organisationId);
  const rows = data.activities.map((a) => ({
    clusterId: clusterIds[a.cluster] as string,
    activityRef: a.activityRef,
    title: a.title,
    category: a.category,
    startDate: a.startDate,
    endDate: a.endDate,
    municipalityCode: a.municipalityCode,
    grantDkk: a.grantDkk,
    externalFundingDkk: a.externalFundingDkk,
    privateCofinancingHours: a.privateCofinancingHours,
    cofinancingFeesDkk: a.cofinancingFeesDkk,
    cofinancingSponsorshipDkk: a.cofinancingSponsorshipDkk,
    cofinancingFoundationsDkk: a.cofinancingFoundationsDkk,
    euApplication: a.euApplication,
    isSynthetic: true,
  }));
  const inserted = await insertBulk(tx, activities, rows, sql`returning id, cluster_id, activity_ref`);
  return new Map(inserted.map((r) => [`${r.cluster_id}|${r.activity_ref}`, Number(r.id)]));
}

/** The participations, each with its participant as every demo cluster reports it. */
function participationRows(data: DemoDataSet, activityIds: ReadonlyMap<string, number>) {
  const clusterIds = data.clusters.map((c) => c.organisationId);
  const holders = new Map(data.companies.map((c) => [c.cvr, c]));
  return data.activities.flatMap((a: DemoActivity) => {
    const clusterId = clusterIds[a.cluster] as string;
    const activityId = activityIds.get(`${clusterId}|${a.activityRef}`);
    if (activityId === undefined) throw new Error(`demo seed: activity ${a.activityRef} was not inserted`);
    return a.participants.map((p) => {
      const holder = p.cvr === null ? undefined : holders.get(p.cvr);
      if (p.cvr !== null && !holder) throw new Error(`demo seed: no CVR holder ${p.cvr}`);
      return {
        activityId,
        clusterId,
        year: a.year,
        participantType: p.type,
        cvr: p.cvr,
        name: holder?.name ?? (p.foreignName as string),
        country: p.country,
        employees: holder?.employees ?? null,
        municipalityCode: holder?.municipalityCode ?? null,
        industryCode: holder?.industryCode ?? null,
        institutionKind: holder?.institutionKind ?? null,
        newCompetence: p.newCompetence,
        newIdea: p.newIdea,
        newProduct: p.newProduct,
      };
    });
  });
}

async function load(tx: Tx, data: DemoDataSet, passwordHash: string, log: (msg: string) => void) {
  // The small tables go in as one multi-row INSERT each.
  await tx.insert(organisations).values(data.organisations);
  await tx.insert(clusters).values(data.clusters);
  await tx.insert(clusterLabels).values(data.labels);
  await tx.insert(fundingGrants).values(data.grants);
  // Synthetic partner companies first: the demo company login belongs to one.
  const partnerCompanies = await insertDemoCompanies(tx);
  const accounts = buildUsers(passwordHash);
  await tx.insert(users).values(accounts.users);
  await tx.insert(memberships).values(accounts.memberships);
  await tx.insert(totpAuthenticators).values(accounts.authenticators);
  await tx.insert(targetSets).values([...DEMO_TARGET_SETS]);
  await tx.insert(targets).values([...DEMO_TARGETS]);
  log(
    `demo: ${data.organisations.length} organisations, ${partnerCompanies} partner companies, ${accounts.users.length} users`,
  );
  await insertBulk(
    tx,
    companies,
    data.companies.map((c) => ({ cvr: c.cvr, isSynthetic: true })),
  );
  const activityIds = await insertActivities(tx, data);
  const rows = participationRows(data, activityIds);
  await insertBulk(tx, participations, rows);
  log(
    `demo: ${data.companies.length} companies, ${data.activities.length} activities, ${rows.length} participations`,
  );
}

export async function summarise(db: Queryable): Promise<DemoSummary> {
  const [distinct] = await db
    .select({ n: countDistinct(participations.cvr) })
    .from(participations)
    .where(eq(participations.participantType, 'company'));
  return {
    organisations: await db.$count(organisations),
    clusters: await db.$count(clusters),
    users: await db.$count(users),
    companies: await db.$count(companies),
    activities: await db.$count(activities),
    participations: await db.$count(participations),
    knowledgeInstitutionParticipations: await db.$count(
      participations,
      eq(participations.participantType, 'knowledge_institution'),
    ),
    distinctCompanies: distinct?.n ?? 0,
  };
}

/**
 * Loads the demo data set into an empty database in one transaction, so a failed seed leaves
 * nothing behind. Refuses a database that already holds organisations.
 */
export async function seedDemo(
  database: Database,
  log: (msg: string) => void = () => {},
): Promise<DemoSummary> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withActor(database.db, systemActor('seed'), async (tx) => {
    if (!(await isDatabaseEmpty(tx))) {
      throw new Error(
        'The database already holds data: the demo data set is only loaded into an empty database.',
      );
    }
    const municipalityRows = await tx
      .select({ code: municipalities.code, regionCode: municipalities.regionCode })
      .from(municipalities)
      .orderBy(municipalities.code);
    const data = buildDemoDataSet(municipalityRows);
    log(`demo: data set built in ${Math.round(performance.now() - started)} ms`);
    await load(tx, data, passwordHash, log);
    await insertDemoContent(tx);
    log(`demo: ${await insertDemoMatchmaking(tx)} matchmaking participants`);
    log(`demo: ${await insertDemoPeriods(tx, data)} reporting periods`);
    await insertDemoEvaluation(tx);
    log(`demo: ${await insertDemoActionPlans(tx)} action plans`);
    await insertDemoSelfAssessment(tx);
    await insertDemoCallSetup(tx);
    log(`demo: ${await insertDemoAssessmentRound(tx)} applications waiting for the demo assessor`);
    await insertDemoCoordination(tx);
    await insertDemoCoordinationMeetings(tx);
    await insertDemoStrategy(tx);
    log(`demo: ${await insertDemoReferrals(tx)} referrals`);
    log(`demo: ${await insertDemoMarketplace(tx)} marketplace items`);
    log(`demo: ${await insertDemoServices(tx)} services of the support function`);
    // Dated from today, so that the demo always has courses to come.
    log(`demo: ${await insertDemoCourses(tx, new Date())} courses of the support function`);
    log(`demo: ${await insertDemoKnowledge(tx)} articles and templates of the support function`);
    log(`demo: ${await insertDemoSteeringGroup(tx)} steering group contributions`);
    log(`demo: ${await insertDemoClusterServices(tx)} services of clusters`);
    log(`demo: ${await insertDemoPractices(tx)} good-practice cases`);
    log(`demo: ${await insertDemoSurveys(tx, DEMO_SEED)} survey responses`);
  });
  // Fresh statistics, or the planner guesses one row per table and picks nested loops.
  await database.db.execute(sql`analyze`);
  const summary = await summarise(database.db);
  log(`demo: seeded in ${Math.round(performance.now() - started)} ms`);
  return summary;
}
