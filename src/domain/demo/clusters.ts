import type { ThemeKey } from '../catalogue/themes.ts';

/**
 * The clusters of the demo data set. The 14 national cluster organisations 2021-2024 carry the
 * public names from the domain brief; their CVR numbers, staff, label dates, grant amounts and
 * some seats are invented. Three national names and all regional and emerging clusters are
 * invented. Every cluster is therefore marked as demo data (organisations.is_demo).
 */
export type LabelAward = readonly [level: 'bronze' | 'silver' | 'gold', awardedOn: string, validYears: 2 | 3];

export interface LocalGrant {
  /** Slug of the funding organisation. */
  funder: string;
  amountDkk: number;
  from: number;
  to: number;
  responsible: boolean;
}

export interface DemoCluster {
  name: string;
  /** Prefix of the cluster's own activity references, e.g. 'OR' in 'OR-2021-0001'. */
  refPrefix: string;
  league: 'world_class' | 'regional' | 'emerging';
  themes: readonly ThemeKey[];
  /** Municipality code of the seat. */
  seat: number;
  website: string;
  summaryDa: string;
  summaryEn: string;
  /** DB07 prefixes (2-6 digits). */
  strongholds: readonly string[];
  staffFte: number;
  /** Size of the cluster's activity programme, before the yearly jitter. */
  activitiesPerYear: number;
  endedOn?: string;
  labels: readonly LabelAward[];
  /** Regional and emerging clusters only; national grants are apportioned in funding.ts. */
  grants?: readonly LocalGrant[];
}

export const demoSite = (slug: string) => `https://${slug}.demo.klyngeportalen.dk`;

export const NATIONAL_CLUSTERS: readonly DemoCluster[] = [
  {
    name: 'CLEAN',
    refPrefix: 'CL',
    league: 'world_class',
    themes: ['environment', 'water'],
    seat: 540,
    website: 'https://www.cleancluster.dk',
    summaryDa: 'Miljø- og cirkulær økonomi-klynge, der hjælper virksomheder med at udvikle grønne løsninger.',
    summaryEn: 'Environment and circular-economy cluster helping companies develop green solutions.',
    strongholds: ['37', '38', '39', '3832'],
    staffFte: 30,
    activitiesPerYear: 72,
    labels: [
      ['gold', '2019-05-20', 3],
      ['gold', '2022-05-10', 2],
      ['gold', '2024-04-30', 3],
    ],
  },
  {
    name: 'Energy Cluster Denmark',
    refPrefix: 'ECD',
    league: 'world_class',
    themes: ['energy'],
    seat: 561,
    website: 'https://www.energycluster.dk',
    summaryDa: 'Energiklynge for hele værdikæden fra produktion og lagring til forbrug af vedvarende energi.',
    summaryEn:
      'Energy cluster covering the value chain from production and storage to use of renewable energy.',
    strongholds: ['35', '2811', '2711', '4321', '7112'],
    staffFte: 42,
    activitiesPerYear: 106,
    labels: [
      ['silver', '2019-11-01', 2],
      ['gold', '2021-10-15', 3],
      ['gold', '2024-10-01', 3],
    ],
  },
  {
    name: 'Food & Bio Cluster Denmark',
    refPrefix: 'FBCD',
    league: 'world_class',
    themes: ['food'],
    seat: 751,
    website: 'https://www.foodbiocluster.dk',
    summaryDa:
      'Klynge for fødevarer og bioressourcer, der samler virksomheder, forskere og landbrug om innovation.',
    summaryEn:
      'Food and bio-resources cluster bringing companies, researchers and farmers together on innovation.',
    strongholds: ['01', '03', '10', '11', '4633'],
    staffFte: 45,
    activitiesPerYear: 110,
    labels: [
      ['gold', '2020-03-01', 3],
      ['gold', '2023-02-15', 3],
      ['gold', '2026-01-30', 3],
    ],
  },
  {
    name: 'MARLOG',
    refPrefix: 'ML',
    league: 'world_class',
    themes: ['maritime', 'mobility'],
    seat: 851,
    website: 'https://www.marlog.dk',
    summaryDa: 'Maritim- og logistikklynge; organisationen ophørte i 2022 efter konkurs.',
    summaryEn: 'Maritime and logistics cluster; the organisation ended in 2022 after bankruptcy.',
    strongholds: ['50', '52', '301', '4941'],
    staffFte: 12,
    activitiesPerYear: 34,
    endedOn: '2022-08-31',
    labels: [['gold', '2020-06-30', 2]],
  },
  {
    name: 'Danish Life Science Cluster',
    refPrefix: 'DLSC',
    league: 'world_class',
    themes: ['life_science', 'welfare_technology'],
    seat: 101,
    website: 'https://www.danishlifesciencecluster.dk',
    summaryDa: 'Life science- og velfærdsteknologiklynge, der styrker innovation i sundhedssektoren.',
    summaryEn: 'Life science and welfare technology cluster strengthening innovation in health care.',
    strongholds: ['21', '266', '325', '7211', '86'],
    staffFte: 40,
    activitiesPerYear: 115,
    labels: [
      ['gold', '2021-01-20', 3],
      ['gold', '2024-01-15', 3],
    ],
  },
  {
    name: 'We Build Denmark',
    refPrefix: 'WBD',
    league: 'world_class',
    themes: ['construction'],
    seat: 630,
    website: 'https://webuilddenmark.dk',
    summaryDa: 'Byggeklynge, der samler byggeriets virksomheder om bæredygtigt og produktivt byggeri.',
    summaryEn:
      'Construction cluster uniting the building industry on sustainable and productive construction.',
    strongholds: ['41', '42', '43', '7111', '7112'],
    staffFte: 30,
    activitiesPerYear: 77,
    labels: [
      ['silver', '2020-09-01', 2],
      ['gold', '2022-09-20', 3],
      ['gold', '2025-09-10', 3],
    ],
  },
  {
    name: 'MADE',
    refPrefix: 'MADE',
    league: 'world_class',
    themes: ['manufacturing'],
    seat: 101,
    website: 'https://www.made.dk',
    summaryDa: 'Produktionsklynge, der hjælper danske producenter med ny teknologi og digitalisering.',
    summaryEn: 'Manufacturing cluster helping Danish producers adopt new technology and digitalisation.',
    strongholds: ['22', '25', '27', '28', '33'],
    staffFte: 28,
    activitiesPerYear: 91,
    labels: [
      ['gold', '2020-11-10', 3],
      ['gold', '2023-11-01', 3],
      ['gold', '2026-10-20', 3],
    ],
  },
  {
    name: 'DigitalLead',
    refPrefix: 'DL',
    league: 'world_class',
    themes: ['digital'],
    seat: 101,
    website: 'https://www.digitallead.dk',
    summaryDa: 'Klynge for digitale teknologier som kunstig intelligens, cybersikkerhed og kvanteteknologi.',
    summaryEn:
      'Cluster for digital technologies such as artificial intelligence, cyber security and quantum.',
    strongholds: ['58', '62', '63'],
    staffFte: 22,
    activitiesPerYear: 77,
    labels: [
      ['bronze', '2020-12-01', 2],
      ['silver', '2022-12-05', 2],
      ['silver', '2025-01-15', 2],
    ],
  },
  {
    name: 'Lifestyle & Design Cluster',
    refPrefix: 'LDC',
    league: 'world_class',
    themes: ['lifestyle_design', 'creative'],
    seat: 657,
    website: 'https://www.ldcluster.com',
    summaryDa: 'Klynge for livsstil, mode, møbler og design med fokus på bæredygtighed og digital handel.',
    summaryEn:
      'Cluster for lifestyle, fashion, furniture and design focusing on sustainability and e-commerce.',
    strongholds: ['13', '14', '15', '31', '7410'],
    staffFte: 15,
    activitiesPerYear: 53,
    labels: [
      ['silver', '2021-04-12', 3],
      ['silver', '2024-09-02', 3],
    ],
  },
  {
    name: 'Odense Robotics',
    refPrefix: 'OR',
    league: 'world_class',
    themes: ['robotics', 'manufacturing'],
    seat: 461,
    website: 'https://www.odenserobotics.dk',
    summaryDa:
      'Klynge for robotter, automation og droner med hubs i Aalborg, Aarhus, Sønderborg og København.',
    summaryEn:
      'Robotics, automation and drones cluster with hubs in Aalborg, Aarhus, Sønderborg and Copenhagen.',
    strongholds: ['2790', '2822', '2829', '2899', '3030'],
    staffFte: 20,
    activitiesPerYear: 72,
    labels: [
      ['gold', '2021-02-01', 3],
      ['gold', '2024-01-20', 3],
    ],
  },
  {
    name: 'Danish Sound Cluster',
    refPrefix: 'DSC',
    league: 'world_class',
    themes: ['sound'],
    seat: 101,
    website: 'https://www.danishsound.org',
    summaryDa: 'Klynge for lydteknologi, fra høreapparater og højttalere til akustik og lyddesign.',
    summaryEn: 'Sound technology cluster, from hearing aids and loudspeakers to acoustics and sound design.',
    strongholds: ['2640', '2630', '2660', '5920'],
    staffFte: 10,
    activitiesPerYear: 38,
    labels: [
      ['bronze', '2021-06-01', 2],
      ['bronze', '2023-05-20', 2],
      ['silver', '2025-06-30', 2],
    ],
  },
  {
    name: 'Danish Tourism & Experience Cluster',
    refPrefix: 'DTEC',
    league: 'world_class',
    themes: ['tourism', 'creative'],
    seat: 813,
    website: demoSite('turisme'),
    summaryDa:
      'Klynge for turisme og oplevelsesøkonomi, der udvikler nye oplevelser og digitale gæsterejser.',
    summaryEn:
      'Tourism and experience-economy cluster developing new experiences and digital guest journeys.',
    strongholds: ['55', '56', '79', '93'],
    staffFte: 12,
    activitiesPerYear: 43,
    labels: [
      ['bronze', '2021-03-01', 2],
      ['silver', '2023-03-10', 2],
      ['silver', '2025-03-05', 2],
    ],
  },
  {
    name: 'Danish Water Cluster',
    refPrefix: 'DWC',
    league: 'world_class',
    themes: ['water', 'environment'],
    seat: 223,
    website: demoSite('vand'),
    summaryDa: 'Vandklynge for forsyning, spildevand og klimatilpasning med eksport af vandteknologi.',
    summaryEn: 'Water cluster for supply, wastewater and climate adaptation, exporting water technology.',
    strongholds: ['36', '37', '2813', '4221'],
    staffFte: 14,
    activitiesPerYear: 43,
    labels: [
      ['silver', '2020-05-01', 3],
      ['gold', '2023-05-15', 3],
    ],
  },
  {
    name: 'Danish Materials Cluster',
    refPrefix: 'DMC',
    league: 'world_class',
    themes: ['materials', 'manufacturing'],
    seat: 173,
    website: demoSite('materialer'),
    summaryDa: 'Klynge for materialer og kemi, fra nye plastmaterialer til metaller og keramik.',
    summaryEn: 'Materials and chemistry cluster, from new plastics to metals and ceramics.',
    strongholds: ['20', '22', '23', '24'],
    staffFte: 12,
    activitiesPerYear: 38,
    labels: [
      ['bronze', '2021-02-01', 2],
      ['silver', '2023-06-01', 3],
    ],
  },
];
