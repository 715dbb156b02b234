import {
  buildActivities,
  type DemoActivity,
  type FormatOneOneFigures,
  formatOneOneFigures,
} from './activities.ts';
import { draftActivities, planActivityCounts } from './activity-plan.ts';
import {
  assignInstitutionCvrs,
  buildCompanyPool,
  type CvrHolder,
  createMunicipalityPicker,
  cvrHolder,
  type Municipality,
} from './companies.ts';
import { buildGrants, buildLabels, type GrantRow, type LabelRow } from './funding.ts';
import { createCvrAllocator } from './ids.ts';
import { buildOrganisations, type ClusterRow, DEMO_CLUSTERS, type OrganisationRow } from './organisations.ts';
import { createRandom } from './random.ts';

/** The seed of the demo data set. Changing it changes every synthetic company and activity. */
export const DEMO_SEED = 20_210_101;

/**
 * The date the demo's label register is designed around: some labels expire within six months
 * of it, some have expired.
 */
export const DEMO_REFERENCE_DATE = '2026-11-26';

export interface DemoDataSet {
  organisations: OrganisationRow[];
  clusters: ClusterRow[];
  labels: LabelRow[];
  grants: GrantRow[];
  /** Every CVR holder taking part: synthetic companies, knowledge institutions, public bodies. */
  companies: CvrHolder[];
  activities: (DemoActivity & FormatOneOneFigures)[];
}

/**
 * Builds the whole demo data set in memory, the same on every run. Each part draws from its own
 * random stream, so changing how activities are drawn does not change the companies.
 */
export function buildDemoDataSet(municipalities: readonly Municipality[]): DemoDataSet {
  const stream = (n: number) => createRandom(DEMO_SEED + n * 7_919);
  const allocateCvr = createCvrAllocator(stream(1));
  const { organisations, clusters } = buildOrganisations(allocateCvr);
  const { knowledge, publicBodies } = assignInstitutionCvrs(allocateCvr);
  const counts = planActivityCounts(stream(2), DEMO_CLUSTERS);
  const totals = counts.map((perYear) => perYear.reduce((a, b) => a + b, 0));
  const pool = buildCompanyPool(stream(3), allocateCvr, DEMO_CLUSTERS, totals, municipalities);
  const drafts = draftActivities(stream(4), DEMO_CLUSTERS, counts, createMunicipalityPicker(municipalities));
  const drawn = buildActivities(stream(5), {
    drafts,
    clusters: DEMO_CLUSTERS,
    pool,
    knowledge,
    publicBodies,
    regionOf: new Map(municipalities.map((m) => [m.code, m.regionCode])),
  });
  const added = formatOneOneFigures(stream(6), drawn);
  const activities = drawn.map((a, i) => ({ ...a, ...(added[i] as FormatOneOneFigures) }));
  const participating = new Set(activities.flatMap((a) => a.participants.map((p) => p.cvr)));
  const companies = [...pool, ...knowledge, ...publicBodies]
    .filter((c) => participating.has(c.cvr))
    .map(cvrHolder);
  return { organisations, clusters, labels: buildLabels(), grants: buildGrants(), companies, activities };
}
