import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the applicant's pages: the task list, its sections, check your answers, receipt, withdrawal. */
const da = {
  taskListLead:
    'Udfyld afsnittene i den rækkefølge, der passer jer. I kan gemme undervejs og vende tilbage, indtil fristen.',
  deadline: (at: string) => `Ansøgningsfrist: ${at} (dansk tid).`,
  sections: {
    about: 'Om projektet',
    requirements: 'Opfyldelse af opslagets krav',
    budget: 'Budget',
    attachments: 'Bilag',
  },
  sectionHints: {
    about: 'Titel og beskrivelse pr. bedømmelseskriterium.',
    requirements: 'Jeres svar og dokumentation for hvert krav.',
    budget: 'Det beløb, I søger, pr. år og aktivitetskategori.',
    attachments: 'Frivilligt: fx budgetbilag eller partnererklæringer.',
  },
  taskStatuses: { notStarted: 'Ikke påbegyndt', inProgress: 'I gang', done: 'Udfyldt' },
  checkAndSubmit: 'Tjek og indsend',
  checkHint: 'Se hele ansøgningen igennem, før I indsender den.',
  checkLocked: 'Udfyld først om projektet, kravene og budgettet.',
  saveAndBack: 'Gem og gå til opgavelisten',
  backToTasks: 'Tilbage til opgavelisten',
  budgetLead:
    'Skriv beløb i hele kroner, fx 250.000. Lad felter stå tomme, hvis I ikke søger til kategorien.',
  budgetYear: (year: number) => `Budget for ${year}`,
  budgetTotal: 'I alt',
  servicesListing: 'Jeres ydelser som de eksporteres til Virksomhedsguiden (link til dokumentationen)',
  servicesListingEdit: 'Beskriv jeres ydelser',
  attachmentsLead:
    'Vedhæft filer, før I indsender. Tilladte typer: PDF, PNG, JPEG, DOCX og XLSX, højst 10 MB pr. fil.',
  noAttachments: 'Ingen bilag vedhæftet.',
  attachmentErrors: {
    type: (name: string) =>
      `Filen ${name} kan ikke vedhæftes: den skal være PDF, PNG, JPEG, DOCX eller XLSX.`,
    too_large: (name: string) => `Filen ${name} er større end 10 MB.`,
    missing: () => 'Vælg en fil at vedhæfte.',
  },
  attached: (name: string) => `${name} er vedhæftet.`,
  checkTitle: 'Tjek jeres svar, før I indsender',
  change: 'Ret',
  changeSection: (section: string) => `Ret ${section.toLowerCase()}`,
  notAnswered: 'Ikke udfyldt',
  declarationLegend: 'Erklæring',
  declaration:
    'Vi erklærer, at oplysningerne i ansøgningen er korrekte, og at vi må indsende den på organisationens vegne.',
  declarationRequired: 'Sæt kryds ved erklæringen for at indsende.',
  submitNow: 'Indsend ansøgning',
  receiptTitle: 'Ansøgningen er indsendt',
  reference: 'Jeres referencenummer',
  receiptSent: (email: string) => `Vi har sendt en kvittering til ${email}.`,
  nextTitle: 'Hvad sker der nu',
  nextSteps: [
    'Efter ansøgningsfristen vurderer finansiøren, om ansøgningen opfylder opslagets krav.',
    'Ansøgninger, der opfylder kravene, bedømmes af uafhængige bedømmere efter opslagets kriterier.',
    'I får et afgørelsesbrev her i portalen og besked, når opslaget er afgjort.',
  ],
  withdrawTitle: 'Vil I trække ansøgningen tilbage?',
  withdrawLead:
    'En ansøgning, der er trukket tilbage, bliver ikke vurderet eller bedømt, og den kan ikke indsendes igen.',
  withdrawConfirm: 'Ja, træk ansøgningen tilbage',
  withdrawCancel: 'Nej, gå tilbage',
  withdrawn: 'Ansøgningen er trukket tilbage. Den bliver ikke vurderet.',
  statusLead: {
    submitted: 'Ansøgningen er indsendt og kan ikke længere ændres.',
    withdrawn: 'Ansøgningen er trukket tilbage og bliver ikke vurderet.',
    ineligible: 'Ansøgningen opfylder ikke opslagets krav.',
    eligible: 'Ansøgningen opfylder opslagets krav og bliver bedømt.',
    selected: 'Ansøgningen er udvalgt.',
    not_selected: 'Ansøgningen er ikke udvalgt.',
  } as Record<string, string>,
  viewApplication: 'Se ansøgningen og afgørelsen',
  applyButton: 'Søg om midler',
  applyContinue: 'Fortsæt ansøgningen',
  applyYours: 'Se jeres ansøgning',
  applyLogin: 'Log ind som klyngemedarbejder for at søge',
  applyOnlyClusters: 'Kun klyngeorganisationer kan søge i dette opslag.',
  applyOutside: 'Ansøgninger til dette opslag indsendes uden for portalen, som opslaget beskriver.',
};

const en: Widen<typeof da> = {
  taskListLead:
    'Complete the sections in any order. You can save as you go and come back until the deadline.',
  deadline: (at: string) => `Deadline: ${at} (Danish time).`,
  sections: {
    about: 'About the project',
    requirements: "Meeting the call's requirements",
    budget: 'Budget',
    attachments: 'Attachments',
  },
  sectionHints: {
    about: 'Title and a description for each assessment criterion.',
    requirements: 'Your statement and evidence for each requirement.',
    budget: 'The amount you apply for, per year and activity category.',
    attachments: 'Optional: for example budget details or partner letters.',
  },
  taskStatuses: { notStarted: 'Not started', inProgress: 'In progress', done: 'Completed' },
  checkAndSubmit: 'Check and submit',
  checkHint: 'Review the whole application before you submit it.',
  checkLocked: 'First complete about the project, the requirements and the budget.',
  saveAndBack: 'Save and return to the task list',
  backToTasks: 'Back to the task list',
  budgetLead:
    'Write amounts in whole kroner, for example 250.000. Leave fields empty for categories you do not apply for.',
  budgetYear: (year: number) => `Budget for ${year}`,
  budgetTotal: 'Total',
  servicesListing: 'Your services as exported to Virksomhedsguiden (link for the evidence)',
  servicesListingEdit: 'Describe your services',
  attachmentsLead:
    'Attach files before you submit. Allowed types: PDF, PNG, JPEG, DOCX and XLSX, at most 10 MB per file.',
  noAttachments: 'No attachments.',
  attachmentErrors: {
    type: (name: string) => `The file ${name} cannot be attached: it must be PDF, PNG, JPEG, DOCX or XLSX.`,
    too_large: (name: string) => `The file ${name} is larger than 10 MB.`,
    missing: () => 'Choose a file to attach.',
  },
  attached: (name: string) => `${name} has been attached.`,
  checkTitle: 'Check your answers before submitting',
  change: 'Change',
  changeSection: (section: string) => `Change ${section.toLowerCase()}`,
  notAnswered: 'Not answered',
  declarationLegend: 'Declaration',
  declaration:
    'We declare that the information in the application is correct and that we may submit it on behalf of the organisation.',
  declarationRequired: 'Tick the declaration to submit.',
  submitNow: 'Submit application',
  receiptTitle: 'Application submitted',
  reference: 'Your reference number',
  receiptSent: (email: string) => `We have sent a receipt to ${email}.`,
  nextTitle: 'What happens next',
  nextSteps: [
    "After the deadline the funder checks whether the application meets the call's requirements.",
    "Applications that meet them are scored by independent assessors against the call's criteria.",
    'You will get a decision letter here in the portal and a notification when the call is decided.',
  ],
  withdrawTitle: 'Do you want to withdraw the application?',
  withdrawLead: 'A withdrawn application is not checked or assessed, and it cannot be submitted again.',
  withdrawConfirm: 'Yes, withdraw the application',
  withdrawCancel: 'No, go back',
  withdrawn: 'The application has been withdrawn. It will not be assessed.',
  statusLead: {
    submitted: 'The application has been submitted and can no longer be changed.',
    withdrawn: 'The application has been withdrawn and will not be assessed.',
    ineligible: "The application does not meet the call's requirements.",
    eligible: "The application meets the call's requirements and will be assessed.",
    selected: 'The application has been selected.',
    not_selected: 'The application has not been selected.',
  },
  viewApplication: 'See the application and the decision',
  applyButton: 'Apply for funding',
  applyContinue: 'Continue the application',
  applyYours: 'See your application',
  applyLogin: 'Log in as cluster staff to apply',
  applyOnlyClusters: 'Only cluster organisations can apply to this call.',
  applyOutside: 'Applications to this call are made outside the portal, as the call describes.',
};

export type ApplyMessages = Widen<typeof da>;
export const applyMessages = (lang: Lang): ApplyMessages => (lang === 'da' ? da : en);
