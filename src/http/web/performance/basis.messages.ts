import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the two bases of the account and of the splits format 1.1 added, Danish first. */
const da = {
  official: 'Officielle tal: kun år, som bevillingsgiverne har godkendt eller låst.',
  showPreliminary: 'Vis de foreløbige tal',
  preliminaryHeading: 'Foreløbige tal',
  preliminary:
    'Tallene omfatter indberetninger, som bevillingsgiverne endnu ikke har godkendt, og kan ændre sig. De vises kun for klyngen selv, dens bevillingsgivere, supportfunktionen og administratorer.',
  showOfficial: 'Vis de officielle tal',
  targetsOn: (preliminary: boolean): string =>
    preliminary ? 'Resultatet er de foreløbige tal.' : 'Resultatet er de officielle tal.',
  trendsOn: (preliminary: boolean): string =>
    preliminary
      ? 'Udviklingen vises med foreløbige tal.'
      : 'Udviklingen vises med officielle tal: kun godkendte og låste år.',
  sources: {
    heading: 'Privat medfinansiering fordelt på kilde',
    caption: (year: number) => `Privat medfinansiering pr. kilde ${year} (kr.)`,
    source: 'Kilde',
    amount: 'Beløb (kr.)',
    hours: 'Virksomhedernes timer (600 kr. pr. time)',
    fees: 'Deltager- og medlemsgebyrer',
    sponsorship: 'Sponsorater',
    foundations: 'Private fonde',
  },
  kinds: {
    heading: 'Videninstitutioner fordelt på art',
    caption: (year: number) => `Videninstitutioners deltagelser pr. art ${year}`,
    kind: 'Art',
    participations: 'Deltagelser',
    none: 'Ingen videninstitutioner deltog.',
  },
};

const en: Widen<typeof da> = {
  official: 'Official figures: only years the funders have approved or locked.',
  showPreliminary: 'Show the preliminary figures',
  preliminaryHeading: 'Preliminary figures',
  preliminary:
    'The figures include deliveries the funders have not approved yet, and may change. They are shown only to the cluster itself, its funders, the support function and administrators.',
  showOfficial: 'Show the official figures',
  targetsOn: (preliminary) =>
    preliminary ? 'The results are the preliminary figures.' : 'The results are the official figures.',
  trendsOn: (preliminary) =>
    preliminary
      ? 'The development is shown with preliminary figures.'
      : 'The development is shown with official figures: approved and locked years only.',
  sources: {
    heading: 'Private co-financing by source',
    caption: (year) => `Private co-financing by source ${year} (DKK)`,
    source: 'Source',
    amount: 'Amount (DKK)',
    hours: "Companies' staff hours (DKK 600 per hour)",
    fees: 'Participation and membership fees',
    sponsorship: 'Sponsorship',
    foundations: 'Private foundations',
  },
  kinds: {
    heading: 'Knowledge institutions by kind',
    caption: (year) => `Participations of knowledge institutions by kind ${year}`,
    kind: 'Kind',
    participations: 'Participations',
    none: 'No knowledge institutions took part.',
  },
};

export type BasisMessages = Widen<typeof da>;

export function basisMessages(lang: Lang): BasisMessages {
  return lang === 'da' ? da : en;
}
