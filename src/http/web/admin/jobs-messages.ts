import type { JobKind } from '../../../domain/jobs/kinds.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the job queue page in the administration. */
const da = {
  title: 'Jobkø',
  intro:
    'Arbejde, portalen gør efter en forespørgsel eller efter sin tidsplan: mails, udsendelser, påmindelser og sletning af persondata. Et job, der fejler, forsøges igen med stigende ventetid; fejler det hver gang, står det her som fejlet med sin fejl. Udførte og fejlede job gemmes i 7 dage.',
  countsCaption: 'Job efter slags og tilstand',
  kind: 'Slags',
  queued: 'I kø',
  retrying: 'Venter på nyt forsøg',
  running: 'Kører',
  failed: 'Fejlet',
  done: 'Udført',
  kinds: {
    'password-reset-mail': 'Mail om ny adgangskode',
    'survey-mails': 'Invitationer og påmindelser til undersøgelser',
    'newsletter-send': 'Udsendelse af nyhedsbrev',
    mail: 'Andre e-mails (tilmelding, invitationer, interesse)',
    'delivery-load': 'Indlæsning af indberetninger uploadet på portalen',
    'token-reminders': 'Påmindelser om API-nøgler, der udløber (hver time)',
    'referral-reminders': 'Påmindelser om henvisninger, der venter (hver time)',
    'label-reminders': 'Påmindelser om mærker, der udløber (dagligt)',
    'course-reminders': 'Påmindelser om kurser (dagligt)',
    'deadline-reminders': 'Påmindelser om indberetningsfrister (dagligt)',
    'call-deadline-reminders': 'Påmindelser om frister i opslag (dagligt)',
    'company-effect-survey': 'Virksomhedsundersøgelsen sendes hvert andet år (tjekkes dagligt)',
    'matchmaking-follow-ups': 'Opfølgning 3 og 6 måneder efter matchmaking (dagligt)',
    retention: 'Sletning af persondata efter opbevaringsperioden (dagligt)',
  } satisfies Record<JobKind, string>,
  failedHeading: 'Fejlede job',
  failedCaption: 'Fejlede job, nyeste først',
  noFailed: 'Ingen job er fejlet.',
  failedAt: 'Fejlet',
  attempts: 'Forsøg',
  error: 'Fejl',
  retry: 'Prøv igen',
  retryLabel: (kind: string, at: string) => ` jobbet ${kind} fra ${at}`,
  retried: 'Jobbet er sat i kø igen.',
  notFailed: 'Jobbet er ikke fejlet (det er måske allerede sat i kø igen).',
};

const en: typeof da = {
  title: 'Job queue',
  intro:
    'Work the portal does after a request or on its schedule: e-mails, survey sends, reminders and removal of personal data. A job that fails is tried again with growing waits; one that fails every time is listed here as failed, with its error. Done and failed jobs are kept for 7 days.',
  countsCaption: 'Jobs by kind and state',
  kind: 'Kind',
  queued: 'Queued',
  retrying: 'Waiting to retry',
  running: 'Running',
  failed: 'Failed',
  done: 'Done',
  kinds: {
    'password-reset-mail': 'Password reset e-mail',
    'survey-mails': 'Survey invitations and reminders',
    'newsletter-send': 'Sending the newsletter',
    mail: 'Other e-mails (sign-up, invitations, interest)',
    'delivery-load': 'Loading of deliveries uploaded on the portal',
    'token-reminders': 'Reminders of expiring API tokens (hourly)',
    'referral-reminders': 'Reminders of waiting referrals (hourly)',
    'label-reminders': 'Reminders of expiring labels (daily)',
    'course-reminders': 'Course reminders (daily)',
    'deadline-reminders': 'Reporting deadline reminders (daily)',
    'call-deadline-reminders': 'Call deadline reminders (daily)',
    'company-effect-survey': 'Company survey sent every second year (checked daily)',
    'matchmaking-follow-ups': 'Follow-up 3 and 6 months after matchmaking (daily)',
    retention: 'Removal of personal data past its retention period (daily)',
  },
  failedHeading: 'Failed jobs',
  failedCaption: 'Failed jobs, newest first',
  noFailed: 'No job has failed.',
  failedAt: 'Failed',
  attempts: 'Attempts',
  error: 'Error',
  retry: 'Retry',
  retryLabel: (kind: string, at: string) => ` the job ${kind} from ${at}`,
  retried: 'The job is queued again.',
  notFailed: 'The job is not failed (it may already have been queued again).',
};

export type JobMessages = Widen<typeof da>;

export function jobMessages(lang: Lang): JobMessages {
  return lang === 'da' ? da : en;
}
