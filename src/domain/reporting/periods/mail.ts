/**
 * E-mails about a reporting period's change: a submitted year goes to the funders that fund the
 * cluster that year; a decision (approve, return, lock, reopen) goes to the cluster's own staff.
 * Each recipient gets the message in the language of their account; disabled users get none.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { Logger } from '../../../logger.ts';
import type { Mailer, MailMessage } from '../../../mail/mailer.ts';
import { possessive } from '../../reference/danish.ts';
import type { PeriodAction } from './transitions.ts';
import { fundersOf } from './years.ts';

interface Recipient {
  email: string;
  locale: string;
}

const TEXT = {
  da: {
    subject: (action: PeriodAction, cluster: string, year: number) =>
      ({
        submit: `${cluster} har indsendt indberetningen for ${year}`,
        approve: `Indberetningen for ${year} er godkendt`,
        return: `Indberetningen for ${year} er sendt retur`,
        lock: `Indberetningen for ${year} er låst`,
        reopen: `Indberetningen for ${year} er genåbnet`,
      })[action],
    body: (action: PeriodAction, cluster: string, year: number) =>
      action === 'submit'
        ? `${cluster} har indsendt sine aktiviteter og deltagere for ${year} og beder om godkendelse.`
        : `Bevillingsgiveren har ændret ${possessive(cluster, 'da')} indberetning for ${year}: ${
            {
              submit: '',
              approve: 'den er godkendt.',
              return: 'den er sendt retur til rettelse.',
              lock: 'den er låst, og året kan ikke længere ændres.',
              reopen: 'den er genåbnet, og året kan ændres igen.',
            }[action]
          }`,
    comment: 'Bemærkning',
    link: 'Se indberetningsperioden',
  },
  en: {
    subject: (action: PeriodAction, cluster: string, year: number) =>
      ({
        submit: `${cluster} has submitted its report for ${year}`,
        approve: `The report for ${year} is approved`,
        return: `The report for ${year} is returned`,
        lock: `The report for ${year} is locked`,
        reopen: `The report for ${year} is reopened`,
      })[action],
    body: (action: PeriodAction, cluster: string, year: number) =>
      action === 'submit'
        ? `${cluster} has submitted its activities and participants for ${year} and asks for approval.`
        : `The funder has changed ${possessive(cluster, 'en')} report for ${year}: ${
            {
              submit: '',
              approve: 'it is approved.',
              return: 'it is returned for correction.',
              lock: 'it is locked; the year can no longer be changed.',
              reopen: 'it is reopened; the year can be changed again.',
            }[action]
          }`,
    comment: 'Comment',
    link: 'See the reporting period',
  },
} as const;

type Change = { clusterId: string; year: number; action: PeriodAction; comment: string | null };
/** Absolute URLs of the page each side acts on: the funders' status page, the cluster's period page. */
export type PeriodLinks = { funders: (lang: 'da' | 'en') => string; cluster: (lang: 'da' | 'en') => string };

/** The messages for one change: a submitted year to its funders, a decision to the cluster. */
async function periodChangeMails(db: Queryable, change: Change, links: PeriodLinks): Promise<MailMessage[]> {
  const [cluster] = await queryRows<{ name: string }>(
    db,
    sql`select name from organisations where id = ${change.clusterId}`,
  );
  if (!cluster) return [];
  const toFunders = change.action === 'submit';
  const organisations = toFunders ? await fundersOf(db, change.clusterId, change.year) : [change.clusterId];
  if (organisations.length === 0) return [];
  const recipients = await queryRows<Recipient>(
    db,
    sql`select distinct u.email, u.locale from users u join memberships m on m.user_id = u.id
        where u.disabled_at is null and m.role = ${toFunders ? 'funder' : 'cluster_staff'}
          and m.organisation_id in (${sql.join(
            organisations.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by u.email`,
  );
  return recipients.map((r) => {
    const lang = r.locale === 'en' ? 'en' : 'da';
    const t = TEXT[lang];
    const link = toFunders ? links.funders(lang) : links.cluster(lang);
    return {
      to: r.email,
      subject: t.subject(change.action, cluster.name, change.year),
      text: [
        t.body(change.action, cluster.name, change.year),
        ...(change.comment ? ['', `${t.comment}: ${change.comment}`] : []),
        '',
        `${t.link}: ${link}`,
      ].join('\n'),
    };
  });
}

/**
 * Tells the other side about a committed change. A mail that cannot be sent is logged, not thrown:
 * the change stands, and whoever made it is not told it failed.
 */
export async function announcePeriodChange(
  deps: { db: Queryable; mailer: Mailer; logger: Logger },
  change: Change,
  links: PeriodLinks,
): Promise<void> {
  try {
    for (const mail of await periodChangeMails(deps.db, change, links)) await deps.mailer.send(mail);
  } catch (err) {
    deps.logger.error(
      { err, clusterId: change.clusterId, year: change.year, action: change.action },
      'reporting period e-mail not sent',
    );
  }
}
