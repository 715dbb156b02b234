import { raw } from 'hono/html';
import type { Qualification } from '../../../../domain/catalogue/qualification.ts';
import type { ClusterDetail } from '../../../../domain/catalogue/queries.ts';
import { themeLabel } from '../../../../domain/catalogue/themes.ts';
import { renderMarkdown } from '../../../../domain/content/markdown.ts';
import { MUNICIPALITIES } from '../../../../domain/reference/geography.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { CatalogueMessages } from '../messages.ts';

const municipalityName = (code: number | null) =>
  code === null ? null : (MUNICIPALITIES.find((m) => m.code === code)?.name ?? String(code));

/** A cluster's description: Markdown rendered safely (raw HTML off, only http(s) and mailto links). */
export function Description({ text }: { text: string }) {
  return <div class="content-body">{raw(renderMarkdown(text))}</div>;
}

export function LabelTag({ level, t }: { level: 'bronze' | 'silver' | 'gold'; t: CatalogueMessages }) {
  return <span class={`badge label-tag label-${level}`}>{t.labels[level]}</span>;
}

/** The facts box of a cluster: the same component on the public page and in the draft preview. */
export function ClusterFacts({ c, t, lang }: { c: ClusterDetail; t: CatalogueMessages; lang: Lang }) {
  const n = (v: number | null) => (v === null ? t.notStated : formatNumber(v, lang));
  const sites = c.siteMunicipalities.map(municipalityName).filter(Boolean).join(', ');
  return (
    <dl class="cluster-facts">
      <dt>{t.league}</dt>
      <dd>{t.leagues[c.league]}</dd>
      <dt>{t.themes}</dt>
      <dd>{c.themes.map((k) => themeLabel(k as never, lang)).join(', ')}</dd>
      <dt>{t.seat}</dt>
      <dd>{municipalityName(c.seatCode) ?? t.notStated}</dd>
      {sites && (
        <>
          <dt>{t.sites}</dt>
          <dd>{sites}</dd>
        </>
      )}
      <dt>{t.strongholds}</dt>
      <dd>{c.strongholdIndustries.length ? c.strongholdIndustries.join(', ') : t.notStated}</dd>
      <dt>{t.staff}</dt>
      <dd>{c.staffFte === null ? t.notStated : formatNumber(c.staffFte, lang)}</dd>
      <dt>{t.members}</dt>
      <dd>{n(c.membersCount)}</dd>
      <dt>{t.dedicated}</dt>
      <dd>{n(c.dedicatedCompanies)}</dd>
      <dt>{t.board}</dt>
      <dd>{t.boardText(c.boardCompanies, c.boardKnowledgeInstitutions, c.boardPublic)}</dd>
      {c.website && (
        <>
          <dt>{t.website}</dt>
          <dd>
            <a href={c.website} rel="noopener">
              {c.website}
            </a>
          </dd>
        </>
      )}
      {(c.contactName || c.contactEmail || c.contactPhone) && (
        <>
          <dt>{t.contact}</dt>
          <dd>
            {c.contactName && <span class="d-block">{c.contactName}</span>}
            {c.contactEmail && (
              <a class="d-block" href={`mailto:${c.contactEmail}`}>
                {c.contactEmail}
              </a>
            )}
            {c.contactPhone && <span class="d-block">{c.contactPhone}</span>}
          </dd>
        </>
      )}
    </dl>
  );
}

export function reasonText(
  r: Qualification['results'][number]['reason'],
  t: CatalogueMessages,
  lang: Lang,
): string {
  const R = t.reasons;
  switch (r.key) {
    case 'tripleHelixMet':
      return R.tripleHelixMet(r.companies, r.knowledge, r.public);
    case 'tripleHelixMissing':
      return R.tripleHelixMissing(r.missing.map((m) => R.helix[m]).join(', '));
    case 'organisationMet':
      return R.organisationMet(formatNumber(r.fte, lang));
    case 'fteTooLow':
      return R.fteTooLow(formatNumber(r.fte, lang), r.min);
    case 'companiesMet':
      return R.companiesMet(r.count);
    case 'companiesTooFew':
      return R.companiesTooFew(r.count, r.min);
    case 'labelValid':
      return R.labelValid(t.labels[r.level]);
    default:
      return R[r.key];
  }
}

/** The five criteria with pass/fail in words (not colour alone) and the reason for each. */
export function QualificationTable({ q, t, lang }: { q: Qualification; t: CatalogueMessages; lang: Lang }) {
  const caption = q.significant ? t.significant : t.notSignificant;
  return (
    <ScrollingTable label={caption}>
      <table class="table qualification-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.qualificationHeading}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.reason}</th>
          </tr>
        </thead>
        <tbody>
          {q.results.map((r) => (
            <tr>
              <th scope="row">{t.criteria[r.criterion]}</th>
              <td>
                <span class={r.passed ? 'badge badge-success' : 'badge badge-warning'}>
                  {r.passed ? t.passed : t.failed}
                </span>
              </td>
              <td>{reasonText(r.reason, t, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
