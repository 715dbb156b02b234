import type { RetentionKind } from '../../../domain/personal-data/retention.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** What each table holds, as the export names it; a table not listed is named by itself. */
const tablesDa: Record<string, string> = {
  users: 'Konto',
  memberships: 'Organisationer og roller',
  sessions: 'Sessioner',
  user_identities: 'Koblede identiteter',
  totp_authenticators: 'Totrinslogin',
  recovery_codes: 'Reservekoder',
  password_reset_tokens: 'Links til ny adgangskode',
  notifications: 'Notifikationer',
  audit_log: 'Revisionslog',
  posts: 'Nyheder og historier',
  events: 'Arrangementer',
  calls: 'Opslag',
  call_assessors: 'Bedømmeropgaver',
  conflict_declarations: 'Inhabilitetserklæringer',
  assessment_scores: 'Bedømmelser',
  consensus_scores: 'Fælles bedømmelser',
  eligibility_checks: 'Kontrol af krav',
  applications: 'Ansøgninger',
  funding_plans: 'Finansieringsplaner',
  funding_plan_comments: 'Kommentarer til finansieringsplaner',
  cluster_evaluations: 'Midtvejsevalueringer',
  evaluation_rule_versions: 'Evalueringsregler',
  strategy_status_changes: 'Status for initiativer',
  strategy_milestones: 'Milepæle',
  strategy_initiative_links: 'Aktiviteter koblet til initiativer',
  target_sets: 'Pejlemærkesæt',
  targets: 'Pejlemærker',
  deliveries: 'Indberetninger',
  api_tokens: 'API-nøgler',
  reporting_periods: 'Indberetningsperioder',
  action_plans: 'Handlingsplaner',
  clusters: 'Klyngeprofiler',
  cluster_profile_drafts: 'Kladder til klyngeprofiler',
  companies: 'Virksomhed',
  participations: 'Deltagelser i aktiviteter',
  company_year_facts: 'Tal til performanceregnskabet',
};

const tablesEn: Record<string, string> = {
  users: 'Account',
  memberships: 'Organisations and roles',
  sessions: 'Sessions',
  user_identities: 'Linked identities',
  totp_authenticators: 'Two-step login',
  recovery_codes: 'Recovery codes',
  password_reset_tokens: 'New-password links',
  notifications: 'Notifications',
  audit_log: 'Audit log',
  posts: 'News and stories',
  events: 'Events',
  calls: 'Calls',
  call_assessors: 'Assessment assignments',
  conflict_declarations: 'Conflict-of-interest declarations',
  assessment_scores: 'Assessments',
  consensus_scores: 'Consensus scores',
  eligibility_checks: 'Requirement checks',
  applications: 'Applications',
  funding_plans: 'Funding plans',
  funding_plan_comments: 'Comments on funding plans',
  cluster_evaluations: 'Mid-term evaluations',
  evaluation_rule_versions: 'Evaluation rules',
  strategy_status_changes: 'Initiative status',
  strategy_milestones: 'Milestones',
  strategy_initiative_links: 'Activities linked to initiatives',
  target_sets: 'Target sets',
  targets: 'Targets',
  deliveries: 'Deliveries',
  api_tokens: 'API tokens',
  reporting_periods: 'Reporting periods',
  action_plans: 'Action plans',
  clusters: 'Cluster profiles',
  cluster_profile_drafts: 'Cluster profile drafts',
  companies: 'Company',
  participations: 'Participations in activities',
  company_year_facts: 'Figures for the performance account',
};

const da = {
  tables: tablesDa,
  own: {
    title: 'Dine personoplysninger',
    link: 'Se og hent dine personoplysninger',
    intro:
      'Her kan du hente alt, hvad Klyngeportalen har gemt om dig: din konto, dine roller, sessioner og koblede identiteter, det, du har skrevet og besluttet, og revisionsloggens poster om dig.',
    json: 'Hent som JSON (maskinlæsbar)',
    pdf: 'Hent som PDF (til at læse)',
    erasure:
      'Vil du have dine oplysninger slettet eller rettet, så skriv til privatliv@klyngeportalen.dk. Tal i performanceregnskabet bevares, men oplysninger om dig pseudonymiseres.',
    privacy: 'Læs privatlivspolitikken',
  },
  pdf: {
    userTitle: (name: string) => `Personoplysninger om ${name}`,
    participantTitle: (name: string) => `Oplysninger om deltageren ${name}`,
    subject: 'Om',
    email: 'E-mail',
    cvr: 'CVR-nummer',
    generated: 'Dannet',
    empty: 'Ingen poster.',
    page: (n: number, of: number) => `Side ${n} af ${of}`,
    filename: 'persondata',
  },
  admin: {
    title: 'Personoplysninger',
    intro:
      'Behandl en anmodning om indsigt eller sletning. En brugers oplysninger findes under brugeren; en deltagers (fx en enkeltmandsvirksomhed) findes her ved CVR-nummer eller navn.',
    link: 'Personoplysninger: indsigt og sletning',
    search: 'CVR-nummer eller navn på deltageren',
    searchButton: 'Søg',
    results: 'Deltagere',
    none: 'Ingen deltagere matcher.',
    cvr: 'CVR-nummer',
    name: 'Navn',
    participations: 'Deltagelser',
    synthetic: '(syntetisk)',
    exportJson: 'JSON',
    exportPdf: 'PDF',
    erase: 'Slet oplysninger',
    eraseLabel: (name: string) => `Slet oplysninger om ${name}`,
    erased: (pseudonym: string) =>
      `Deltagerens CVR-nummer og navn er slettet. Deltagelserne tælles fortsat i performanceregnskabet under nummeret ${pseudonym}.`,
  },
  user: {
    heading: 'Personoplysninger',
    exportJson: 'Hent brugerens oplysninger som JSON',
    exportPdf: 'Hent brugerens oplysninger som PDF',
    erase: 'Slet brugerens personoplysninger',
    eraseTitle: (name: string) => `Slet personoplysninger om ${name}`,
    eraseIntro:
      'Brugerens roller, sessioner, identiteter, totrinslogin og notifikationer slettes. Navn og e-mail erstattes af et pseudonym overalt, også i revisionsloggen. Beslutninger, bedømmelser og tal bevares. Det kan ikke fortrydes.',
    eraseConfirm: 'Slet personoplysningerne',
    erased: 'Brugerens personoplysninger er slettet.',
    cannotEraseSelf: 'Du kan ikke slette dine egne oplysninger her. Bed en anden administrator.',
  },
  retention: {
    heading: 'Hvor længe gemmer vi oplysningerne',
    intro: 'Et dagligt job sletter oplysningerne, når perioden er gået:',
    kinds: {
      invitations: (days: number) =>
        `Invitationer, som ikke er taget i brug: ${days} dage efter invitationen. Navn og e-mail slettes, og kontoen lukkes.`,
      resetTokens: (days: number) =>
        `Links til ny adgangskode: ${days} dag efter, at de er udløbet (efter 1 time) eller brugt.`,
      sessions: (days: number) =>
        `Sessioner (enhed, netværk og tidspunkter): ${days} dag efter, at de er afsluttet, udløbet eller har været ubrugte for længe.`,
      deliveryFiles: (days: number) =>
        `Indberetningers log (filnavne, fejl med de indberettede værdier og hvem der indberettede): ${Math.round(days / 365)} år efter indberetningen.`,
      referralContacts: (days: number) =>
        `Kontaktoplysninger, behov og noter i henvisninger mellem klynger og erhvervshuse: ${Math.round(days / 365)} år efter, at henvisningen er afsluttet.`,
      openReferralContacts: (days: number) =>
        `De samme oplysninger i en henvisning, der aldrig afsluttes: ${Math.round(days / 365)} år efter, at den blev sendt.`,
      newsletterSignups: (days: number) =>
        `Tilmeldinger til nyhedsbrevet, som ikke bliver bekræftet (adresse, navn og emner): ${days} dage efter tilmeldingen.`,
      newsletterUnsubscribed: (days: number) =>
        `Abonnenter, der har afmeldt nyhedsbrevet, og loggen over de numre, de fik: ${days} dage efter afmeldingen.`,
    } satisfies Record<RetentionKind, (days: number) => string>,
  },
};

const en: Widen<typeof da> = {
  tables: tablesEn,
  own: {
    title: 'Your personal data',
    link: 'See and download your personal data',
    intro:
      'Here you can download everything Klyngeportalen has stored about you: your account, roles, sessions and linked identities, what you wrote and decided, and the audit log entries about you.',
    json: 'Download as JSON (machine-readable)',
    pdf: 'Download as PDF (to read)',
    erasure:
      'To have your data erased or corrected, write to privatliv@klyngeportalen.dk. Figures in the performance account are kept, but data about you is pseudonymised.',
    privacy: 'Read the privacy policy',
  },
  pdf: {
    userTitle: (name) => `Personal data about ${name}`,
    participantTitle: (name) => `Data about the participant ${name}`,
    subject: 'About',
    email: 'E-mail',
    cvr: 'CVR number',
    generated: 'Generated',
    empty: 'No records.',
    page: (n, of) => `Page ${n} of ${of}`,
    filename: 'personal-data',
  },
  admin: {
    title: 'Personal data',
    intro:
      "Handle a request for access or erasure. A user's data is found under the user; a participant's (e.g. a sole proprietorship) here, by CVR number or name.",
    link: 'Personal data: access and erasure',
    search: "The participant's CVR number or name",
    searchButton: 'Search',
    results: 'Participants',
    none: 'No participants match.',
    cvr: 'CVR number',
    name: 'Name',
    participations: 'Participations',
    synthetic: '(synthetic)',
    exportJson: 'JSON',
    exportPdf: 'PDF',
    erase: 'Erase data',
    eraseLabel: (name) => `Erase the data about ${name}`,
    erased: (pseudonym) =>
      "The participant's CVR number and name are erased. Its participations still count in the performance account, under the number " +
      `${pseudonym}.`,
  },
  user: {
    heading: 'Personal data',
    exportJson: "Download the user's data as JSON",
    exportPdf: "Download the user's data as PDF",
    erase: "Erase the user's personal data",
    eraseTitle: (name) => `Erase the personal data about ${name}`,
    eraseIntro:
      "The user's roles, sessions, identities, two-step login and notifications are deleted. Name and e-mail are replaced by a pseudonym everywhere, the audit log included. Decisions, assessments and figures are kept. This cannot be undone.",
    eraseConfirm: 'Erase the personal data',
    erased: "The user's personal data is erased.",
    cannotEraseSelf: 'You cannot erase your own data here. Ask another administrator.',
  },
  retention: {
    heading: 'How long we keep the data',
    intro: 'A daily job deletes the data when the period has passed:',
    kinds: {
      invitations: (days) =>
        `Invitations not taken up: ${days} days after the invitation. Name and e-mail are deleted and the account is closed.`,
      resetTokens: (days) =>
        `New-password links: ${days} day after they expired (after 1 hour) or were used.`,
      sessions: (days) =>
        `Sessions (device, network and times): ${days} day after they ended, expired or were unused for too long.`,
      deliveryFiles: (days) =>
        `The log of deliveries (file names, errors quoting the delivered values, and who delivered): ${Math.round(days / 365)} years after the delivery.`,
      referralContacts: (days) =>
        `Contact details, needs and notes in referrals between clusters and business hubs: ${Math.round(days / 365)} year(s) after the referral is closed.`,
      openReferralContacts: (days) =>
        `The same details in a referral that never closes: ${Math.round(days / 365)} years after it was sent.`,
      newsletterSignups: (days) =>
        `Newsletter sign-ups that are never confirmed (address, name and topics): ${days} days after the sign-up.`,
      newsletterUnsubscribed: (days) =>
        `Subscribers who unsubscribed from the newsletter, and the log of the issues they received: ${days} days after they unsubscribed.`,
    },
  },
};

export type PersonalDataMessages = Widen<typeof da>;

export function personalDataMessages(lang: Lang): PersonalDataMessages {
  return lang === 'da' ? da : en;
}
