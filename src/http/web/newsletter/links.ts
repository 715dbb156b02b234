import type { Deps } from '../../../deps.ts';
import type { NewsletterLinks } from '../../../domain/newsletter/mail.ts';
import { runNewsletterJob } from '../../../domain/newsletter/sending.ts';
import { pageHref } from '../../paths.ts';

/** The address in MAIL_FROM ("Name <address>" or the address alone). */
const mailboxOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** The absolute links a newsletter e-mail carries, on the site's public address. */
export function newsletterLinks(deps: Pick<Deps, 'config'>): NewsletterLinks {
  const site = deps.config.publicUrl.replace(/\/$/, '');
  return {
    unsubscribe: (lang, token) => `${site}${pageHref('newsletterUnsubscribe', lang, { token })}`,
    archived: (lang, id) => `${site}${pageHref('newsletterArchived', lang, { id })}`,
    unsubscribeMailbox: mailboxOf(deps.config.mailFrom),
  };
}

/** The newsletter-send job, with the site's links and the key its unsubscribe links are signed with. */
export async function mailNewsletter(deps: Deps, data: unknown): Promise<void> {
  const result = await runNewsletterJob(deps, data, {
    now: deps.clock(),
    secret: deps.config.sessionSecret,
    links: newsletterLinks(deps),
  });
  deps.logger.info({ ...result }, 'newsletter mails sent');
}
