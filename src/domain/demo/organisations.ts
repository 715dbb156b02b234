import type { clusters, organisations } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { type DemoCluster, NATIONAL_CLUSTERS } from './clusters.ts';
import { demoUuid } from './ids.ts';
import { LOCAL_CLUSTERS } from './local-clusters.ts';
import { demoProfile } from './profiles.ts';

export type OrganisationRow = typeof organisations.$inferInsert;
export type ClusterRow = typeof clusters.$inferInsert;

/**
 * Funders, the support function and business hubs: real public bodies under their real names
 * and seats. They get no CVR (they do not report activities), so nothing about them is invented
 * unless `isDemo` says so.
 */
export interface DemoOrganisation {
  name: string;
  kind: 'funder' | 'support_function' | 'business_service';
  funderLevel?: 'national' | 'regional' | 'municipal';
  municipalityCode: number | null;
  regionCode?: number;
  website: string;
  /** The postal address, as written on letters (funders only). */
  address?: string;
  isDemo: boolean;
}

const funder = (
  name: string,
  funderLevel: DemoOrganisation['funderLevel'],
  municipalityCode: number,
  website: string,
  address: string,
  regionCode?: number,
): DemoOrganisation => ({
  name,
  kind: 'funder',
  funderLevel,
  municipalityCode,
  website,
  address,
  isDemo: false,
  ...(regionCode ? { regionCode } : {}),
});

/** The funders under their real names, seats and public postal addresses (the senders of decision letters). */
export const FUNDERS: readonly DemoOrganisation[] = [
  funder(
    'Uddannelses- og Forskningsministeriet',
    'national',
    101,
    'https://ufm.dk',
    'Børsgade 4, 1215 København K',
  ),
  funder(
    'Danmarks Erhvervsfremmebestyrelse',
    'national',
    101,
    'https://erhvervsfremmebestyrelsen.dk',
    'c/o Erhvervsstyrelsen, Langelinie Allé 17, 2100 København Ø',
  ),
  funder(
    'Region Nordjylland',
    'regional',
    851,
    'https://rn.dk',
    'Niels Bohrs Vej 30, 9220 Aalborg Øst',
    1081,
  ),
  funder('Region Midtjylland', 'regional', 791, 'https://www.rm.dk', 'Skottenborg 26, 8800 Viborg', 1082),
  funder(
    'Region Syddanmark',
    'regional',
    630,
    'https://regionsyddanmark.dk',
    'Damhaven 12, 7100 Vejle',
    1083,
  ),
  funder(
    'Region Hovedstaden',
    'regional',
    219,
    'https://www.regionh.dk',
    'Kongens Vænge 2, 3400 Hillerød',
    1084,
  ),
  funder('Region Sjælland', 'regional', 340, 'https://www.regionsjaelland.dk', 'Alléen 15, 4180 Sorø', 1085),
  funder('Odense Kommune', 'municipal', 461, 'https://www.odense.dk', 'Flakhaven 2, 5000 Odense C'),
  funder('Aalborg Kommune', 'municipal', 851, 'https://www.aalborg.dk', 'Boulevarden 13, 9000 Aalborg'),
  funder(
    'Sønderborg Kommune',
    'municipal',
    540,
    'https://sonderborgkommune.dk',
    'Rådhustorvet 10, 6400 Sønderborg',
  ),
  funder('Bornholms Regionskommune', 'municipal', 400, 'https://www.brk.dk', 'Ullasvej 23, 3700 Rønne'),
];

export const SUPPORT_FUNCTION: DemoOrganisation = {
  name: 'Cluster Excellence Denmark',
  kind: 'support_function',
  municipalityCode: null,
  website: 'https://clusterexcellencedenmark.dk',
  isDemo: false,
};

export const BUSINESS_SERVICES: readonly DemoOrganisation[] = [
  {
    name: 'Erhvervshus Fyn',
    kind: 'business_service',
    municipalityCode: 461,
    website: 'https://ehfyn.dk',
    isDemo: false,
  },
  {
    name: 'Erhvervshus Midtjylland',
    kind: 'business_service',
    // The seat is a guess for the demo.
    municipalityCode: 751,
    website: 'https://www.ehmj.dk',
    isDemo: true,
  },
  {
    name: 'Erhvervshus Hovedstaden',
    kind: 'business_service',
    municipalityCode: 101,
    website: 'https://www.ehhovedstaden.dk',
    isDemo: false,
  },
  {
    name: 'Erhvervshus Nordjylland',
    kind: 'business_service',
    municipalityCode: 851,
    website: 'https://www.ehnj.dk',
    isDemo: false,
  },
];

export const DEMO_CLUSTERS: readonly DemoCluster[] = [...NATIONAL_CLUSTERS, ...LOCAL_CLUSTERS];

/** The stable id of a demo organisation, from its slug. */
export const organisationId = (slug: string): string => demoUuid(`organisation:${slug}`);

/** The national programme period the demo's world-class clusters belong to. */
export const NATIONAL_PERIOD = { from: 2021, to: 2024 } as const;

function otherOrganisationRow(org: DemoOrganisation): OrganisationRow {
  const slug = slugFromTitle(org.name);
  return {
    id: organisationId(slug),
    kind: org.kind,
    funderLevel: org.funderLevel ?? null,
    name: org.name,
    slug,
    cvr: null,
    municipalityCode: org.municipalityCode,
    regionCode: org.regionCode ?? null,
    website: org.website,
    address: org.address ?? null,
    isDemo: org.isDemo,
  };
}

function clusterRows(
  cluster: DemoCluster,
  cvr: string,
): { organisation: OrganisationRow; profile: ClusterRow } {
  const slug = slugFromTitle(cluster.name);
  const id = organisationId(slug);
  const national = cluster.league === 'world_class';
  return {
    organisation: {
      id,
      kind: 'cluster_organisation',
      name: cluster.name,
      slug,
      cvr,
      municipalityCode: cluster.seat,
      website: cluster.website,
      isDemo: true,
    },
    profile: {
      organisationId: id,
      league: cluster.league,
      themes: [...cluster.themes],
      strongholdIndustries: [...cluster.strongholds],
      summaryDa: cluster.summaryDa,
      summaryEn: cluster.summaryEn,
      staffFte: cluster.staffFte,
      nationalFrom: national ? NATIONAL_PERIOD.from : null,
      nationalTo: national ? NATIONAL_PERIOD.to : null,
      endedOn: cluster.endedOn ?? null,
      ...demoProfile(cluster),
    },
  };
}

/** All organisation rows and cluster profiles; cluster CVRs come from the shared allocator. */
export function buildOrganisations(allocateCvr: () => string): {
  organisations: OrganisationRow[];
  clusters: ClusterRow[];
} {
  const built = DEMO_CLUSTERS.map((c) => clusterRows(c, allocateCvr()));
  const others = [...FUNDERS, SUPPORT_FUNCTION, ...BUSINESS_SERVICES].map(otherOrganisationRow);
  const rows = [...built.map((b) => b.organisation), ...others];
  const slugs = new Set(rows.map((r) => r.slug));
  if (slugs.size !== rows.length) throw new Error('demo data: organisation slugs are not unique');
  return { organisations: rows, clusters: built.map((b) => b.profile) };
}
