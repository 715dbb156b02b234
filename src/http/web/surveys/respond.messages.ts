import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of the pages a respondent answers on (no sign-in), Danish first; `en` has the same shape. */
const da = {
  from: (owner: string) => `Fra ${owner}`,
  pageOf: (n: number, of: number) => `Side ${n} af ${of}`,
  anonymous:
    'Undersøgelsen er anonym: dine svar gemmes uden nogen forbindelse til dig eller til linket i din e-mail.',
  named:
    'Dine svar gemmes med dit navn og din e-mailadresse, så de, der gennemfører undersøgelsen, kan se, hvem der har svaret.',
  closes: (when: string) => `Du kan svare og ændre dine svar til og med ${when}.`,
  pages: (n: number) => (n === 1 ? 'Spørgeskemaet har én side.' : `Spørgeskemaet har ${n} sider.`),
  saveNote:
    'Dine svar gemmes, hver gang du går videre. Du kan holde pause og fortsætte senere fra linket i din e-mail.',
  start: 'Start',
  continue: 'Fortsæt',
  closedTitle: 'Undersøgelsen er lukket',
  closedText: 'Der tages ikke længere imod svar. Tak for din interesse.',
  notFoundTitle: 'Linket virker ikke',
  notFoundText: 'Linket er ikke gyldigt. Brug linket i den seneste e-mail, du har fået om undersøgelsen.',
  answeredTitle: 'Tak, vi har fået dine svar',
  answeredEditable: (when: string) => `Du kan se og ændre dine svar til og med ${when}.`,
  answeredElsewhere:
    'Der er allerede svaret på denne invitation fra et andet link. Svarene kan kun ændres fra det link, de blev sendt fra.',
  reviewAnswers: 'Se og ret dine svar',
  optional: '(valgfrit)',
  scaleStep: (n: string, label: string | null) => (label ? `${n} – ${label}` : n),
  next: 'Gem og fortsæt',
  later: 'Gem og fortsæt senere',
  back: 'Tilbage',
  savedTitle: 'Dine svar er gemt',
  savedText:
    'Du kan fortsætte, når det passer dig, fra linket i din e-mail. Dine svar er først med, når du har sendt dem.',
  savedContinue: 'Fortsæt nu',
  checkTitle: 'Tjek dine svar, før du sender',
  checkTitleSent: 'Dine svar',
  checkIntro: 'Her er dine svar. Ret dem, hvis noget er forkert, og send dem.',
  checkIntroSent: (when: string) =>
    `Dine svar er sendt. Du kan rette dem til og med ${when}; rettelser gemmes med det samme.`,
  notAnswered: 'Ikke besvaret',
  change: 'Ret',
  changeAnswer: (question: string) => `Ret svaret på »${question}«`,
  missing: 'Besvar disse spørgsmål, før du sender',
  submit: 'Send svar',
  done: 'Færdig',
  receiptTitle: 'Tak for dine svar',
  receiptText: 'Dine svar er modtaget.',
  receiptAnonymous: 'Undersøgelsen er anonym: svarene er gemt uden forbindelse til dig.',
  receiptChange: (when: string) => `Du kan ændre dine svar til og med ${when} fra linket i din e-mail.`,
  optOutLink: 'Jeg vil ikke have flere e-mails om undersøgelser',
  optOutTitle: 'Ingen flere e-mails om undersøgelser',
  optOutText:
    'Vil du frameldes? Du får så ingen påmindelser om denne undersøgelse og ingen invitationer til undersøgelser fra Klyngeportalen på denne e-mailadresse.',
  optOutSubmit: 'Frameld mig',
  optedOutTitle: 'Du er frameldt',
  optedOutText:
    'Du får ikke flere e-mails om undersøgelser fra Klyngeportalen på denne adresse. Du kan stadig svare på denne undersøgelse fra linket.',
  optedOutNote: 'Du har frameldt dig e-mails om undersøgelser. Du kan stadig svare.',
  errors: {
    invalid: 'Vælg et af svarene.',
    required: 'Besvar spørgsmålet.',
    number: 'Skriv et tal, fx 12 eller 12,5.',
    wholeNumber: 'Skriv et helt tal, fx 12.',
    range: 'Tallet er uden for det tilladte interval.',
    tooLong: 'Svaret er for langt (højst 5.000 tegn).',
    allRows: 'Besvar alle rækkerne.',
  },
  rangeHint: (min: string | null, max: string | null) =>
    min !== null && max !== null
      ? `Et tal fra ${min} til ${max}.`
      : min !== null
        ? `Mindst ${min}.`
        : max !== null
          ? `Højst ${max}.`
          : '',
};

const en: RespondMessages = {
  from: (owner) => `From ${owner}`,
  pageOf: (n, of) => `Page ${n} of ${of}`,
  anonymous:
    'The survey is anonymous: your answers are stored without any link to you or to the link in your e-mail.',
  named:
    'Your answers are stored with your name and e-mail address, so those who run the survey can see who answered.',
  closes: (when) => `You can answer and change your answers until ${when}.`,
  pages: (n) => (n === 1 ? 'The questionnaire has one page.' : `The questionnaire has ${n} pages.`),
  saveNote:
    'Your answers are saved each time you go on. You can take a break and continue later from the link in your e-mail.',
  start: 'Start',
  continue: 'Continue',
  closedTitle: 'The survey is closed',
  closedText: 'Answers are no longer taken. Thank you for your interest.',
  notFoundTitle: 'The link does not work',
  notFoundText: 'The link is not valid. Use the link in the latest e-mail you received about the survey.',
  answeredTitle: 'Thank you, we have your answers',
  answeredEditable: (when) => `You can see and change your answers until ${when}.`,
  answeredElsewhere:
    'This invitation was already answered from another link. The answers can only be changed from the link they were sent from.',
  reviewAnswers: 'See and change your answers',
  optional: '(optional)',
  scaleStep: (n, label) => (label ? `${n} – ${label}` : n),
  next: 'Save and continue',
  later: 'Save and continue later',
  back: 'Back',
  savedTitle: 'Your answers are saved',
  savedText:
    'You can continue whenever it suits you from the link in your e-mail. Your answers only count once you have sent them.',
  savedContinue: 'Continue now',
  checkTitle: 'Check your answers before sending',
  checkTitleSent: 'Your answers',
  checkIntro: 'These are your answers. Change anything that is wrong, then send them.',
  checkIntroSent: (when) =>
    `Your answers are sent. You can change them until ${when}; changes are saved at once.`,
  notAnswered: 'Not answered',
  change: 'Change',
  changeAnswer: (question) => `Change the answer to “${question}”`,
  missing: 'Answer these questions before sending',
  submit: 'Send answers',
  done: 'Done',
  receiptTitle: 'Thank you for your answers',
  receiptText: 'Your answers have been received.',
  receiptAnonymous: 'The survey is anonymous: the answers are stored without any link to you.',
  receiptChange: (when) => `You can change your answers until ${when} from the link in your e-mail.`,
  optOutLink: 'I do not want more e-mails about surveys',
  optOutTitle: 'No more e-mails about surveys',
  optOutText:
    'Do you want to opt out? You will then get no reminders about this survey and no invitations to surveys from Klyngeportalen at this e-mail address.',
  optOutSubmit: 'Opt me out',
  optedOutTitle: 'You have opted out',
  optedOutText:
    'You will get no more e-mails about surveys from Klyngeportalen at this address. You can still answer this survey from the link.',
  optedOutNote: 'You have opted out of e-mails about surveys. You can still answer.',
  errors: {
    invalid: 'Choose one of the answers.',
    required: 'Answer the question.',
    number: 'Write a number, e.g. 12 or 12.5.',
    wholeNumber: 'Write a whole number, e.g. 12.',
    range: 'The number is outside the allowed range.',
    tooLong: 'The answer is too long (at most 5,000 characters).',
    allRows: 'Answer every row.',
  },
  rangeHint: (min, max) =>
    min !== null && max !== null
      ? `A number from ${min} to ${max}.`
      : min !== null
        ? `At least ${min}.`
        : max !== null
          ? `At most ${max}.`
          : '',
};

export type RespondMessages = Widen<typeof da>;

export function respondMessages(lang: Lang): RespondMessages {
  return lang === 'da' ? da : en;
}
