/**
 * The words of the domain: one Danish and one English name for each code the data holds, so a
 * thing has one name everywhere — pages, letters, the PDF and XLSX reports and the CSV files
 * meant for people — and no code reaches a person. docs/glossary.md is the same table for people;
 * glossary.test.ts keeps the two equal. Codes are what files, the API and the database hold.
 */

export interface Term {
  readonly da: string;
  readonly en: string;
}

/** Each group of codes with the name of each code; a group's order is the order lists show. */
export const GLOSSARY = {
  /** The three leagues that decide the primary responsible funder (seed 000, 001). */
  league: {
    world_class: { da: 'Klynger i verdensklasse', en: 'World-class clusters' },
    regional: { da: 'Stærke klynger af regional betydning', en: 'Strong clusters of regional importance' },
    emerging: { da: 'Små og spirende klynger', en: 'Small and emerging clusters' },
  },
  /** Where the catalogue places a cluster by the five criteria (seed 001). */
  placement: {
    significant: { da: 'Betydende klynge', en: 'Significant cluster' },
    smaller: { da: 'Mindre klynge eller netværk', en: 'Smaller cluster or network' },
  },
  /** European cluster excellence labels. */
  labelLevel: {
    gold: { da: 'Guld', en: 'Gold' },
    silver: { da: 'Sølv', en: 'Silver' },
    bronze: { da: 'Bronze', en: 'Bronze' },
  },
  /** The activity categories of the reporting format (seed 003). */
  activityCategory: {
    innovation_collaboration: { da: 'Innovationssamarbejde', en: 'Innovation collaboration' },
    internationalisation: { da: 'Internationalisering', en: 'Internationalisation' },
    knowledge_dissemination: { da: 'Videnspredning', en: 'Knowledge dissemination' },
    access_to_finance: { da: 'Adgang til finansiering', en: 'Access to finance' },
    entrepreneurs: { da: 'Iværksættere', en: 'Entrepreneurs' },
    networking: { da: 'Netværk', en: 'Networking' },
    organisation_development: { da: 'Organisationsudvikling', en: 'Organisation development' },
  },
  /** The kinds of participant of the reporting format. */
  participantType: {
    company: { da: 'Virksomhed', en: 'Company' },
    knowledge_institution: { da: 'Videninstitution', en: 'Knowledge institution' },
    public: { da: 'Offentlig myndighed', en: 'Public authority' },
    other: { da: 'Anden med CVR-nummer', en: 'Other with a CVR number' },
    foreign: { da: 'Udenlandsk deltager', en: 'Foreign participant' },
  },
  /**
   * A call as people see it, on its public page and in its processing alike: its stored status,
   * with a published call shown as open or opening later by its dates.
   */
  callPhase: {
    draft: { da: 'Kladde', en: 'Draft' },
    upcoming: { da: 'Åbner senere', en: 'Opens later' },
    open: { da: 'Åben for ansøgninger', en: 'Open for applications' },
    closed: { da: 'Lukket', en: 'Closed' },
    assessed: { da: 'Bedømt', en: 'Assessed' },
    decided: { da: 'Afgjort', en: 'Decided' },
  },
  /**
   * A cluster's reporting year (its reporting period), on the periods pages, the status overview
   * and the data quality page alike; a year without a stored period is open.
   */
  periodStatus: {
    open: { da: 'Åben', en: 'Open' },
    submitted: { da: 'Indsendt', en: 'Submitted' },
    approved: { da: 'Godkendt', en: 'Approved' },
    returned: { da: 'Sendt retur', en: 'Returned' },
    locked: { da: 'Låst', en: 'Locked' },
  },
  /** What a cluster asks to change in a grant (docs/grants.md). */
  grantChangeKind: {
    budget_shift: { da: 'Flytning af budget', en: 'Budget shift' },
    deadline: { da: 'Ny frist', en: 'New deadline' },
  },
  /** A change request's status: the grant's funder decides it. */
  grantChangeStatus: {
    submitted: { da: 'Afventer afgørelse', en: 'Awaiting decision' },
    approved: { da: 'Godkendt', en: 'Approved' },
    rejected: { da: 'Afvist', en: 'Rejected' },
  },
  /** A grant's financial report: the grant's funder approves it. */
  financialReportStatus: {
    not_submitted: { da: 'Ikke indsendt', en: 'Not submitted' },
    submitted: { da: 'Indsendt', en: 'Submitted' },
    approved: { da: 'Godkendt', en: 'Approved' },
  },
  /** An application's status. */
  applicationStatus: {
    draft: { da: 'Kladde', en: 'Draft' },
    submitted: { da: 'Indsendt', en: 'Submitted' },
    withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn' },
    ineligible: { da: 'Opfylder ikke kravene', en: 'Does not meet the requirements' },
    eligible: { da: 'Opfylder kravene', en: 'Meets the requirements' },
    selected: { da: 'Udvalgt', en: 'Selected' },
    not_selected: { da: 'Ikke udvalgt', en: 'Not selected' },
  },
  /** The roles a person holds in an organisation. */
  role: {
    admin: { da: 'Administrator', en: 'Administrator' },
    funder: { da: 'Finansiør', en: 'Funder' },
    assessor: { da: 'Bedømmer', en: 'Assessor' },
    cluster_staff: { da: 'Klyngemedarbejder', en: 'Cluster staff' },
    support_staff: { da: 'Medarbejder i supportfunktionen', en: 'Support function staff' },
    business_service_staff: { da: 'Erhvervshusmedarbejder', en: 'Business hub staff' },
    company_user: { da: 'Virksomhedsbruger', en: 'Company user' },
    organisation_admin: { da: 'Organisationsadministrator', en: 'Organisation administrator' },
  },
  /** The kinds of organisation. */
  organisationKind: {
    cluster_organisation: { da: 'Klyngeorganisation', en: 'Cluster organisation' },
    funder: { da: 'Finansiør', en: 'Funder' },
    support_function: { da: 'Supportfunktion', en: 'Support function' },
    business_service: { da: 'Erhvervsfremme', en: 'Business support' },
    knowledge_institution: { da: 'Videninstitution', en: 'Knowledge institution' },
    company: { da: 'Virksomhed', en: 'Company' },
  },
  /** Target groups of the support function's services. */
  serviceTargetGroup: {
    cluster_leaders: { da: 'Klyngeledere', en: 'Cluster leaders' },
    staff: { da: 'Klyngemedarbejdere', en: 'Cluster staff members' },
    boards: { da: 'Bestyrelser', en: 'Boards' },
    emerging_clusters: { da: 'Spirende klynger', en: 'Emerging clusters' },
    business_advisers: { da: 'Erhvervsrådgivere', en: 'Business advisers' },
  },
  /** Forms of the support function's services. */
  serviceForm: {
    course: { da: 'Kursus', en: 'Course' },
    module_programme: { da: 'Modulforløb', en: 'Module programme' },
    workshop: { da: 'Workshop', en: 'Workshop' },
    sparring: { da: 'Sparring', en: 'Sparring' },
    tool: { da: 'Værktøj', en: 'Tool' },
    analysis: { da: 'Analyse', en: 'Analysis' },
  },
  /** What a participant pays for a service. */
  servicePayment: {
    free: { da: 'Gratis', en: 'Free' },
    user_payment: { da: 'Egenbetaling', en: 'User payment' },
    price: { da: 'Pris', en: 'Price' },
  },
  /** Languages of a service. */
  serviceLanguage: {
    da: { da: 'Dansk', en: 'Danish' },
    en: { da: 'Engelsk', en: 'English' },
    da_en: { da: 'Dansk og engelsk', en: 'Danish and English' },
  },
  /** The programme's own words. */
  concept: {
    performance_account: { da: 'Performanceregnskab', en: 'Performance account' },
    target: { da: 'Pejlemærke', en: 'Target' },
    action_plan: { da: 'Handlingsplan', en: 'Action plan' },
    midterm_evaluation: { da: 'Midtvejsevaluering', en: 'Mid-term evaluation' },
    delivery: { da: 'Indberetning', en: 'Delivery' },
    call: { da: 'Opslag', en: 'Call' },
    application: { da: 'Ansøgning', en: 'Application' },
    assessor: { da: 'Bedømmer', en: 'Assessor' },
    conflict_of_interest: { da: 'Inhabilitet', en: 'Conflict of interest' },
    decision_letter: { da: 'Afgørelsesbrev', en: 'Decision letter' },
    grant: { da: 'Bevilling', en: 'Grant' },
    cofinancing: { da: 'Medfinansiering', en: 'Co-financing' },
    cluster_label: { da: 'Klyngemærkning', en: 'Cluster label' },
    support_function: { da: 'Supportfunktion', en: 'Support function' },
    referral: { da: 'Henvisning', en: 'Referral' },
    service: { da: 'Ydelse', en: 'Service' },
  },
} as const satisfies Record<string, Record<string, Term>>;

export type GlossaryGroup = keyof typeof GLOSSARY;
export type CodeOf<G extends GlossaryGroup> = keyof (typeof GLOSSARY)[G] & string;

/** The name of a code in a language; a code the glossary does not know is shown as it is. */
export function nameOf<G extends GlossaryGroup>(group: G, code: string, lang: 'da' | 'en'): string {
  const entries: Record<string, Term> = GLOSSARY[group];
  return Object.hasOwn(entries, code) ? (entries[code] as Term)[lang] : code;
}

/** Every code of a group with its name in a language, in the group's order (for lists and selects). */
export function namesOf<G extends GlossaryGroup>(group: G, lang: 'da' | 'en'): Record<CodeOf<G>, string> {
  const entries: Record<string, Term> = GLOSSARY[group];
  return Object.fromEntries(Object.entries(entries).map(([code, t]) => [code, t[lang]])) as Record<
    CodeOf<G>,
    string
  >;
}
