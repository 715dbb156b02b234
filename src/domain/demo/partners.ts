/**
 * Synthetic partner profiles and marketplace items (issue 21): 30 companies, most of them Danish
 * and a few abroad, with invented names marked "(syntetisk)" and valid CVR check digits, and 40
 * offers and requests of theirs and of the real clusters. The first company holds the demo
 * company login. Validity dates are fixed; a few items have expired, to show they leave the list.
 */
import type { Tx } from '../../db/client.ts';
import { companyProfiles, marketplaceItems, organisations } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { completeCvr } from '../reference/identifiers.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

type Size = 'micro' | 'small' | 'medium' | 'large';

interface DemoCompany {
  name: string;
  /** A Danish municipality code, or a foreign country and its registration number. */
  at: number | { country: string; registrationNumber: string };
  themes: string[];
  technologies: string[];
  does: string;
  seeks: string;
  size: Size;
  industryCode: string;
}

const dk = (
  name: string,
  at: number,
  themes: string[],
  technologies: string[],
  does: string,
  seeks: string,
  size: Size,
  industryCode: string,
): DemoCompany => ({ name, at, themes, technologies, does, seeks, size, industryCode });

const abroad = (
  name: string,
  country: string,
  registrationNumber: string,
  themes: string[],
  technologies: string[],
  does: string,
  seeks: string,
): DemoCompany => ({
  name,
  at: { country, registrationNumber },
  themes,
  technologies,
  does,
  seeks,
  size: 'small',
  industryCode: '721900',
});

/** The demo company login's company comes first. */
// biome-ignore format: one company a line reads as a table
export const DEMO_COMPANIES: readonly DemoCompany[] = [
  dk('Fynsk Robotteknik ApS (syntetisk)', 461, ['robotics'], ['robotter', 'maskinsyn'], 'Udvikler greb og maskinsyn til kollaborative robotter.', 'Pilotkunder i fødevareindustrien.', 'small', '282900'),
  dk('Aarhus Sensorik A/S (syntetisk)', 751, ['digital', 'manufacturing'], ['sensorer', 'iot'], 'Trådløse sensorer til overvågning af maskiner.', 'Partnere til et EU-projekt om prædiktiv vedligeholdelse.', 'medium', '265100'),
  dk('Nordisk Biogas Service ApS (syntetisk)', 791, ['energy', 'environment'], ['biogas', 'styring'], 'Drift og optimering af biogasanlæg.', 'Leverandører af gasrensning.', 'small', '351100'),
  dk('Kolding Emballage ApS (syntetisk)', 621, ['environment', 'manufacturing'], ['genanvendelse', 'fiberemballage'], 'Fiberbaseret emballage til fødevarer.', 'Forskningspartnere om barrierebelægninger.', 'small', '172100'),
  dk('Esbjerg Offshore Teknik A/S (syntetisk)', 561, ['energy', 'maritime'], ['havvind', 'droner'], 'Inspektion af havvindmøller med droner.', 'Investorer til skalering.', 'medium', '711200'),
  dk('Herning Tekstil Design ApS (syntetisk)', 657, ['lifestyle_design'], ['genbrugstekstil'], 'Design af møbeltekstiler af genbrugsfibre.', 'Producenter af genbrugsgarn.', 'micro', '139600'),
  dk('Københavns Sundhedsdata ApS (syntetisk)', 101, ['life_science', 'digital'], ['maskinlæring', 'sundhedsdata'], 'Analyse af anonymiserede sundhedsdata.', 'Hospitaler til kliniske afprøvninger.', 'small', '620100'),
  dk('Aalborg Vandteknik A/S (syntetisk)', 851, ['water'], ['membranfiltre', 'iot'], 'Filtre og måling til drikkevand.', 'Eksportpartnere i Tyskland.', 'medium', '282900'),
  dk('Favrskov Fødevareinnovation ApS (syntetisk)', 710, ['food'], ['fermentering', 'plantebaseret'], 'Plantebaserede proteiner ved fermentering.', 'Kapital og en produktionspartner.', 'micro', '108900'),
  dk('Frederikssund Byggeteknik ApS (syntetisk)', 250, ['construction'], ['bim', 'træbyggeri'], 'Digital projektering af træbyggeri.', 'Leverandører af CLT-elementer.', 'small', '711200'),
  dk('Odense Logistik Automation A/S (syntetisk)', 461, ['robotics', 'maritime'], ['autonome køretøjer', 'robotter'], 'Selvkørende truck til lagre.', 'Lagre til pilotforløb.', 'medium', '282200'),
  dk('Vejle Lydstudie ApS (syntetisk)', 630, ['sound'], ['akustik', 'dsp'], 'Akustisk måling og lyddesign til produkter.', 'Producenter af høreapparater.', 'micro', '742000'),
  dk('Aarhus Kunstig Intelligens ApS (syntetisk)', 751, ['digital'], ['maskinlæring', 'sprogmodeller'], 'Sprogmodeller til offentlige tekster.', 'Kommuner som testpartnere.', 'small', '620100'),
  dk('Sønderborg Energistyring A/S (syntetisk)', 540, ['energy'], ['energistyring', 'iot'], 'Styring af varmepumper i boliger.', 'Forsyninger til et demonstrationsprojekt.', 'medium', '351300'),
  dk('Roskilde Materialer ApS (syntetisk)', 265, ['materials'], ['kompositter', 'biopolymerer'], 'Biobaserede kompositter.', 'Kunder i bilindustrien.', 'small', '201600'),
  dk('Viborg Agritech ApS (syntetisk)', 791, ['food', 'robotics'], ['droner', 'maskinsyn'], 'Droner til ukrudtsbekæmpelse.', 'Landbrug til afprøvning.', 'micro', '016100'),
  dk('Horsens Velfærdsteknologi A/S (syntetisk)', 615, ['welfare_technology'], ['sensorer', 'telemedicin'], 'Sensorer der opdager fald hos ældre.', 'Kommuner og en distributør.', 'small', '266000'),
  dk('Aalborg Turisme Digital ApS (syntetisk)', 851, ['tourism', 'digital'], ['apps', 'ar'], 'Oplevelsesapps med udvidet virkelighed.', 'Attraktioner som kunder.', 'micro', '582900'),
  dk('Næstved Cirkulær Produktion ApS (syntetisk)', 370, ['environment', 'manufacturing'], ['genanvendelse', 'robotter'], 'Adskillelse af elektronik til genbrug.', 'Leverandører af sorteringsudstyr.', 'small', '383200'),
  dk('Odense Medicoteknik A/S (syntetisk)', 461, ['life_science', 'robotics'], ['robotter', 'medicoudstyr'], 'Robotassisteret rehabilitering.', 'Kliniske partnere og investorer.', 'medium', '325000'),
  dk('Køge Havnelogistik ApS (syntetisk)', 259, ['maritime'], ['havnelogistik', 'iot'], 'Digital planlægning af havneanløb.', 'Havne i Østersøen.', 'small', '522200'),
  dk('Randers Designmøbler ApS (syntetisk)', 730, ['lifestyle_design'], ['træ', 'cnc'], 'Møbler i dansk løvtræ.', 'Forhandlere i Japan og Korea.', 'small', '310100'),
  dk('Silkeborg Vandmiljø ApS (syntetisk)', 740, ['water', 'environment'], ['sensorer', 'modellering'], 'Overvågning af søer og vandløb.', 'Forskningspartnere i Horizon Europe.', 'micro', '711200'),
  dk('Hillerød Batteriteknik A/S (syntetisk)', 219, ['energy', 'mobility'], ['batterier', 'elbiler'], 'Batterisystemer til elektriske busser.', 'Underleverandører af battericeller.', 'medium', '272000'),
  abroad('Hamburg Hafen Robotik GmbH (synthetic)', 'DE', 'HRB 999001', ['maritime', 'robotics'], ['robotter', 'havnelogistik'], 'Robots for container lashing in ports.', 'Danish partners for a Interreg project.'),
  abroad('Malmö Vätgas AB (synthetic)', 'SE', '559900-0001', ['energy'], ['brint', 'elektrolyse'], 'Electrolysers for green hydrogen.', 'Offtakers and test sites in Denmark.'),
  abroad('Eindhoven Photonics BV (synthetic)', 'NL', 'KVK 99900001', ['digital', 'materials'], ['fotonik', 'sensorer'], 'Photonic chips for sensing.', 'Cluster partners for a joint R&D project.'),
  abroad('Oslo Havbruk Teknologi AS (synthetic)', 'NO', '999 000 001', ['food', 'maritime'], ['akvakultur', 'maskinsyn'], 'Camera monitoring of fish farms.', 'Suppliers of underwater drones.'),
  abroad('Tallinn Digital Health OÜ (synthetic)', 'EE', '99900001', ['life_science', 'digital'], ['telemedicin', 'sundhedsdata'], 'Telemedicine platform for chronic care.', 'Municipal pilots in the Nordics.'),
  abroad('Lyon Textiles Circulaires SAS (synthetic)', 'FR', 'RCS 999 000 001', ['lifestyle_design', 'environment'], ['genbrugstekstil'], 'Recycling of textile waste to fibres.', 'Designers using recycled fibres.'),
];

const ITEM_TYPES = [
  'product_service',
  'expertise',
  'partnership',
  'rd_project',
  'investment',
  'supplier',
] as const;

/** A synthetic CVR from a range of its own, so it never meets the clusters' numbers. */
function syntheticCvr(index: number): string {
  for (let n = 9_950_000 + index * 37; ; n++) {
    const cvr = completeCvr(String(n));
    if (cvr) return cvr;
  }
}

export const demoCompanyId = (company: DemoCompany) => organisationId(slugFromTitle(company.name));

/** The real clusters that publish demo items, by name. */
// biome-ignore format: one item a line reads as a table
const CLUSTER_ITEMS: readonly { cluster: string; title: string; type: (typeof ITEM_TYPES)[number]; theme: string }[] = [
  { cluster: 'Odense Robotics', title: 'Matchmaking om robotter i fødevareproduktion', type: 'partnership', theme: 'robotics' },
  { cluster: 'Energy Cluster Denmark', title: 'Partnere til demonstration af energilagring', type: 'rd_project', theme: 'energy' },
  { cluster: 'MADE', title: 'Ekspertise i digital produktion til SMV’er', type: 'expertise', theme: 'manufacturing' },
  { cluster: 'DigitalLead', title: 'Virksomheder til et AI-testforløb', type: 'partnership', theme: 'digital' },
  { cluster: 'Danish Life Science Cluster', title: 'Kliniske testfaciliteter for medicoudstyr', type: 'product_service', theme: 'life_science' },
  { cluster: 'Food & Bio Cluster Denmark', title: 'Konsortium om alternative proteiner', type: 'rd_project', theme: 'food' },
  { cluster: 'MARLOG', title: 'Leverandører til grøn skibsfart', type: 'supplier', theme: 'maritime' },
  { cluster: 'CLEAN', title: 'Investorer til cirkulære løsninger', type: 'investment', theme: 'environment' },
  { cluster: 'We Build Denmark', title: 'Partnere til industrielt træbyggeri', type: 'partnership', theme: 'construction' },
  { cluster: 'Danish Sound Cluster', title: 'Testlaboratorium for akustik', type: 'product_service', theme: 'sound' },
];

/** Validity of the n-th item: most run into 2027; every tenth expired in 2026. */
function validity(n: number): { validFrom: string; validUntil: string } {
  if (n % 10 === 9) return { validFrom: '2026-03-01', validUntil: '2026-10-31' };
  const month = String((n % 9) + 1).padStart(2, '0');
  return { validFrom: `2026-${month}-01`, validUntil: `2027-${month}-28` };
}

function companyRows() {
  return DEMO_COMPANIES.map((company, i) => {
    const id = demoCompanyId(company);
    const foreign = typeof company.at === 'object' ? company.at : null;
    return {
      organisation: {
        id,
        kind: 'company' as const,
        name: company.name,
        slug: slugFromTitle(company.name),
        cvr: foreign ? null : syntheticCvr(i),
        municipalityCode: foreign ? null : (company.at as number),
        isDemo: true,
      },
      profile: {
        organisationId: id,
        country: foreign?.country ?? 'DK',
        registrationNumber: foreign?.registrationNumber ?? null,
        description: company.does,
        technologies: company.technologies,
        themes: company.themes,
        industryCode: company.industryCode,
        size: company.size,
        languages: foreign ? ['en'] : ['da', 'en'],
        seeks: company.seeks,
      },
    };
  });
}

function itemRows() {
  const ofCompanies = DEMO_COMPANIES.map((company, i) => ({
    id: demoUuid(`marketplace:company:${i}`),
    organisationId: demoCompanyId(company),
    direction: i % 2 === 0 ? ('offer' as const) : ('request' as const),
    type: ITEM_TYPES[i % ITEM_TYPES.length] ?? 'partnership',
    title: i % 2 === 0 ? `Tilbud: ${company.does}` : `Søges: ${company.seeks}`,
    description: `${company.does} ${company.seeks} (syntetisk opslag)`,
    themes: company.themes,
    technologies: company.technologies,
    ...validity(i),
  }));
  const ofClusters = CLUSTER_ITEMS.map((item, i) => ({
    id: demoUuid(`marketplace:cluster:${i}`),
    organisationId: organisationId(slugFromTitle(item.cluster)),
    direction: 'request' as const,
    type: item.type,
    title: item.title,
    description: `${item.title}: klyngen søger virksomheder og videninstitutioner. (syntetisk opslag)`,
    themes: [item.theme],
    technologies: [],
    ...validity(i + 30),
  }));
  return [...ofCompanies, ...ofClusters];
}

/** The companies and their profiles; before the demo users, as the company login belongs to one. */
export async function insertDemoCompanies(tx: Tx): Promise<number> {
  const rows = companyRows();
  await tx.insert(organisations).values(rows.map((r) => r.organisation));
  await tx.insert(companyProfiles).values(rows.map((r) => r.profile));
  return rows.length;
}

/** The marketplace items of the companies and the clusters. */
export async function insertDemoMarketplace(tx: Tx): Promise<number> {
  const rows = itemRows();
  await tx.insert(marketplaceItems).values(rows);
  return rows.length;
}
