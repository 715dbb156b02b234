import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';
import { organisationMessages } from '../admin/messages.ts';

/** Texts of the grants register (docs/grants.md). */
const da = {
  title: 'Bevillinger',
  lead: 'Bevillingsregistret: hver finansiørs bevilling til hver klynge pr. år. Registret giver finansiøren dens rettigheder over klyngen det år (godkende indberetninger, acceptere handlingsplaner, afgøre evalueringer).',
  fundersCaption: 'Finansiører, hvis bevillinger du fører',
  noFunders: 'Du fører ikke bevillinger for nogen finansiør.',
  funder: 'Finansiør',
  level: 'Niveau',
  levels: organisationMessages('da').funderLevels as Record<string, string>,
  portfolioTitle: (name: string) => `Bevillinger: ${name}`,
  portfolioLead:
    'Registrér, ret og fjern finansiørens bevillinger. En bevilling er én pr. klynge og år: registreres den samme klynge og år igen, rettes den eksisterende.',
  totalsCaption: (name: string) => `${name}: bevillinger i alt pr. år`,
  grantsCaption: (name: string) => `${name}: bevillinger pr. klynge og år`,
  noGrants: 'Finansiøren har ingen bevillinger registreret.',
  year: 'År',
  cluster: 'Klynge',
  league: 'Liga',
  amount: 'Beløb',
  amountHint: 'Hele kroner, fx 1.500.000.',
  source: 'Kilde',
  sources: {
    finance_act: 'Finansloven',
    regional_development_funds: 'Regionale udviklingsmidler',
    eu_structural_funds: 'EU-strukturfondsmidler',
    municipal_budget: 'Kommunalt budget',
    other: 'Andet',
  } as Record<string, string>,
  clusters: 'Klynger',
  total: 'I alt',
  responsible: 'Ansvarlig finansiør',
  responsibleLegend: 'Ansvar',
  responsibleOption: 'Finansiøren er klyngens ansvarlige finansiør i året',
  responsibleHint:
    'Ligareglen: verdensklasseklynger har en statslig ansvarlig finansiør, regionale klynger en regional eller Danmarks Erhvervsfremmebestyrelse, spirende klynger en kommune.',
  yes: 'Ja',
  no: 'Nej',
  overrideReason: 'Begrundelse for at fravige ligareglen',
  overrideReasonHint: 'Kun når finansiøren er ansvarlig uden for ligareglen.',
  override: (reason: string) => `Ligareglen fraveget: ${reason}`,
  actions: 'Handlinger',
  remove: 'Fjern',
  /** Read after "Fjern" by screen readers. */
  removeWhich: (cluster: string, year: number) => ` bevillingen til ${cluster} i ${year}`,
  formHeading: 'Registrér eller ret en bevilling',
  choose: 'Vælg',
  save: 'Gem bevilling',
  saved: 'Bevillingen er gemt.',
  removed: 'Bevillingen er fjernet.',
  back: 'Tilbage til bevillingerne',
  coFinancingTitle: (name: string) => `Medfinansiering: ${name}`,
  coFinancingLead:
    'Klyngens finansiører pr. år med deres bevilling og andel af klyngens samlede bevillinger i året.',
  coFinancingCaption: (year: number) => `Finansiører og andele i ${year}`,
  share: 'Andel',
  percent: (n: string) => `${n} %`,
  noCoFinancing: 'Klyngen har ingen bevillinger registreret.',
  /** The leagues' short names, as the organisation register writes them. */
  leagues: organisationMessages('da').leagues as Record<string, string>,
  errors: {
    clusterUnavailable: 'Vælg en klynge fra listen, som ikke var afsluttet før året.',
    responsibleTaken: 'En anden finansiør er allerede klyngens ansvarlige finansiør i året.',
    overrideReasonRequired:
      'Finansiørens niveau passer ikke til klyngens liga efter ligareglen. Skriv en begrundelse for at fravige den, eller fjern markeringen som ansvarlig.',
  },
};

const en: Widen<typeof da> = {
  title: 'Grants',
  lead: "The grants register: each funder's grant to each cluster per year. The register gives the funder its rights over the cluster that year (approving reports, accepting action plans, deciding evaluations).",
  fundersCaption: 'Funders whose grants you keep',
  noFunders: 'You keep the grants of no funder.',
  funder: 'Funder',
  level: 'Level',
  levels: organisationMessages('en').funderLevels,
  portfolioTitle: (name: string) => `Grants: ${name}`,
  portfolioLead:
    "Register, correct and remove the funder's grants. There is one grant per cluster and year: registering the same cluster and year again corrects it.",
  totalsCaption: (name: string) => `${name}: total grants per year`,
  grantsCaption: (name: string) => `${name}: grants per cluster and year`,
  noGrants: 'The funder has no grants registered.',
  year: 'Year',
  cluster: 'Cluster',
  league: 'League',
  amount: 'Amount',
  amountHint: 'Whole kroner, e.g. 1,500,000.',
  source: 'Source',
  sources: {
    finance_act: 'Finance act',
    regional_development_funds: 'Regional development funds',
    eu_structural_funds: 'EU structural funds',
    municipal_budget: 'Municipal budget',
    other: 'Other',
  },
  clusters: 'Clusters',
  total: 'Total',
  responsible: 'Responsible funder',
  responsibleLegend: 'Responsibility',
  responsibleOption: "The funder is the cluster's responsible funder in the year",
  responsibleHint:
    'The league rule: world-class clusters have a national responsible funder, regional clusters a regional one or the Danish Board of Business Promotion, emerging clusters a municipality.',
  yes: 'Yes',
  no: 'No',
  overrideReason: 'Reason for departing from the league rule',
  overrideReasonHint: 'Only when the funder is responsible outside the league rule.',
  override: (reason: string) => `League rule overridden: ${reason}`,
  actions: 'Actions',
  remove: 'Remove',
  removeWhich: (cluster: string, year: number) => ` the grant to ${cluster} in ${year}`,
  formHeading: 'Register or correct a grant',
  choose: 'Choose',
  save: 'Save grant',
  saved: 'The grant has been saved.',
  removed: 'The grant has been removed.',
  back: 'Back to the grants',
  coFinancingTitle: (name: string) => `Co-financing: ${name}`,
  coFinancingLead:
    "The cluster's funders per year with their grant and share of the cluster's total grants that year.",
  coFinancingCaption: (year: number) => `Funders and shares in ${year}`,
  share: 'Share',
  percent: (n: string) => `${n}%`,
  noCoFinancing: 'The cluster has no grants registered.',
  leagues: organisationMessages('en').leagues,
  errors: {
    clusterUnavailable: 'Choose a cluster from the list that had not ended before the year.',
    responsibleTaken: "Another funder is already the cluster's responsible funder in the year.",
    overrideReasonRequired:
      "The funder's level does not match the cluster's league under the league rule. Give a reason for departing from it, or untick responsible.",
  },
};

export type GrantMessages = Widen<typeof da>;

export function grantMessages(lang: Lang): GrantMessages {
  return lang === 'da' ? da : en;
}
