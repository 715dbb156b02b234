/** The newsletter's e-mails: the confirmation of a sign-up, and an issue to one subscriber. */
import type { MailMessage } from '../../mail/mailer.ts';

type Lang = 'da' | 'en';

export interface NewsletterLinks {
  /** The absolute URL of the unsubscribe page of a token (also the one-click POST target). */
  unsubscribe: (lang: Lang, token: string) => string;
  /** The absolute URL of an issue in the public archive. */
  archived: (lang: Lang, issueId: string) => string;
  /** The mailbox that takes unsubscribe requests by mail (the `mailto:` of List-Unsubscribe). */
  unsubscribeMailbox: string;
}

export interface Recipient {
  email: string;
  name: string | null;
  lang: Lang;
}

/**
 * An issue to one subscriber: the Markdown as plain text (it reads as text), a link to the issue
 * on the site, and the subscriber's own unsubscribe link, also in List-Unsubscribe with one-click
 * (RFC 8058) so a mail client can offer "unsubscribe" without opening the mail.
 */
export function issueMail(
  issue: { id: string; subject: string; body: string },
  to: Recipient,
  token: string,
  links: NewsletterLinks,
): MailMessage {
  const unsubscribe = links.unsubscribe(to.lang, token);
  const mailto = `mailto:${links.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  const footer =
    to.lang === 'en'
      ? [
          `Read it on the web: ${links.archived('en', issue.id)}`,
          `You receive the newsletter of the national cluster support function because you asked for it. Unsubscribe: ${unsubscribe}`,
        ]
      : [
          `Læs det på nettet: ${links.archived('da', issue.id)}`,
          `Du får den nationale klyngesupports nyhedsbrev, fordi du har bedt om det. Afmeld: ${unsubscribe}`,
        ];
  return {
    to: to.email,
    subject: issue.subject,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    text: [issue.body, '', '-- ', ...footer].join('\n'),
  };
}
