import { themeLabel } from '../catalogue/themes.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { DemoCluster } from './clusters.ts';

/**
 * Profile facts for the catalogue and the five criteria of a significant cluster. The numbers
 * are invented (marked as demo data), sized by league, and chosen so that some emerging networks
 * miss criteria the way real ones do: too few dedicated companies, no knowledge institution on
 * the board, no label. The two national clusters whose labels expired in 2026 are being
 * certified again, so they stay in the main catalogue, as national clusters do.
 */
const EXCEPTIONS: Record<string, Partial<DemoProfile>> = {
  'fynsk-dronenetvaerk': { dedicatedCompanies: 14 },
  'bornholms-oplevelsesnetvaerk': { boardKnowledgeInstitutions: 0, dedicatedCompanies: 22 },
  'danish-water-cluster': { labelInProcess: true },
  'danish-materials-cluster': { labelInProcess: true },
};

export interface DemoProfile {
  descriptionDa: string;
  descriptionEn: string;
  contactName: string;
  contactEmail: string;
  membersCount: number;
  dedicatedCompanies: number;
  boardCompanies: number;
  boardKnowledgeInstitutions: number;
  boardPublic: number;
  innovationPurpose: boolean;
  labelInProcess: boolean;
}

/** A small stable number from a name, so each cluster gets its own but repeatable figures. */
function spread(name: string, range: number): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % range;
}

export function demoProfile(cluster: DemoCluster): DemoProfile {
  const slug = slugFromTitle(cluster.name);
  const national = cluster.league === 'world_class';
  const size = national
    ? 180 + spread(cluster.name, 320)
    : cluster.league === 'regional'
      ? 45 + spread(cluster.name, 60)
      : 25;
  const themesDa = cluster.themes.map((t) => themeLabel(t, 'da').toLowerCase()).join(' og ');
  const themesEn = cluster.themes.map((t) => themeLabel(t, 'en').toLowerCase()).join(' and ');
  return {
    descriptionDa:
      `${cluster.summaryDa}\n\nKlyngen samler virksomheder, videninstitutioner og offentlige aktører inden for ${themesDa} ` +
      `og driver innovationsprojekter, netværk og internationale aktiviteter. (Demotekst.)`,
    descriptionEn:
      `${cluster.summaryEn}\n\nThe cluster brings together companies, knowledge institutions and public bodies in ${themesEn} ` +
      `and runs innovation projects, networks and international activities. (Demo text.)`,
    contactName: 'Klyngesekretariatet',
    contactEmail: `kontakt@${slug}.demo.klyngeportalen.dk`,
    membersCount: Math.round(size * 1.6),
    dedicatedCompanies: size,
    boardCompanies: national ? 5 : 3,
    boardKnowledgeInstitutions: national ? 2 : 1,
    boardPublic: 1,
    innovationPurpose: true,
    labelInProcess: false,
    ...EXCEPTIONS[slug],
  };
}
