import type { DemoCluster } from './clusters.ts';
import { apportion, type Random } from './random.ts';
import { activityTitle, type Category } from './titles.ts';

/** Seed 004: the figures of 2021-2023 the demo reproduces. */
export const DEMO_YEARS = [2021, 2022, 2023] as const;
export const TOTAL_ACTIVITIES = 3_083;
export const GRANT_TOTAL_DKK = 365_000_000;
export const EXTERNAL_FUNDING_TOTAL_DKK = 850_000_000;

export interface CategoryProfile {
  share: number;
  /** Company participants, min and max. */
  companies: readonly [number, number];
  /** Relative chance of a knowledge institution taking part. */
  knowledgeWeight: number;
  durationDays: readonly [number, number];
  grantWeight: number;
  externalChance: number;
  hoursPerCompany: readonly [number, number];
  /** Rates of new_competence, new_idea, new_product per company participation. */
  outcomes: readonly [number, number, number];
}

export const CATEGORIES: Readonly<Record<Category, CategoryProfile>> = {
  innovation_collaboration: {
    share: 0.3,
    companies: [2, 6],
    knowledgeWeight: 20,
    durationDays: [90, 720],
    grantWeight: 4,
    externalChance: 0.75,
    hoursPerCompany: [20, 150],
    outcomes: [0.6, 0.5, 0.45],
  },
  internationalisation: {
    share: 0.14,
    companies: [3, 12],
    knowledgeWeight: 1.2,
    durationDays: [2, 6],
    grantWeight: 1.5,
    externalChance: 0.3,
    hoursPerCompany: [8, 30],
    outcomes: [0.45, 0.35, 0.12],
  },
  knowledge_dissemination: {
    share: 0.2,
    companies: [4, 24],
    knowledgeWeight: 2.5,
    durationDays: [0, 1],
    grantWeight: 0.6,
    externalChance: 0,
    hoursPerCompany: [1, 6],
    outcomes: [0.45, 0.3, 0.1],
  },
  access_to_finance: {
    share: 0.05,
    companies: [3, 10],
    knowledgeWeight: 0.5,
    durationDays: [0, 1],
    grantWeight: 0.8,
    externalChance: 0,
    hoursPerCompany: [2, 10],
    outcomes: [0.3, 0.3, 0.1],
  },
  entrepreneurs: {
    share: 0.06,
    companies: [2, 10],
    knowledgeWeight: 1.4,
    durationDays: [30, 180],
    grantWeight: 1.5,
    externalChance: 0.2,
    hoursPerCompany: [10, 40],
    outcomes: [0.5, 0.45, 0.2],
  },
  networking: {
    share: 0.2,
    companies: [6, 28],
    knowledgeWeight: 1.4,
    durationDays: [0, 0],
    grantWeight: 0.4,
    externalChance: 0,
    hoursPerCompany: [1, 5],
    outcomes: [0.3, 0.25, 0.1],
  },
  organisation_development: {
    share: 0.05,
    companies: [2, 5],
    knowledgeWeight: 1,
    durationDays: [0, 60],
    grantWeight: 1.2,
    externalChance: 0,
    hoursPerCompany: [2, 8],
    outcomes: [0.3, 0.2, 0.05],
  },
};

const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];

/** An activity before participants and money are known. */
export interface ActivityDraft {
  cluster: number;
  year: number;
  activityRef: string;
  title: string;
  category: Category;
  startDate: string;
  endDate: string;
  municipalityCode: number;
  companySlots: number;
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const endOf = (cluster: DemoCluster) =>
  cluster.endedOn ? Date.parse(`${cluster.endedOn}T00:00:00Z`) : Number.POSITIVE_INFINITY;

/** The part of a year a cluster ran activities: from its first grant year, until it ended. */
function activeDays(cluster: DemoCluster, year: number): { first: number; last: number } | null {
  const grantYears = (cluster.grants ?? []).map((g) => g.from);
  if (grantYears.length > 0 && year < Math.min(...grantYears)) return null;
  const first = Date.UTC(year, 0, 2);
  const yearEnd = Date.UTC(year, 11, 18);
  const last = Math.min(yearEnd, endOf(cluster) - 14 * DAY_MS);
  return last > first ? { first, last } : null;
}

/** Activities per cluster and year: the clusters' programme sizes with some yearly jitter, scaled to the total. */
export function planActivityCounts(random: Random, clusters: readonly DemoCluster[]): number[][] {
  const weights = clusters.flatMap((cluster) =>
    DEMO_YEARS.map((year) => {
      const days = activeDays(cluster, year);
      const share = days ? (days.last - days.first) / (365 * DAY_MS) : 0;
      return cluster.activitiesPerYear * share * (0.9 + 0.2 * random.next());
    }),
  );
  const counts = apportion(TOTAL_ACTIVITIES, weights);
  return clusters.map((_, c) => DEMO_YEARS.map((_, y) => counts[c * DEMO_YEARS.length + y] as number));
}

function draftActivity(
  random: Random,
  cluster: DemoCluster,
  index: number,
  year: number,
  pickMunicipality: (random: Random, seat: number) => number,
): Omit<ActivityDraft, 'activityRef'> {
  const days = activeDays(cluster, year) as { first: number; last: number };
  const category = random.weighted(CATEGORY_KEYS, (k) => CATEGORIES[k].share);
  const profile = CATEGORIES[category];
  const start = days.first + random.int(0, Math.floor((days.last - days.first) / DAY_MS)) * DAY_MS;
  const [minCompanies, maxCompanies] = profile.companies;
  // A square of a uniform draw: most activities are small, a few are large.
  const companySlots = minCompanies + Math.floor(random.next() ** 2 * (maxCompanies - minCompanies + 1));
  return {
    cluster: index,
    year,
    title: activityTitle(random, category, cluster.themes, year),
    category,
    startDate: isoDate(start),
    // An organisation that ended (MARLOG) ran nothing past its end.
    endDate: isoDate(Math.min(start + random.int(...profile.durationDays) * DAY_MS, endOf(cluster))),
    municipalityCode: random.chance(0.65) ? cluster.seat : pickMunicipality(random, cluster.seat),
    companySlots,
  };
}

/** Drafts all activities; references are numbered per cluster and year in order of start date. */
export function draftActivities(
  random: Random,
  clusters: readonly DemoCluster[],
  counts: readonly number[][],
  pickMunicipality: (random: Random, seat: number) => number,
): ActivityDraft[] {
  const drafts: ActivityDraft[] = [];
  clusters.forEach((cluster, c) => {
    DEMO_YEARS.forEach((year, y) => {
      const batch = Array.from({ length: counts[c]?.[y] ?? 0 }, () =>
        draftActivity(random, cluster, c, year, pickMunicipality),
      ).sort((a, b) => a.startDate.localeCompare(b.startDate));
      batch.forEach((draft, i) => {
        drafts.push({
          ...draft,
          activityRef: `${cluster.refPrefix}-${year}-${String(i + 1).padStart(4, '0')}`,
        });
      });
    });
  });
  return drafts;
}
