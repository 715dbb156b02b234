import type { clusterLabels, fundingGrants } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { usualSource } from '../grants/league-rule.ts';
import type { DemoCluster } from './clusters.ts';
import { demoUuid } from './ids.ts';
import { DEMO_CLUSTERS, FUNDERS, NATIONAL_PERIOD, organisationId } from './organisations.ts';
import { apportion } from './random.ts';

export type LabelRow = typeof clusterLabels.$inferInsert;
export type GrantRow = typeof fundingGrants.$inferInsert;

/** The labelling body of the European Cluster Excellence Initiative. */
const ASSESSING_BODY = 'ESCA';

/** The joint call 2021-2024: about 80 mio. DKK a year from each of the two national funders. */
const NATIONAL_BUDGET_DKK = 80_000_000;
const UFM = 'uddannelses-og-forskningsministeriet';
const DEB = 'danmarks-erhvervsfremmebestyrelse';

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

export function buildLabels(): LabelRow[] {
  return DEMO_CLUSTERS.flatMap((cluster) => {
    const slug = slugFromTitle(cluster.name);
    return cluster.labels.map(([level, awardedOn, years]) => ({
      id: demoUuid(`label:${slug}:${awardedOn}`),
      organisationId: organisationId(slug),
      level,
      awardedOn,
      validUntil: addYears(awardedOn, years),
      assessingBody: ASSESSING_BODY,
    }));
  });
}

/** Share of a year a cluster was active, so a cluster that ended mid-year gets a part grant. */
function activeShare(cluster: DemoCluster, year: number): number {
  if (!cluster.endedOn) return 1;
  const endYear = Number(cluster.endedOn.slice(0, 4));
  if (year < endYear) return 1;
  if (year > endYear) return 0;
  return Number(cluster.endedOn.slice(5, 7)) / 12;
}

function grant(
  funderSlug: string,
  clusterSlug: string,
  year: number,
  amountDkk: number,
  responsible: boolean,
) {
  const funder = FUNDERS.find((f) => slugFromTitle(f.name) === funderSlug);
  if (!funder?.funderLevel) throw new Error(`demo data: no funder ${funderSlug}`);
  return {
    id: demoUuid(`grant:${funderSlug}:${clusterSlug}:${year}`),
    funderId: organisationId(funderSlug),
    clusterId: organisationId(clusterSlug),
    year,
    amountDkk,
    responsible,
    source: usualSource(funder.funderLevel),
  };
}

/**
 * National grants: each national funder's yearly budget is split among the active national
 * clusters (UFM by staff, the board by activity volume, so the two splits differ a little).
 * UFM is the responsible funder of the world-class league.
 */
function nationalGrants(): GrantRow[] {
  const national = DEMO_CLUSTERS.filter((c) => c.league === 'world_class');
  const rows: GrantRow[] = [];
  for (let year = NATIONAL_PERIOD.from; year <= NATIONAL_PERIOD.to; year++) {
    const active = national.filter((c) => activeShare(c, year) > 0);
    const splits = [
      { funder: UFM, weights: active.map((c) => c.staffFte * activeShare(c, year)), responsible: true },
      {
        funder: DEB,
        weights: active.map((c) => c.activitiesPerYear * activeShare(c, year)),
        responsible: false,
      },
    ];
    for (const split of splits) {
      const amounts = apportion(NATIONAL_BUDGET_DKK, split.weights, 100_000);
      active.forEach((c, i) => {
        rows.push(grant(split.funder, slugFromTitle(c.name), year, amounts[i] as number, split.responsible));
      });
    }
  }
  return rows;
}

function localGrants(): GrantRow[] {
  return DEMO_CLUSTERS.flatMap((cluster) =>
    (cluster.grants ?? []).flatMap((g) => {
      const rows: GrantRow[] = [];
      for (let year = g.from; year <= g.to; year++) {
        rows.push(grant(g.funder, slugFromTitle(cluster.name), year, g.amountDkk, g.responsible));
      }
      return rows;
    }),
  );
}

export function buildGrants(): GrantRow[] {
  return [...nationalGrants(), ...localGrants()];
}
