import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../../domain/content/markdown.ts';
import type { KnowledgeItem, KnowledgeListItem } from '../../../../domain/knowledge/items.ts';
import type { TemplateVersion } from '../../../../domain/knowledge/versions.ts';
import { formatDay, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import type { KnowledgeMessages } from '../messages.ts';

type Shared = { lang: Lang; t: KnowledgeMessages };

/** An item's title, summary and text in the page's language. */
export const inLanguage = (
  i: Pick<KnowledgeItem, 'titleDa' | 'titleEn' | 'summaryDa' | 'summaryEn'> &
    Partial<Pick<KnowledgeItem, 'bodyDa' | 'bodyEn'>>,
  lang: Lang,
) =>
  lang === 'en'
    ? { title: i.titleEn, summary: i.summaryEn, body: i.bodyEn ?? '' }
    : { title: i.titleDa, summary: i.summaryDa, body: i.bodyDa ?? '' };

/** An item's own page: a template's holds its versions. */
export const itemHref = (i: { kind: KnowledgeItem['kind']; slug: string }, lang: Lang) =>
  pageHref(i.kind === 'template' ? 'template' : 'knowledgeItem', lang, { slug: i.slug });

const kilobytes = (bytes: number, lang: Lang) =>
  `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;

/** The knowledge base by topic; its keepers get the link to add to it. */
export function KnowledgeListView(
  p: Shared & { items: KnowledgeListItem[]; signedIn: boolean; mayManage: boolean },
) {
  const { lang, t } = p;
  const topics = [...new Set(p.items.map((i) => i.topic))];
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {p.mayManage && (
        <p>
          <a class="button button-secondary" href={href('knowledgeNew', lang)}>
            {t.newItem}
          </a>
        </p>
      )}
      {!p.signedIn && <p>{t.signInForMore}</p>}
      {p.items.length === 0 && <p>{t.none}</p>}
      {topics.map((topic) => (
        <section>
          <h2>{t.topicNames[topic]}</h2>
          <ul class="nobullet-list">
            {p.items
              .filter((i) => i.topic === topic)
              .map((i) => (
                <li class="mt-5">
                  <h3 class="h4 mb-2">
                    <a href={itemHref(i, lang)}>{inLanguage(i, lang).title}</a>
                  </h3>
                  <p class="mb-1">{inLanguage(i, lang).summary}</p>
                  <p class="form-hint mt-0">
                    {[
                      t.kindNames[i.kind],
                      i.latestVersion === null ? '' : t.latestVersion(i.latestVersion),
                      i.access === 'signed_in' ? t.signedInOnly : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ItemHeader(p: Shared & { item: KnowledgeItem; notice: string | null; mayManage: boolean }) {
  const { item, lang, t } = p;
  const text = inLanguage(item, lang);
  return (
    <>
      <p>
        <a href={href('knowledge', lang)}>{t.allItems}</a>
      </p>
      <p class="mb-0">
        <span class="badge">{t.kindNames[item.kind]}</span> {t.topicNames[item.topic]}
      </p>
      <h1>{text.title}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {item.access === 'signed_in' && <p class="form-hint">{t.signedInOnly}</p>}
      <p class="font-lead">{text.summary}</p>
      {text.body && <div class="content-body">{raw(renderMarkdown(text.body))}</div>}
      {p.mayManage && (
        <p>
          <a class="button button-secondary" href={pageHref('knowledgeEdit', lang, { slug: item.slug })}>
            {t.edit}
          </a>
        </p>
      )}
    </>
  );
}

export function ArticleView(p: Shared & { item: KnowledgeItem; notice: string | null; mayManage: boolean }) {
  return <ItemHeader {...p} />;
}

/** The template's versions, newest first, each with its file and what changed. */
function Changelog(p: Shared & { slug: string; versions: TemplateVersion[] }) {
  const { lang, t } = p;
  return (
    <section class="mt-7">
      <h2>{t.changelog}</h2>
      <p>{t.changelogLead}</p>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.uploaded}</th>
              <th scope="col">{t.whatChanged}</th>
              <th scope="col">{t.file}</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((v) => (
              <tr>
                <th scope="row">{formatNumber(v.version, lang)}</th>
                <td>{formatDay(v.uploadedAt, lang)}</td>
                <td>{lang === 'en' ? v.changesEn : v.changesDa}</td>
                <td>
                  <a
                    href={pageHref('templateDownload', lang, { slug: p.slug, version: String(v.version) })}
                    download={v.fileName}
                  >
                    {t.download(v.version, kilobytes(v.sizeBytes, lang))}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TemplateView(
  p: Shared & {
    item: KnowledgeItem;
    versions: TemplateVersion[];
    notice: string | null;
    mayManage: boolean;
    uploadForm?: Child;
  },
) {
  const { item, versions, lang, t } = p;
  const newest = versions[0];
  return (
    <>
      <ItemHeader {...p} />
      {newest ? (
        <p>
          <a
            class="button button-primary"
            href={pageHref('templateDownload', lang, { slug: item.slug, version: String(newest.version) })}
            download={newest.fileName}
          >
            {t.downloadLatest} ({t.latestVersion(newest.version)}, {kilobytes(newest.sizeBytes, lang)})
          </a>
        </p>
      ) : (
        <p>{t.noVersions}</p>
      )}
      {versions.length > 0 && <Changelog slug={item.slug} versions={versions} lang={lang} t={t} />}
      {p.uploadForm}
    </>
  );
}
