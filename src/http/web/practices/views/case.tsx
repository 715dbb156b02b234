import type { Child } from 'hono/jsx';
import { themeText } from '../../../../domain/catalogue/themes.ts';
import type { PracticeCase, PracticeSummary } from '../../../../domain/practices/queries.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import { formatDay } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import type { PracticeMessages } from '../messages.ts';

type Shared = { lang: Lang; t: PracticeMessages };

/** A case's regions and themes as the page's language names them. */
export const regionsText = (c: Pick<PracticeSummary, 'regions'>, lang: Lang) =>
  c.regions.map((r) => regionName(r, lang)).join(', ');
export const themesText = (c: Pick<PracticeSummary, 'themes'>, { lang, t }: Shared) =>
  c.themes.length ? c.themes.map((k) => themeText(k, lang)).join(', ') : t.noThemes;

/** One case of a list: title, summary and what kind of collaboration it was, where and by whom. */
export function CaseListItem(p: Shared & { item: PracticeSummary; showStatus?: boolean }) {
  const { item, lang, t } = p;
  return (
    <li class="mt-5">
      <h3 class="h4 mb-2">
        <a href={pageHref('practice', lang, { slug: item.slug })}>{item.title}</a>
      </h3>
      <p class="mb-1">{item.summary}</p>
      <p class="form-hint mt-0">
        {[
          p.showStatus ? t.statusNames[item.status] : '',
          t.modelNames[item.model],
          regionsText(item, lang),
          item.actors.map((a) => a.name).join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}

function Facts(p: Shared & { item: PracticeCase }) {
  const { item, lang, t } = p;
  const row = (label: string, value: Child) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <table class="table table--compact">
      <caption class="sr-only">{item.title}</caption>
      <tbody>
        {row(t.model, t.modelNames[item.model])}
        {row(
          t.actors,
          <ul class="nobullet-list">
            {item.actors.map((a) => (
              <li>{a.slug ? <a href={pageHref('cluster', lang, { slug: a.slug })}>{a.name}</a> : a.name}</li>
            ))}
          </ul>,
        )}
        {row(t.regions, regionsText(item, lang))}
        {row(t.themes, themesText(item, p))}
        {row(
          t.contact,
          <>
            {item.contactName}, <a href={`mailto:${item.contactEmail}`}>{item.contactEmail}</a>
          </>,
        )}
      </tbody>
    </table>
  );
}

/** A case's page; a case not yet published shows its state (and a rejection its reason). */
export function CaseView(p: Shared & { item: PracticeCase; notice: string | null; review?: Child }) {
  const { item, lang, t } = p;
  return (
    <>
      <p>
        <a href={href('practices', lang)}>{t.allCases}</a>
      </p>
      <h1>{item.title}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {item.status !== 'published' && (
        <p>
          <span class="badge">{t.statusNames[item.status]}</span>
        </p>
      )}
      {item.rejectReason && (
        <Alert variant="info" heading={t.rejectedBecause}>
          {item.rejectReason}
        </Alert>
      )}
      <p class="font-lead">{item.summary}</p>
      <p class="form-hint">
        {[
          t.proposedBy(item.proposerName),
          item.publishedAt && t.publishedOn(formatDay(item.publishedAt, lang)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Facts item={item} lang={lang} t={t} />
      <h2>{t.whatWasDone}</h2>
      <p class="pre-line">{item.whatWasDone}</p>
      <h2>{t.whatWorked}</h2>
      <p class="pre-line">{item.whatWorked}</p>
      <h2>{t.whatDidNot}</h2>
      <p class="pre-line">{item.whatDidNot}</p>
      {p.review}
    </>
  );
}
