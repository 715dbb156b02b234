import type { InstitutionKind } from '../reporting/format/rows.ts';
import type { DemoCluster } from './clusters.ts';
import { createIndustryPicker } from './industries.ts';
import { type DemoInstitution, KNOWLEDGE_INSTITUTIONS, PUBLIC_BODIES } from './institutions.ts';
import { createCompanyNamer } from './names.ts';
import { type Random, weightedPicker } from './random.ts';

/** A CVR holder as the clusters describe it in their participations (reporting format 1.1). */
export interface CvrHolder {
  cvr: string;
  name: string;
  employees: number | null;
  municipalityCode: number;
  industryCode: string;
  institutionKind: InstitutionKind | null;
}

export interface Municipality {
  code: number;
  regionCode: number;
}

/** A synthetic company and the clusters whose activities it takes part in (indices into the cluster list). */
export interface DemoCompany {
  cvr: string;
  name: string;
  employees: number | null;
  municipalityCode: number;
  industryCode: string;
  clusters: number[];
}

/** Seed 004: 11,050 companies took part in cluster activities 2021-2023. */
export const DISTINCT_COMPANIES = 11_050;

/** Share of companies that also take part in a second cluster's activities. */
const SECOND_CLUSTER_SHARE = 0.2;
/** Share of companies in their home cluster's strongholds; with second clusters this gives ~half of all pairs. */
const INSIDE_STRONGHOLD_SHARE = 0.6;
/** Share of companies located in the region of their home cluster's seat (the rest anywhere). */
const HOME_REGION_SHARE = 0.55;

// Rough populations in thousands, so companies concentrate in the larger municipalities.
const POPULATION_K: Readonly<Record<number, number>> = {
  101: 650,
  751: 360,
  851: 220,
  461: 205,
  630: 120,
  561: 115,
  147: 105,
  730: 98,
  791: 97,
  740: 95,
  621: 95,
  615: 90,
  657: 90,
  265: 90,
  370: 83,
  330: 80,
  157: 75,
  540: 74,
  316: 72,
  159: 69,
  492: 6,
  741: 4,
  563: 3,
  825: 2,
};
const populationOf = (m: Municipality) => POPULATION_K[m.code] ?? 40;

/** Employees, skewed like Danish firms taking part in clusters: most have fewer than 50. */
function drawEmployees(random: Random): number | null {
  const r = random.next();
  if (r < 0.02) return null;
  if (r < 0.4) return random.int(1, 9);
  if (r < 0.73) return random.int(10, 49);
  if (r < 0.91) return random.int(50, 249);
  return Math.round(250 * 12 ** random.next());
}

/** Picks a municipality, in the seat's region more often than elsewhere. */
export function createMunicipalityPicker(municipalities: readonly Municipality[]) {
  const national = weightedPicker(municipalities, populationOf);
  const byRegion = new Map<number, (random: Random) => Municipality>();
  for (const regionCode of new Set(municipalities.map((m) => m.regionCode))) {
    byRegion.set(
      regionCode,
      weightedPicker(
        municipalities.filter((m) => m.regionCode === regionCode),
        populationOf,
      ),
    );
  }
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  return (random: Random, seat: number): number => {
    const regional = byRegion.get(regionOf.get(seat) ?? 0);
    const pick = regional && random.chance(HOME_REGION_SHARE) ? regional : national;
    return pick(random).code;
  };
}

/**
 * The pool of synthetic companies. Each has a home cluster, drawn in proportion to the cluster's
 * activity volume, and sometimes a second one, so companies also cross cluster borders.
 */
export function buildCompanyPool(
  random: Random,
  allocateCvr: () => string,
  clusters: readonly DemoCluster[],
  activityTotals: readonly number[],
  municipalities: readonly Municipality[],
): DemoCompany[] {
  const indices = clusters.map((_, i) => i);
  const pickCluster = weightedPicker(indices, (i) => activityTotals[i] ?? 0);
  const pickMunicipality = createMunicipalityPicker(municipalities);
  const industries = clusters.map((c) => createIndustryPicker(c.strongholds));
  const nameCompany = createCompanyNamer(random);
  const pool: DemoCompany[] = [];
  for (let n = 0; n < DISTINCT_COMPANIES; n++) {
    const home = pickCluster(random);
    const cluster = clusters[home] as DemoCluster;
    const industry = industries[home] as ReturnType<typeof createIndustryPicker>;
    const employees = drawEmployees(random);
    const member = [home];
    if (random.chance(SECOND_CLUSTER_SHARE)) {
      const second = pickCluster(random);
      if (second !== home) member.push(second);
    }
    pool.push({
      cvr: allocateCvr(),
      name: nameCompany(cluster.themes, employees),
      employees,
      municipalityCode: pickMunicipality(random, cluster.seat),
      industryCode: random.chance(INSIDE_STRONGHOLD_SHARE)
        ? industry.inside(random)
        : industry.outside(random),
      clusters: member,
    });
  }
  return pool;
}

export interface InstitutionWithCvr extends DemoInstitution {
  cvr: string;
}

export function assignInstitutionCvrs(allocateCvr: () => string): {
  knowledge: InstitutionWithCvr[];
  publicBodies: InstitutionWithCvr[];
} {
  return {
    knowledge: KNOWLEDGE_INSTITUTIONS.map((i) => ({ ...i, cvr: allocateCvr() })),
    publicBodies: PUBLIC_BODIES.map((i) => ({ ...i, cvr: allocateCvr() })),
  };
}

/** A company or an institution as every cluster reports it in the demo. */
export function cvrHolder(c: DemoCompany | InstitutionWithCvr): CvrHolder {
  return {
    cvr: c.cvr,
    name: c.name,
    employees: c.employees,
    municipalityCode: c.municipalityCode,
    industryCode: c.industryCode,
    institutionKind: 'kind' in c ? c.kind : null,
  };
}
