import type { participantType } from '../../db/schema/index.ts';
import {
  type ActivityDraft,
  CATEGORIES,
  EXTERNAL_FUNDING_TOTAL_DKK,
  GRANT_TOTAL_DKK,
} from './activity-plan.ts';
import type { DemoCluster } from './clusters.ts';
import type { DemoCompany, InstitutionWithCvr } from './companies.ts';
import { FOREIGN_PARTICIPANTS } from './institutions.ts';
import { apportion, type Random } from './random.ts';

/** Seed 004: knowledge institutions took part 5,784 times in 2,284 activities. */
export const KNOWLEDGE_ACTIVITIES = 2_284;
export const KNOWLEDGE_PARTICIPATIONS = 5_784;

export interface DemoParticipant {
  type: (typeof participantType.enumValues)[number];
  cvr: string | null;
  foreignName: string | null;
  country: string | null;
  newCompetence: boolean;
  newIdea: boolean;
  newProduct: boolean;
}

export interface DemoActivity extends ActivityDraft {
  grantDkk: number;
  externalFundingDkk: number | null;
  privateCofinancingHours: number;
  participants: DemoParticipant[];
}

/** What format 1.1 adds to an activity: private co-financing by source and EU applications. */
export interface FormatOneOneFigures {
  cofinancingFeesDkk: number | null;
  cofinancingSponsorshipDkk: number | null;
  cofinancingFoundationsDkk: number | null;
  euApplication: boolean;
}

/** Chance that an activity of a category helped develop an application to an EU programme. */
const EU_APPLICATION_CHANCE: Readonly<Record<ActivityDraft['category'], number>> = {
  innovation_collaboration: 0.06,
  internationalisation: 0.15,
  knowledge_dissemination: 0.01,
  access_to_finance: 0.08,
  entrepreneurs: 0.01,
  networking: 0.01,
  organisation_development: 0,
};

/**
 * The format 1.1 figures of every activity, drawn from their own random stream so the figures of
 * format 1.0 stay as they were: participation fees at networking and dissemination events, now
 * and then a sponsor or a private foundation, and EU applications mostly from international work.
 */
export function formatOneOneFigures(
  random: Random,
  activities: readonly DemoActivity[],
): FormatOneOneFigures[] {
  const amount = (chance: number, min: number, max: number) =>
    random.chance(chance) ? Math.round(random.int(min, max) / 500) * 500 : null;
  return activities.map((a) => {
    const events = a.category === 'networking' || a.category === 'knowledge_dissemination';
    return {
      cofinancingFeesDkk: amount(events ? 0.5 : 0.1, 2_000, 30_000),
      cofinancingSponsorshipDkk: amount(0.08, 10_000, 100_000),
      cofinancingFoundationsDkk: amount(
        a.category === 'innovation_collaboration' ? 0.06 : 0.02,
        50_000,
        500_000,
      ),
      euApplication: random.chance(EU_APPLICATION_CHANCE[a.category]),
    };
  });
}

/**
 * Fills every cluster's company slots from its member companies: each member first gets one
 * slot (so every company in the pool takes part), the remaining slots go to members again with a
 * skew, since some companies come back to their cluster again and again.
 */
function assignCompanies(random: Random, drafts: readonly ActivityDraft[], pool: readonly DemoCompany[]) {
  const chosen = drafts.map(() => new Set<string>());
  const membersByCluster = new Map<number, string[]>();
  for (const company of pool) {
    for (const c of company.clusters) {
      const members = membersByCluster.get(c) ?? [];
      members.push(company.cvr);
      membersByCluster.set(c, members);
    }
  }
  const slotsByCluster = new Map<number, number[]>();
  drafts.forEach((d, i) => {
    const slots = slotsByCluster.get(d.cluster) ?? [];
    for (let s = 0; s < d.companySlots; s++) slots.push(i);
    slotsByCluster.set(d.cluster, slots);
  });
  for (const [cluster, clusterSlots] of slotsByCluster) {
    const slots = random.shuffle(clusterSlots);
    const members = random.shuffle(membersByCluster.get(cluster) ?? []);
    if (members.length === 0) throw new Error(`demo data: cluster ${cluster} has no member companies`);
    slots.forEach((draft, s) => {
      const set = chosen[draft] as Set<string>;
      if (s < members.length) {
        set.add(members[s] as string);
        return;
      }
      for (let attempt = 0; attempt < 10; attempt++) {
        const cvr = members[Math.floor(random.next() ** 1.7 * members.length)] as string;
        if (!set.has(cvr)) {
          set.add(cvr);
          return;
        }
      }
    });
  }
  return chosen.map((set) => [...set]);
}

/** Distinct picks, weighted, from a short list. */
function pickDistinct<T>(
  random: Random,
  items: readonly T[],
  count: number,
  weight: (item: T) => number,
): T[] {
  const picked = new Set<T>();
  const wanted = Math.min(count, items.length);
  while (picked.size < wanted)
    picked.add(random.weighted(items, (item) => (picked.has(item) ? 0 : weight(item))));
  return [...picked];
}

/**
 * Knowledge institutions for exactly KNOWLEDGE_ACTIVITIES activities (weighted sampling without
 * replacement, so innovation collaborations nearly always have one) with KNOWLEDGE_PARTICIPATIONS
 * participations in all; institutions in the cluster's own region are preferred.
 */
function assignKnowledge(
  random: Random,
  drafts: readonly ActivityDraft[],
  clusters: readonly DemoCluster[],
  knowledge: readonly InstitutionWithCvr[],
  regionOf: ReadonlyMap<number, number>,
): string[][] {
  const keyed = drafts.map((d, i) => ({
    i,
    key: -Math.log(1 - random.next()) / CATEGORIES[d.category].knowledgeWeight,
  }));
  const selected = keyed
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .slice(0, KNOWLEDGE_ACTIVITIES)
    .map((k) => k.i)
    .sort((a, b) => a - b);
  const extraWeights = selected.map((i) => {
    const base = drafts[i]?.category === 'innovation_collaboration' ? 1.5 : 1;
    return base * (0.3 + 1.4 * random.next());
  });
  const extras = apportion(KNOWLEDGE_PARTICIPATIONS - selected.length, extraWeights);
  const result: string[][] = drafts.map(() => []);
  selected.forEach((draftIndex, n) => {
    const draft = drafts[draftIndex] as ActivityDraft;
    const home = regionOf.get((clusters[draft.cluster] as DemoCluster).seat);
    const weight = (k: InstitutionWithCvr) => k.weight * (regionOf.get(k.municipalityCode) === home ? 3 : 1);
    result[draftIndex] = pickDistinct(random, knowledge, 1 + (extras[n] ?? 0), weight).map((k) => k.cvr);
  });
  return result;
}

const participant = (type: DemoParticipant['type'], cvr: string | null): DemoParticipant => ({
  type,
  cvr,
  foreignName: null,
  country: null,
  newCompetence: false,
  newIdea: false,
  newProduct: false,
});

function otherParticipants(
  random: Random,
  draft: ActivityDraft,
  publicBodies: readonly InstitutionWithCvr[],
) {
  const out: DemoParticipant[] = [];
  const r = random.next();
  const publicCount = r < 0.04 ? 2 : r < 0.2 ? 1 : 0;
  for (const body of pickDistinct(random, publicBodies, publicCount, (b) => b.weight)) {
    out.push(participant('public', body.cvr));
  }
  if (draft.category === 'internationalisation' && random.chance(0.15)) {
    for (const f of pickDistinct(random, FOREIGN_PARTICIPANTS, random.int(1, 3), () => 1)) {
      out.push({ ...participant('foreign', null), foreignName: f.name, country: f.country });
    }
  }
  return out;
}

function money(random: Random, drafts: readonly ActivityDraft[], companyCounts: readonly number[]) {
  const grantWeights = drafts.map((d, i) => {
    const scale = d.category === 'innovation_collaboration' ? (companyCounts[i] ?? 1) / 3 : 1;
    return CATEGORIES[d.category].grantWeight * scale * Math.exp(0.5 * random.normal());
  });
  const externalWeights = drafts.map((d, i) =>
    random.chance(CATEGORIES[d.category].externalChance)
      ? CATEGORIES[d.category].grantWeight * (1 + (companyCounts[i] ?? 1) / 2) * Math.exp(random.normal())
      : 0,
  );
  const hours = drafts.map((d, i) => {
    const [min, max] = CATEGORIES[d.category].hoursPerCompany;
    return Math.round((companyCounts[i] ?? 1) * (min + random.next() * (max - min)) * 2) / 2;
  });
  return {
    grants: apportion(GRANT_TOTAL_DKK, grantWeights, 1_000),
    external: apportion(EXTERNAL_FUNDING_TOTAL_DKK, externalWeights, 1_000),
    hours,
  };
}

export interface ActivityInputs {
  drafts: readonly ActivityDraft[];
  clusters: readonly DemoCluster[];
  pool: readonly DemoCompany[];
  knowledge: readonly InstitutionWithCvr[];
  publicBodies: readonly InstitutionWithCvr[];
  regionOf: ReadonlyMap<number, number>;
}

/** Participants and money for the drafted activities. */
export function buildActivities(random: Random, inputs: ActivityInputs): DemoActivity[] {
  const { drafts } = inputs;
  const companies = assignCompanies(random, drafts, inputs.pool);
  const knowledge = assignKnowledge(random, drafts, inputs.clusters, inputs.knowledge, inputs.regionOf);
  const { grants, external, hours } = money(
    random,
    drafts,
    companies.map((c) => c.length),
  );
  return drafts.map((draft, i) => {
    const [competence, idea, product] = CATEGORIES[draft.category].outcomes;
    const participants: DemoParticipant[] = (companies[i] ?? []).map((cvr) => ({
      ...participant('company', cvr),
      newCompetence: random.chance(competence),
      newIdea: random.chance(idea),
      newProduct: random.chance(product),
    }));
    for (const cvr of knowledge[i] ?? []) participants.push(participant('knowledge_institution', cvr));
    participants.push(...otherParticipants(random, draft, inputs.publicBodies));
    return {
      ...draft,
      grantDkk: grants[i] ?? 0,
      externalFundingDkk: external[i] ? external[i] : null,
      privateCofinancingHours: hours[i] ?? 0,
      participants,
    };
  });
}
