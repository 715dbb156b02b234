/** The e-mails of a survey: the invitation and the reminder, in the invitee's language. */
import type { MailMessage } from '../../mail/mailer.ts';

export interface SurveyMailLinks {
  /** The absolute URL of the answer page for a token, in a language. */
  answer: (lang: 'da' | 'en', token: string) => string;
  /** The absolute URL of the opt-out page (List-Unsubscribe, also for one-click POST). */
  optOut: (lang: 'da' | 'en', token: string) => string;
}

export interface SurveyMailFacts {
  titleDa: string;
  titleEn: string;
  ownerName: string;
  anonymous: boolean;
  closesAt: Date;
}

const closing = {
  da: new Intl.DateTimeFormat('da-DK', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }),
};

/** One invitation or reminder to one invitee, with the link only they hold and an opt-out link. */
export function surveyMail(
  kind: 'invitation' | 'reminder',
  to: { email: string; name: string | null; lang: 'da' | 'en' },
  survey: SurveyMailFacts,
  token: string,
  links: SurveyMailLinks,
): MailMessage {
  const lang = to.lang;
  const answer = links.answer(lang, token);
  const optOut = links.optOut(lang, token);
  const closes = closing[lang].format(survey.closesAt);
  const headers = {
    'List-Unsubscribe': `<${optOut}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  if (lang === 'en') {
    const title = survey.titleEn;
    return {
      to: to.email,
      subject: kind === 'reminder' ? `Reminder: ${title}` : `Survey: ${title}`,
      headers,
      text: [
        to.name ? `Dear ${to.name},` : 'Hello,',
        '',
        kind === 'reminder'
          ? `We have not yet received your answers to "${title}" from ${survey.ownerName}. There is still time.`
          : `${survey.ownerName} asks for your answers to "${title}".`,
        survey.anonymous
          ? 'The survey is anonymous: your answers are stored without any link to you.'
          : 'Your answers are stored with your name, for those who run the survey.',
        '',
        `Answer here (the link is personal; you can save and continue later): ${answer}`,
        `Answers are taken until ${closes} (Danish time).`,
        '',
        `No more survey e-mails from Klyngeportalen: ${optOut}`,
      ].join('\n'),
    };
  }
  const title = survey.titleDa;
  return {
    to: to.email,
    subject: kind === 'reminder' ? `Påmindelse: ${title}` : `Spørgeskema: ${title}`,
    headers,
    text: [
      to.name ? `Kære ${to.name}` : 'Hej',
      '',
      kind === 'reminder'
        ? `Vi har endnu ikke fået dine svar på »${title}« fra ${survey.ownerName}. Der er stadig tid.`
        : `${survey.ownerName} beder om dine svar på »${title}«.`,
      survey.anonymous
        ? 'Undersøgelsen er anonym: dine svar gemmes uden nogen forbindelse til dig.'
        : 'Dine svar gemmes med dit navn, til dem der gennemfører undersøgelsen.',
      '',
      `Svar her (linket er personligt; du kan gemme og fortsætte senere): ${answer}`,
      `Der kan svares til og med ${closes}.`,
      '',
      `Ingen flere spørgeskemaer fra Klyngeportalen: ${optOut}`,
    ].join('\n'),
  };
}
