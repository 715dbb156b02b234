import type { ThemeKey } from '../catalogue/themes.ts';
import type { Random } from './random.ts';

/** Word lists for Danish-looking, invented company names. */
const STEMS = (
  'Nordisk Vestjysk Fyns Dansk Sydjysk Østjysk Midtjysk Nordjysk Sjællands Lolland Bornholms Limfjord ' +
  'Kattegat Skagerrak Øresund Himmerlands Thy Mols Djurs Salling Vendsyssel Als Storebælt Lillebælt ' +
  'Gudenå Hede Klit Fjord Kyst Nord Syd Øst Vest Grøn Blå Ny Viking Polar Aurora Nova'
).split(' ');

const SURNAMES = (
  'Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen ' +
  'Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen ' +
  'Mikkelsen Frederiksen Laursen Henriksen Lund Schmidt Eriksen Holm'
).split(' ');

const TOWNS = (
  'Ikast Brande Skive Hobro Ribe Tønder Nakskov Kalundborg Hjørring Thisted Lemvig Struer Grenaa ' +
  'Ebeltoft Skanderborg Odder Vejen Billund Give Haderslev Aabenraa Middelfart Nyborg Svendborg ' +
  'Faaborg Assens Korsør Ringsted Køge Hillerød'
).split(' ');

const GENERIC_CORES = [
  'Teknik',
  'Solutions',
  'Consult',
  'Industri',
  'Innovation',
  'Systems',
  'Gruppen',
  'Partners',
  'Værksted',
  'Service',
  'Development',
  'Components',
  'Værktøj',
  'Montage',
  'Ingeniører',
  'Analytics',
];

const THEME_CORES: Record<ThemeKey, readonly string[]> = {
  energy: ['Energi', 'Wind', 'Solenergi', 'Varme', 'Power', 'Brint'],
  environment: ['Miljø', 'Recycling', 'Cleantech', 'Genbrug', 'Miljøteknik'],
  food: ['Foods', 'Fødevarer', 'Mejeri', 'Bryggeri', 'Ingredients', 'Agro', 'Bageri'],
  maritime: ['Marine', 'Shipping', 'Logistik', 'Havneservice', 'Offshore'],
  life_science: ['Pharma', 'Biotech', 'Medico', 'Diagnostics', 'Laboratorier'],
  welfare_technology: ['Care', 'Hjælpemidler', 'Welfare Tech', 'Sundhedsteknik'],
  construction: ['Byg', 'Entreprise', 'Beton', 'Tømrer', 'Arkitekter'],
  manufacturing: ['Maskinfabrik', 'Stål', 'Metal', 'Plast', 'Produktion'],
  digital: ['Software', 'Data', 'Digital', 'IT', 'Cyber', 'Cloud'],
  robotics: ['Robotics', 'Automation', 'Drones', 'Sensorer', 'Mekatronik'],
  lifestyle_design: ['Design', 'Møbler', 'Interiør', 'Fashion', 'Tekstil'],
  sound: ['Audio', 'Akustik', 'Lyd', 'Hearing'],
  tourism: ['Oplevelser', 'Travel', 'Camping', 'Feriecenter', 'Events'],
  water: ['Vand', 'Pumper', 'Aqua', 'Vandteknik'],
  materials: ['Materials', 'Kemi', 'Composites', 'Coatings'],
  mobility: ['Mobility', 'Transport', 'Elbiler', 'Fleet'],
  creative: ['Media', 'Games', 'Studio', 'Kommunikation'],
};

function legalForm(random: Random, employees: number | null): string {
  const n = employees ?? 10;
  if (n >= 250) return random.chance(0.85) ? 'A/S' : 'ApS';
  if (n >= 50) return random.chance(0.5) ? 'A/S' : 'ApS';
  const r = random.next();
  return r < 0.8 ? 'ApS' : r < 0.9 ? 'I/S' : r < 0.97 ? 'A/S' : 'P/S';
}

function baseName(random: Random, themes: readonly ThemeKey[]): string {
  const core = () => {
    const theme = themes.length > 0 && random.chance(0.6) ? random.pick(themes) : null;
    return theme ? random.pick(THEME_CORES[theme]) : random.pick(GENERIC_CORES);
  };
  const r = random.next();
  if (r < 0.45) return `${random.pick(STEMS)} ${core()}`;
  if (r < 0.7) return `${random.pick(SURNAMES)} ${core()}`;
  if (r < 0.85) return `${random.pick(SURNAMES)} & ${random.pick(SURNAMES)}`;
  return `${random.pick(TOWNS)} ${core()}`;
}

/**
 * A generator of unique company names. When a name is taken it adds the founding year, the way
 * Danish companies often do ("Jensen Byg af 2014 ApS").
 */
export function createCompanyNamer(random: Random) {
  const used = new Set<string>();
  return (themes: readonly ThemeKey[], employees: number | null): string => {
    let name = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      const base = baseName(random, themes);
      const form = legalForm(random, employees);
      name = attempt < 8 ? `${base} ${form}` : `${base} af ${random.int(1975, 2022)} ${form}`;
      if (!used.has(name)) break;
    }
    used.add(name);
    return name;
  };
}
