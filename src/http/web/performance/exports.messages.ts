import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  badRequestTitle: 'Forkert adresse til download',
  badYear: (value: string) => `»${value}« er ikke et år. Brug et årstal mellem 2000 og 2100, fx 2023.`,
  badCluster: (value: string) =>
    `»${value}« er ikke et gyldigt CVR-nummer. Angiv klyngeorganisationens CVR-nummer (8 cifre) eller udelad cluster.`,
  allNeedsWorkbook: 'Alle klynger på én gang kan kun hentes som Excel (.xlsx) eller PDF.',
  unknownCluster: (cvr: string) => `Der er ingen klyngeorganisation med CVR-nummer ${cvr}.`,
  back: 'Til forsiden',
  filename: 'performanceregnskab',
  allClusters: 'alle-klynger',
  preliminary: 'foreloebige-tal',
};

const en: Widen<typeof da> = {
  badRequestTitle: 'Wrong download address',
  badYear: (value: string) => `“${value}” is not a year. Use a year between 2000 and 2100, e.g. 2023.`,
  badCluster: (value: string) =>
    `“${value}” is not a valid CVR number. Give the cluster organisation's CVR number (8 digits) or leave out cluster.`,
  allNeedsWorkbook: 'All clusters at once can only be downloaded as Excel (.xlsx) or PDF.',
  unknownCluster: (cvr: string) => `There is no cluster organisation with CVR number ${cvr}.`,
  back: 'To the front page',
  filename: 'performance-account',
  allClusters: 'all-clusters',
  preliminary: 'preliminary-figures',
};

export function performanceExportMessages(lang: Lang): Widen<typeof da> {
  return lang === 'da' ? da : en;
}
