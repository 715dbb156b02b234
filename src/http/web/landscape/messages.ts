import { namesOf } from '../../../domain/glossary.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** The landscape page's texts, Danish first; `en` must have the same shape. */
const da = {
  title: 'Klyngelandskabet',
  lead: 'Se, hvilke temaer de aktive klynger dækker i hver region, og hvor flere klynger arbejder med samme tema i samme region.',
  filter: {
    league: 'Liga',
    allLeagues: 'Alle ligaer',
    submit: 'Vis',
    reset: 'Vis alle ligaer',
    showing: (league: string) => `Viser kun: ${league}.`,
  },
  leagues: namesOf('league', 'da'),
  matrix: {
    heading: 'Temaer og regioner',
    caption: 'Aktive klynger pr. tema og region (efter hjemsted)',
    intro:
      'Hvert tal er antallet af aktive klynger med temaet, som har hjemsted i regionen. En klynge med flere temaer tælles under hvert af dem. Vælg et tal for at se klyngerne i kataloget.',
    overlapNote:
      'Markeringen »overlap« betyder, at to eller flere klynger har samme tema og hjemsted i samme region.',
    theme: 'Tema',
    total: 'I alt',
    none: 'ingen',
    overlap: 'overlap',
    cellLink: (n: number, theme: string, region: string) =>
      `${n === 1 ? 'klynge' : 'klynger'} med temaet ${theme} i ${region}`,
    totalLink: (n: number, theme: string) => `${n === 1 ? 'klynge' : 'klynger'} med temaet ${theme} i alt`,
    clustersRow: 'Klynger (hver klynge én gang)',
  },
  overlaps: {
    heading: 'Overlap mellem klynger',
    intro: 'Klynger med samme tema og hjemsted i samme region. Brug listen til at koordinere finansieringen.',
    none: 'Der er ingen overlap blandt de viste klynger.',
    cell: (theme: string, region: string) => `${theme} i ${region}`,
    signInHint: 'Finansiører kan se navnene på de overlappende klynger, når de er logget ind.',
  },
  map: {
    heading: 'Klyngernes hjemsted',
    group: 'Kort med links til klyngerne',
    title: 'Kort over Danmark med klyngernes hjemsted',
    desc: 'Regionerne er farvet efter antallet af aktive klynger med hjemsted i regionen, og antallet står på hver region. Hver prik er en klynge i sin hjemstedskommune. Bornholm vises i en ramme mod nordøst. Tabellen ved siden af kortet har de samme oplysninger.',
    legend: 'Farven viser antallet af klynger med hjemsted i regionen',
    range: (from: number, to: number | null) =>
      to === null ? `${from} eller flere` : from === to ? `${from}` : `${from}-${to}`,
    seat: 'Klynge (hjemsted)',
    seatTitle: (name: string, municipality: string) => `${name}, ${municipality}`,
    bornholm: 'Bornholm',
    attribution: 'Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI 1:500.000 (2014).',
    attributionNote: '',
  },
  table: {
    caption: 'Aktive klynger efter region (hjemsted)',
    region: 'Region',
    count: 'Antal klynger',
    clusters: 'Klynger',
    none: 'Ingen',
  },
} as const;

const en: Widen<typeof da> = {
  title: 'The cluster landscape',
  lead: 'See which themes the active clusters cover in each region, and where several clusters work on the same theme in the same region.',
  filter: {
    league: 'League',
    allLeagues: 'All leagues',
    submit: 'Show',
    reset: 'Show all leagues',
    showing: (league: string) => `Showing only: ${league}.`,
  },
  leagues: namesOf('league', 'en'),
  matrix: {
    heading: 'Themes and regions',
    caption: 'Active clusters by theme and region (by seat)',
    intro:
      'Each number is the number of active clusters with the theme whose seat is in the region. A cluster with several themes counts under each of them. Choose a number to see the clusters in the catalogue.',
    overlapNote:
      'The mark “overlap” means that two or more clusters share the theme and have their seat in the same region.',
    theme: 'Theme',
    total: 'Total',
    none: 'none',
    overlap: 'overlap',
    cellLink: (n: number, theme: string, region: string) =>
      `${n === 1 ? 'cluster' : 'clusters'} with the theme ${theme} in ${region}`,
    totalLink: (n: number, theme: string) =>
      `${n === 1 ? 'cluster' : 'clusters'} with the theme ${theme} in total`,
    clustersRow: 'Clusters (each cluster once)',
  },
  overlaps: {
    heading: 'Overlapping clusters',
    intro:
      'Clusters with the same theme and their seat in the same region. Use the list to coordinate funding.',
    none: 'There is no overlap among the clusters shown.',
    cell: (theme: string, region: string) => `${theme} in ${region}`,
    signInHint: 'Funders see the names of the overlapping clusters when signed in.',
  },
  map: {
    heading: 'Where the clusters are seated',
    group: 'Map with links to the clusters',
    title: 'Map of Denmark with the seats of the clusters',
    desc: 'Regions are shaded by the number of active clusters seated there, and the number is written on each region. Each dot is a cluster in its seat municipality. Bornholm is shown in a frame to the north-east. The table next to the map holds the same information.',
    legend: 'The shade shows the number of clusters seated in the region',
    range: (from: number, to: number | null) =>
      to === null ? `${from} or more` : from === to ? `${from}` : `${from}-${to}`,
    seat: 'Cluster (seat)',
    seatTitle: (name: string, municipality: string) => `${name}, ${municipality}`,
    bornholm: 'Bornholm',
    attribution: 'Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI 1:500.000 (2014).',
    attributionNote:
      'Contains data from the Danish Agency for Data Supply and Infrastructure, DAGI 1:500,000 (2014).',
  },
  table: {
    caption: 'Active clusters by region (seat)',
    region: 'Region',
    count: 'Number of clusters',
    clusters: 'Clusters',
    none: 'None',
  },
};

export type LandscapeMessages = Widen<typeof da>;

export function landscapeMessages(lang: Lang): LandscapeMessages {
  return lang === 'da' ? da : en;
}
