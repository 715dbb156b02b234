import type { Tx } from '../../db/client.ts';
import { supportServices } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { Payment, ServiceForm, ServiceLanguage, TargetGroup } from '../support/schemas.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * The catalogue of the national support function (Cluster Excellence Denmark) in the demo: the
 * kinds of service it offers the clusters (competence development, internationalisation,
 * analyses and benchmarking, communication), with titles, prices and places invented for the
 * demo, as each description says.
 */
const DEMO_NOTE_DA = '*Demoindhold: ydelsen er opdigtet til demonstrationen af Klyngeportalen.*';
const DEMO_NOTE_EN = '*Demo content: this service was invented to demonstrate Klyngeportalen.*';

interface DemoService {
  da: [title: string, summary: string];
  en: [title: string, summary: string];
  groups: TargetGroup[];
  form: ServiceForm;
  payment: Payment;
  price?: number;
  capacity?: number;
  language: ServiceLanguage;
}

const SERVICES: readonly DemoService[] = [
  {
    da: [
      'Klyngelederuddannelsen',
      'Fire moduler om strategi, forretningsmodel, ledelse af partnerskaber og effektmåling for klyngeledere.',
    ],
    en: [
      'The cluster leader programme',
      'Four modules on strategy, business model, leading partnerships and impact measurement for cluster leaders.',
    ],
    groups: ['cluster_leaders'],
    form: 'module_programme',
    payment: 'user_payment',
    price: 12_000,
    capacity: 20,
    language: 'da',
  },
  {
    da: [
      'Projektledelse i klyngeprojekter',
      'To dages kursus i at planlægge og styre innovationsprojekter med virksomheder og videninstitutioner.',
    ],
    en: [
      'Project management in cluster projects',
      'A two-day course in planning and running innovation projects with companies and knowledge institutions.',
    ],
    groups: ['staff'],
    form: 'course',
    payment: 'user_payment',
    price: 3_500,
    capacity: 24,
    language: 'da',
  },
  {
    da: [
      'Bestyrelsesnetværket',
      'Tre møder om året for klyngebestyrelsernes formænd om governance, strategi og finansiering.',
    ],
    en: [
      'The board network',
      'Three meetings a year for the chairs of cluster boards on governance, strategy and funding.',
    ],
    groups: ['boards'],
    form: 'workshop',
    payment: 'free',
    capacity: 30,
    language: 'da',
  },
  {
    da: [
      'Forberedelse til klyngemærkning',
      'Sparring før en ESCA-benchmarking og en guld-, sølv- eller bronzemærkning: dokumentation, interviews og forbedringer.',
    ],
    en: [
      'Preparing for a cluster label',
      'Sparring before an ESCA benchmarking and a gold, silver or bronze label: documentation, interviews and improvements.',
    ],
    groups: ['cluster_leaders', 'staff'],
    form: 'sparring',
    payment: 'free',
    language: 'da_en',
  },
  {
    da: [
      'Benchmarking af klyngens resultater',
      'En analyse af klyngens aktiviteter og deltagere sammenlignet med klynger af samme liga og tema.',
    ],
    en: [
      "Benchmarking the cluster's results",
      'An analysis of the cluster’s activities and participants compared with clusters of the same league and theme.',
    ],
    groups: ['cluster_leaders', 'boards'],
    form: 'analysis',
    payment: 'free',
    capacity: 10,
    language: 'da',
  },
  {
    da: [
      'Internationaliseringssparring',
      'Sparring om internationale partnerskaber, EU-programmer og klyngens rolle i europæiske netværk.',
    ],
    en: [
      'Sparring on internationalisation',
      'Sparring on international partnerships, EU programmes and the cluster’s role in European networks.',
    ],
    groups: ['cluster_leaders', 'staff'],
    form: 'sparring',
    payment: 'free',
    language: 'da_en',
  },
  {
    da: [
      'Workshop om EU-ansøgninger',
      'En dags workshop om at skrive stærke ansøgninger til Horizon Europe og Single Market Programme sammen med partnere.',
    ],
    en: [
      'Workshop on EU applications',
      'A one-day workshop on writing strong applications to Horizon Europe and the Single Market Programme with partners.',
    ],
    groups: ['staff'],
    form: 'workshop',
    payment: 'user_payment',
    price: 1_500,
    capacity: 30,
    language: 'en',
  },
  {
    da: [
      'Værktøjskasse til effektmåling',
      'Skabeloner og vejledning til at måle og formidle effekten af klyngens aktiviteter for virksomhederne.',
    ],
    en: [
      'Impact measurement toolbox',
      'Templates and guidance for measuring and communicating the impact of the cluster’s activities on companies.',
    ],
    groups: ['cluster_leaders', 'staff', 'emerging_clusters'],
    form: 'tool',
    payment: 'free',
    language: 'da',
  },
  {
    da: [
      'Opstartsforløb for spirende klynger',
      'Et forløb i tre moduler om medlemsgrundlag, finansiering og vejen til at blive en betydende klynge.',
    ],
    en: [
      'Start-up programme for emerging clusters',
      'A programme of three modules on membership, funding and the road to becoming a significant cluster.',
    ],
    groups: ['emerging_clusters'],
    form: 'module_programme',
    payment: 'free',
    capacity: 12,
    language: 'da',
  },
  {
    da: [
      'Klynger for erhvervsrådgivere',
      'Et halvdagskursus for erhvervshusenes rådgivere om hvad klyngerne tilbyder, og hvordan man henviser virksomheder.',
    ],
    en: [
      'Clusters for business advisers',
      'A half-day course for business hub advisers on what clusters offer and how to refer companies.',
    ],
    groups: ['business_advisers'],
    form: 'course',
    payment: 'free',
    capacity: 40,
    language: 'da',
  },
  {
    da: [
      'Kommunikation og succeshistorier',
      'Kursus i at fortælle klyngens resultater: succeshistorier, nyhedsbreve og sociale medier.',
    ],
    en: [
      'Communication and success stories',
      'A course in telling the cluster’s results: success stories, newsletters and social media.',
    ],
    groups: ['staff'],
    form: 'course',
    payment: 'user_payment',
    price: 2_000,
    capacity: 20,
    language: 'da',
  },
  {
    da: [
      'Analyse af klyngens medlemsdata',
      'En analyse af hvilke virksomheder klyngen når, efter branche, størrelse og region, med forslag til nye medlemmer.',
    ],
    en: [
      'Analysis of the cluster’s member data',
      'An analysis of which companies the cluster reaches by industry, size and region, with suggestions for new members.',
    ],
    groups: ['cluster_leaders'],
    form: 'analysis',
    payment: 'price',
    price: 25_000,
    capacity: 6,
    language: 'da',
  },
];

/** The support function's demo services; returns how many. */
export async function insertDemoServices(tx: Tx): Promise<number> {
  const owner = organisationId(slugFromTitle('Cluster Excellence Denmark'));
  await tx.insert(supportServices).values(
    SERVICES.map((s) => ({
      id: demoUuid(`service:${s.da[0]}`),
      organisationId: owner,
      slug: slugFromTitle(s.da[0]),
      titleDa: s.da[0],
      summaryDa: s.da[1],
      titleEn: s.en[0],
      summaryEn: s.en[1],
      descriptionDa: DEMO_NOTE_DA,
      descriptionEn: DEMO_NOTE_EN,
      targetGroups: s.groups,
      form: s.form,
      payment: s.payment,
      priceDkk: s.price ?? null,
      capacity: s.capacity ?? null,
      language: s.language,
    })),
  );
  return SERVICES.length;
}
