import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../domain/content/markdown.ts';
import type { Lang } from '../../paths.ts';
import { Alert } from '../../views/forms.tsx';
import { Icon } from '../../views/icons.tsx';
import { Pager } from '../../views/pager.tsx';
import type { ContentMessages } from './messages.ts';

/** Building blocks shared by the news, story, event and call pages. */

export function Pagination({
  t,
  page,
  pages,
  link,
}: {
  t: ContentMessages;
  page: number;
  pages: number;
  link: (page: number) => string;
}) {
  return (
    <Pager
      page={page}
      pages={pages}
      link={link}
      status={t.common.page(page, pages)}
      label={t.common.pagination}
      previous={t.common.previous}
      next={t.common.next}
    />
  );
}

/** Visible links to a list's feeds, marked with their media types as <link rel="alternate"> would be. */
export function FeedLinks({ t, rss, atom }: { t: ContentMessages; rss: string; atom: string }) {
  return (
    <p class="content-feeds">
      <strong>{t.common.subscribe}:</strong>{' '}
      <a href={rss} type="application/rss+xml">
        {t.common.rss}
      </a>{' '}
      ·{' '}
      <a href={atom} type="application/atom+xml">
        {t.common.atom}
      </a>
    </p>
  );
}

/** "(på engelsk)" after an item written in the other language than the page. */
export function languageNote(t: ContentMessages, itemLang: Lang, pageLang: Lang): string {
  return itemLang === pageLang ? '' : ` ${t.common.inLanguage(t.common.languages[itemLang])}`;
}

export function DraftBadge({ t }: { t: ContentMessages }) {
  return <span class="badge badge-warning content-draft-badge">{t.common.draft}</span>;
}

/**
 * One item of a list. The item keeps its own language on the element, while the line about it
 * (organisation, date) is in the page's language.
 */
export function ContentListItem({
  href,
  title,
  itemLang,
  pageLang,
  meta,
  summary,
  badge,
  headingLevel = 2,
}: {
  href: string;
  title: string;
  itemLang: Lang;
  pageLang: Lang;
  meta: Child;
  summary?: string;
  badge?: Child;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="content-item" lang={itemLang}>
      <Heading class="h4 content-item-title">
        <a href={href}>{title}</a>
        {badge && <> {badge}</>}
      </Heading>
      <p class="content-item-meta" lang={pageLang}>
        {meta}
      </p>
      {summary && <p class="content-item-summary">{summary}</p>}
    </li>
  );
}

export function ContentList({ children }: { children: Child }) {
  return <ul class="nobullet-list content-list no-max-width">{children}</ul>;
}

/** Drafts of the organisations the user edits for, so they can be found again. */
export function DraftList({
  t,
  items,
}: {
  t: ContentMessages;
  items: { href: string; title: string; lang: Lang }[];
}) {
  if (items.length === 0) return null;
  return (
    <section class="content-drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" class="h3">
        {t.common.yourDrafts}
      </h2>
      <ul>
        {items.map((d) => (
          <li lang={d.lang}>
            <a href={d.href}>{d.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The GET form above a list; its values live in the URL so a filtered list can be linked to. */
export function FilterForm({ t, action, children }: { t: ContentMessages; action: string; children: Child }) {
  return (
    <form method="get" action={action} class="content-filter" aria-label={t.common.filterHeading}>
      {children}
      <button type="submit" class="button button-secondary">
        {t.common.filter}
      </button>
    </form>
  );
}

/** For editors above a list: the way to write a new item, and their unpublished ones. */
export function EditorActions({
  t,
  create,
  drafts,
}: {
  t: ContentMessages;
  create?: { href: string; label: string } | undefined;
  drafts: { href: string; title: string; lang: Lang }[];
}) {
  return (
    <>
      {create && (
        <p>
          <a class="button button-primary" href={create.href}>
            {create.label}
          </a>
        </p>
      )}
      <DraftList t={t} items={drafts} />
    </>
  );
}

/** Markdown body, rendered safely (see domain/content/markdown.ts). */
export function MarkdownBody({ source }: { source: string }) {
  return <div class="content-body">{raw(renderMarkdown(source))}</div>;
}

/** The page of one item: title, the facts about it, its summary and text. */
export function ContentArticle({
  t,
  title,
  itemLang,
  pageLang,
  facts,
  summary,
  body,
  draft,
  saved,
  editHref,
  children,
}: {
  t: ContentMessages;
  title: string;
  itemLang: Lang;
  pageLang: Lang;
  facts: Child;
  summary: string;
  body: string;
  draft: boolean;
  saved: boolean;
  editHref?: string | undefined;
  children?: Child;
}) {
  return (
    <article class="content-article" lang={itemLang}>
      {(saved || draft) && (
        <div lang={pageLang}>
          {saved && <Alert variant="success">{t.common.saved}</Alert>}
          {draft && <Alert variant="warning">{t.common.draftNotice}</Alert>}
        </div>
      )}
      <h1>
        {title}
        {draft && (
          <>
            {' '}
            <DraftBadge t={t} />
          </>
        )}
      </h1>
      <div class="content-facts" lang={pageLang}>
        {facts}
      </div>
      {editHref && (
        <p lang={pageLang}>
          <a href={editHref} class="function-link">
            <Icon name="edit" />
            {t.common.edit}
          </a>
        </p>
      )}
      {summary && <p class="font-lead">{summary}</p>}
      <MarkdownBody source={body} />
      {children && <div lang={pageLang}>{children}</div>}
    </article>
  );
}

/** A definition list of facts about an item (organisation, dates, place). */
export function Facts({ items }: { items: [string, Child][] }) {
  return (
    <dl class="summary-list content-facts-list">
      {items.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** The frame of every list page: heading, actions for editors, filters, the list and its pages. */
export function ListPage({
  t,
  title,
  lead,
  actions,
  filters,
  total,
  pagination,
  children,
}: {
  t: ContentMessages;
  title: string;
  lead: string;
  actions?: Child;
  filters?: Child;
  total: number;
  pagination: Child;
  children: Child;
}) {
  return (
    <>
      <h1>{title}</h1>
      <p class="font-lead">{lead}</p>
      {actions}
      {filters}
      <p class="content-count">{t.common.count(total)}</p>
      {total === 0 ? <p>{t.common.none}</p> : children}
      {pagination}
    </>
  );
}

export const organisationFilterOptions = (organisations: { id: string; name: string }[]) =>
  organisations.map((o) => ({ value: o.id, label: o.name }));
