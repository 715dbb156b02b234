import type { InstitutionKind } from '../reporting/format/rows.ts';

/**
 * Non-company participants of the demo activities. Knowledge institutions and public bodies carry
 * their real names with invented CVR numbers (so they are stored as synthetic); the foreign
 * participants are invented outright.
 */
export interface DemoInstitution {
  name: string;
  municipalityCode: number;
  industryCode: string;
  employees: number;
  /** How often the institution is picked relative to the others. */
  weight: number;
  /** Knowledge institutions only: the kind the clusters report (format 1.1). */
  kind: InstitutionKind | null;
}

const UNIVERSITY = '854200';
const TECHNICAL_TESTING = '712000';
const RESEARCH = '721900';

const institution = (
  name: string,
  municipalityCode: number,
  industryCode: string,
  employees: number,
  weight: number,
  kind: InstitutionKind | null = null,
): DemoInstitution => ({ name, municipalityCode, industryCode, employees, weight, kind });

export const KNOWLEDGE_INSTITUTIONS: readonly DemoInstitution[] = [
  institution('Aarhus Universitet', 751, UNIVERSITY, 8000, 5, 'university'),
  institution('Københavns Universitet', 101, UNIVERSITY, 9000, 4, 'university'),
  institution('Danmarks Tekniske Universitet', 173, UNIVERSITY, 6000, 6, 'university'),
  institution('Aalborg Universitet', 851, UNIVERSITY, 4000, 5, 'university'),
  institution('Syddansk Universitet', 461, UNIVERSITY, 4500, 5, 'university'),
  institution('Roskilde Universitet', 265, UNIVERSITY, 1200, 1.5, 'university'),
  institution('IT-Universitetet i København', 101, UNIVERSITY, 400, 1.5, 'university'),
  institution('Copenhagen Business School', 147, UNIVERSITY, 1500, 1.5, 'university'),
  institution('Teknologisk Institut', 169, RESEARCH, 1000, 6, 'gts'),
  institution('FORCE Technology', 153, TECHNICAL_TESTING, 1500, 3, 'gts'),
  institution('DHI', 223, RESEARCH, 1000, 2, 'gts'),
  institution('DBI – Dansk Brand- og sikringsteknisk Institut', 167, TECHNICAL_TESTING, 250, 1, 'gts'),
  institution('Alexandra Instituttet', 751, RESEARCH, 150, 2, 'gts'),
  institution('DFM – Danmarks Nationale Metrologiinstitut', 223, TECHNICAL_TESTING, 60, 0.5, 'gts'),
  institution('Professionshøjskolen UCN', 851, UNIVERSITY, 1000, 1.5, 'university_college'),
  institution('VIA University College', 751, UNIVERSITY, 2500, 2, 'university_college'),
  institution('Københavns Professionshøjskole', 101, UNIVERSITY, 2500, 1.5, 'university_college'),
  institution('UC SYD', 510, UNIVERSITY, 900, 1, 'university_college'),
  institution('Erhvervsakademi Aarhus', 751, UNIVERSITY, 400, 1, 'business_academy'),
  institution('Zealand – Sjællands Erhvervsakademi', 370, UNIVERSITY, 400, 1, 'business_academy'),
  institution('Erhvervsakademiet Lillebælt', 461, UNIVERSITY, 500, 1, 'business_academy'),
  institution('Professionshøjskolen Absalon', 340, UNIVERSITY, 1200, 1, 'university_college'),
];

const GENERAL_PUBLIC = '841100';
const REGULATION = '841300';

export const PUBLIC_BODIES: readonly DemoInstitution[] = [
  institution('Energistyrelsen', 101, REGULATION, 800, 1),
  institution('Miljøstyrelsen', 461, REGULATION, 900, 1),
  institution('Fødevarestyrelsen', 161, REGULATION, 1800, 1),
  institution('Søfartsstyrelsen', 330, REGULATION, 300, 0.5),
  institution('Københavns Kommune', 101, GENERAL_PUBLIC, 45000, 2),
  institution('Aarhus Kommune', 751, GENERAL_PUBLIC, 25000, 2),
  institution('Odense Kommune', 461, GENERAL_PUBLIC, 18000, 2),
  institution('Aalborg Kommune', 851, GENERAL_PUBLIC, 17000, 2),
  institution('Esbjerg Kommune', 561, GENERAL_PUBLIC, 9000, 1),
  institution('Vejle Kommune', 630, GENERAL_PUBLIC, 8000, 1),
  institution('Region Midtjylland', 791, GENERAL_PUBLIC, 30000, 1),
  institution('Region Syddanmark', 630, GENERAL_PUBLIC, 25000, 1),
  institution('Region Hovedstaden', 219, GENERAL_PUBLIC, 40000, 1),
];

export interface ForeignParticipant {
  name: string;
  country: string;
}

export const FOREIGN_PARTICIPANTS: readonly ForeignParticipant[] = [
  { name: 'Nordsee Technik GmbH', country: 'DE' },
  { name: 'Hanse Robotik GmbH', country: 'DE' },
  { name: 'Skåne Food Innovation AB', country: 'SE' },
  { name: 'Göteborg Marine Systems AB', country: 'SE' },
  { name: 'Oslofjord Cleantech AS', country: 'NO' },
  { name: 'Bergen Ocean Solutions AS', country: 'NO' },
  { name: 'Helsinki Data Labs Oy', country: 'FI' },
  { name: 'Maas Port Logistics BV', country: 'NL' },
  { name: 'Eindhoven Sound Devices BV', country: 'NL' },
  { name: 'Baltic Wind Services SIA', country: 'LV' },
  { name: 'Tallinn Digital Works OÜ', country: 'EE' },
  { name: 'Yorkshire Advanced Materials Ltd', country: 'GB' },
  { name: 'Rhône Santé Innovation SAS', country: 'FR' },
  { name: 'Bay State MedTech Inc.', country: 'US' },
];
