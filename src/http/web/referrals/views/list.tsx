import { themeText } from '../../../../domain/catalogue/themes.ts';
import type { ReferralOverview, ReferralSummary } from '../../../../domain/referrals/queries.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import type { ReferralMessages } from '../messages.ts';

type Shared = { lang: Lang; t: ReferralMessages };

/** The status of a referral in words, with its outcome once concluded. */
export const statusText = (r: Pick<ReferralSummary, 'status' | 'outcome'>, t: ReferralMessages) =>
  r.outcome ? `${t.statuses[r.status]}: ${t.outcomes[r.outcome]}` : (t.statuses[r.status] ?? r.status);

/** Referrals in a table: company, from, to, theme, status, when sent, whether across regions. */
export function ReferralTable({
  rows,
  caption,
  lang,
  t,
}: Shared & { rows: ReferralSummary[]; caption: string }) {
  if (rows.length === 0) return <p>{t.none}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.company}</th>
            <th scope="col">{t.from}</th>
            <th scope="col">{t.to}</th>
            <th scope="col">{t.theme}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.sentAt}</th>
            <th scope="col">{t.crossRegion}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={pageHref('referral', lang, { id: r.id })}>{r.companyName}</a>
              </td>
              <td>{r.fromName}</td>
              <td>{r.toName}</td>
              <td>{themeText(r.theme, lang)}</td>
              <td>{statusText(r, t)}</td>
              <td>{formatDateTime(r.sentAt, lang)}</td>
              <td>{r.crossRegion ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The referrals of the caller's organisations: waiting for them, received and sent. */
export function ReferralListView(p: Shared & { overview: ReferralOverview; notice: string | null }) {
  const { t, lang } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <p>
        <a class="button button-primary" href={href('referralNew', lang)}>
          {t.new}
        </a>{' '}
        <a class="button button-secondary" href={href('referralFigures', lang)}>
          {t.figuresLink}
        </a>
      </p>
      <h2>{t.waitingHeading}</h2>
      <ReferralTable rows={p.overview.waiting} caption={t.waitingHeading} lang={lang} t={t} />
      <h2>{t.receivedHeading}</h2>
      <ReferralTable rows={p.overview.received} caption={t.receivedHeading} lang={lang} t={t} />
      <h2>{t.sentHeading}</h2>
      <ReferralTable rows={p.overview.sent} caption={t.sentHeading} lang={lang} t={t} />
    </>
  );
}
