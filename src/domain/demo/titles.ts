import type { activityCategory } from '../../db/schema/index.ts';
import type { ThemeKey } from '../catalogue/themes.ts';
import type { Random } from './random.ts';

export type Category = (typeof activityCategory.enumValues)[number];

/** Danish activity titles: a template per category filled with a topic from the cluster's themes. */
const TOPICS: Record<ThemeKey, readonly string[]> = {
  energy: ['Power-to-X', 'havvind', 'energilagring', 'fjernvarme', 'smart grid', 'solceller'],
  environment: [
    'cirkulære forretningsmodeller',
    'genanvendelse af plast',
    'klimaregnskaber',
    'grøn omstilling',
  ],
  food: [
    'alternative proteiner',
    'fødevaresikkerhed',
    'bæredygtig emballage',
    'præcisionslandbrug',
    'madspild',
  ],
  maritime: ['grøn skibsfart', 'havnelogistik', 'autonome skibe', 'robuste forsyningskæder'],
  life_science: ['medicinsk udstyr', 'klinisk afprøvning', 'diagnostik', 'bioteknologisk produktion'],
  welfare_technology: ['telemedicin', 'hjælpemidler i hjemmeplejen', 'sundhedsdata', 'rehabilitering'],
  construction: ['industrialiseret byggeri', 'træbyggeri', 'energirenovering', 'digitalt byggeri'],
  manufacturing: [
    'digitalisering af produktionen',
    'additiv fremstilling',
    'lean og automation',
    'kvalitetsstyring',
  ],
  digital: ['kunstig intelligens', 'cybersikkerhed', 'kvanteteknologi', 'dataetik', 'cloud'],
  robotics: ['kollaborative robotter', 'droner', 'automatisering i SMV’er', 'mobile robotter'],
  lifestyle_design: ['bæredygtigt design', 'e-handel', 'cirkulær mode', 'møbeldesign'],
  sound: ['høreteknologi', 'akustik', 'lyddesign', 'lyd i køretøjer'],
  tourism: ['kystturisme', 'digitale gæsterejser', 'bæredygtig turisme', 'events og festivaler'],
  water: ['vandforsyning', 'spildevandsrensning', 'klimatilpasning', 'vandeffektivitet'],
  materials: ['biobaserede materialer', 'kompositter', 'overfladebehandling', 'materialegenanvendelse'],
  mobility: ['elektrificering af transport', 'droneleverancer', 'delemobilitet'],
  creative: ['spiludvikling', 'kreative forretningsmodeller', 'digitale medier'],
};

const TEMPLATES: Record<Category, readonly string[]> = {
  innovation_collaboration: [
    'Innovationsprojekt om {t}',
    'Udviklingsforløb: {t}',
    'Samarbejdsprojekt med videninstitutioner om {t}',
  ],
  internationalisation: [
    'Eksportfremstød til {c}: {t}',
    'Delegationsrejse til {c} om {t}',
    'International matchmaking: {t}',
  ],
  knowledge_dissemination: ['Temadag om {t}', 'Webinar: {t}', 'Konference om {t}', 'Workshop om {t}'],
  access_to_finance: ['Investorforum: {t}', 'Workshop om fondsansøgninger til {t}'],
  entrepreneurs: ['Iværksætterforløb: {t}', 'Acceleratorprogram for startups inden for {t}'],
  networking: ['Netværksmøde om {t}', 'Erfa-gruppe: {t}', 'Årsmøde og netværksdag {y}'],
  organisation_development: ['Strategiseminar for klyngens partnere {y}', 'Bestyrelsesseminar om {t}'],
};

const COUNTRIES = [
  'Tyskland',
  'Sverige',
  'Norge',
  'Holland',
  'USA',
  'Japan',
  'Singapore',
  'Storbritannien',
  'Frankrig',
];

export function activityTitle(
  random: Random,
  category: Category,
  themes: readonly ThemeKey[],
  year: number,
): string {
  const topic = random.pick(TOPICS[random.pick(themes)]);
  return random
    .pick(TEMPLATES[category])
    .replace('{t}', topic)
    .replace('{c}', random.pick(COUNTRIES))
    .replace('{y}', String(year));
}
