import type { Hono } from 'hono';
import { createPost, updatePost } from '../../../domain/content/commands.ts';
import { publishingOrganisations } from '../../../domain/content/policy.ts';
import {
  draftPosts,
  listPublishedPosts,
  type PostDetail,
  type PostKind,
  type PostSummary,
  postOrganisations,
  postToEdit,
  viewablePost,
} from '../../../domain/content/queries.ts';
import { postFilter, postForm } from '../../../domain/content/schemas.ts';
import { notFound } from '../../../domain/errors.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import type { FieldErrors } from '../../views/forms.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import {
  ContentArticle,
  ContentList,
  ContentListItem,
  DraftBadge,
  EditorActions,
  Facts,
  FeedLinks,
  FilterForm,
  ListPage,
  languageNote,
  organisationFilterOptions,
  Pagination,
} from './components.tsx';
import {
  BodyField,
  type FormValues,
  HeadFields,
  newItemValues,
  OrganisationField,
  PublishButtons,
  renderEditorPage,
  saveFromForm,
} from './editing.tsx';
import { feedHref } from './feeds.ts';
import { formatDay, Time } from './format.tsx';
import { type ContentMessages, contentMessages } from './messages.ts';

/** News and success stories: the same pages over the two kinds of post. */
export interface PostSection {
  kind: PostKind;
  texts: 'news' | 'stories';
  pages: { list: PageKey; create: PageKey; item: PageKey; edit: PageKey };
  /** The other kind's list, linked from this one: the main menu has room for news only. */
  related: { page: PageKey; texts: 'news' | 'stories' };
}

export const NEWS: PostSection = {
  kind: 'news',
  texts: 'news',
  pages: { list: 'news', create: 'newsNew', item: 'newsItem', edit: 'newsEdit' },
  related: { page: 'stories', texts: 'stories' },
};
export const STORIES: PostSection = {
  kind: 'success_story',
  texts: 'stories',
  pages: { list: 'stories', create: 'storiesNew', item: 'story', edit: 'storyEdit' },
  related: { page: 'news', texts: 'news' },
};

const itemHref = (s: PostSection, lang: Lang, slug: string) => pageHref(s.pages.item, lang, { slug });

function PostItem({ p, t, lang, href }: { p: PostSummary; t: ContentMessages; lang: Lang; href: string }) {
  return (
    <ContentListItem
      href={href}
      title={p.title}
      itemLang={p.lang}
      pageLang={lang}
      summary={p.summary}
      meta={
        <>
          {p.organisationName}
          {p.publishedAt && (
            <>
              {' · '}
              <Time at={p.publishedAt} text={formatDay(p.publishedAt, lang)} />
            </>
          )}
          {languageNote(t, p.lang, lang)}
        </>
      }
    />
  );
}

async function listPage(c: AppContext, s: PostSection) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const filter = postFilter.parse(c.req.query());
  const user = c.get('user');
  const [list, organisations, drafts] = await Promise.all([
    listPublishedPosts(db, s.kind, filter, now),
    postOrganisations(db, s.kind, now),
    draftPosts(db, user, s.kind, now),
  ]);
  const mayCreate = publishingOrganisations(user).length > 0;
  const t = contentMessages(c.get('lang'));
  const texts = t[s.texts];
  const lang = c.get('lang');
  return renderPage(
    c,
    texts.title,
    () => (
      <ListPage
        t={t}
        title={texts.title}
        lead={texts.lead}
        total={list.total}
        actions={
          <>
            <EditorActions
              t={t}
              create={mayCreate ? { href: href(s.pages.create, lang), label: texts.create } : undefined}
              drafts={drafts.map((d) => ({ href: itemHref(s, lang, d.slug), title: d.title, lang: d.lang }))}
            />
            <FeedLinks
              t={t}
              rss={feedHref(s.pages.list, lang, 'rss')}
              atom={feedHref(s.pages.list, lang, 'atom')}
            />
            <p>
              <a href={href(s.related.page, lang)}>{t[s.related.texts].seeAlso}</a>
            </p>
          </>
        }
        filters={
          <FilterForm t={t} action={href(s.pages.list, lang)}>
            <SelectField
              name="organisation"
              label={t.common.organisation}
              placeholder={t.common.allOrganisations}
              value={filter.organisation}
              options={organisationFilterOptions(organisations)}
            />
          </FilterForm>
        }
        pagination={
          <Pagination
            t={t}
            page={list.page}
            pages={list.pages}
            link={(page) =>
              href(s.pages.list, lang, { organisation: filter.organisation, page: String(page) })
            }
          />
        }
      >
        <ContentList>
          {list.items.map((p) => (
            <PostItem p={p} t={t} lang={lang} href={itemHref(s, lang, p.slug)} />
          ))}
        </ContentList>
      </ListPage>
    ),
    200,
    [
      {
        href: feedHref(s.pages.list, lang, 'rss'),
        type: 'application/rss+xml',
        title: `${texts.feedTitle} (${t.common.rss})`,
      },
      {
        href: feedHref(s.pages.list, lang, 'atom'),
        type: 'application/atom+xml',
        title: `${texts.feedTitle} (${t.common.atom})`,
      },
    ],
  );
}

async function itemPage(c: AppContext, s: PostSection) {
  const { db, clock } = c.get('deps');
  const post = await viewablePost(db, c.get('user'), s.kind, c.req.param('slug') ?? '', clock());
  if (!post) throw notFound('post');
  const t = contentMessages(c.get('lang'));
  return renderPage(c, post.title, ({ lang }) => (
    <ContentArticle
      t={t}
      title={post.title}
      itemLang={post.lang}
      pageLang={lang}
      summary={post.summary}
      body={post.body}
      draft={!post.isPublic}
      saved={c.req.query('saved') === '1'}
      editHref={post.editable ? pageHref(s.pages.edit, lang, { slug: post.slug }) : undefined}
      facts={
        <Facts
          items={[
            [t.common.from, post.organisationName],
            [
              t.common.published,
              post.publishedAt && post.isPublic ? (
                <Time at={post.publishedAt} text={formatDay(post.publishedAt, lang)} />
              ) : (
                <DraftBadge t={t} />
              ),
            ],
          ]}
        />
      }
    />
  ));
}

function postFormPage(
  c: AppContext,
  s: PostSection,
  opts: { post?: PostDetail; values: FormValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const user = signedInUser(c);
  const lang = c.get('lang');
  const t = contentMessages(lang);
  const organisations = publishingOrganisations(user);
  const { post } = opts;
  return renderEditorPage(c, {
    title: post ? t[s.texts].editTitle : t[s.texts].createTitle,
    action: post ? pageHref(s.pages.edit, lang, { slug: post.slug }) : href(s.pages.create, lang),
    cancelHref: post ? itemHref(s, lang, post.slug) : href(s.pages.list, lang),
    errors: opts.errors,
    status: opts.status,
    fields: (
      <>
        <OrganisationField
          t={t}
          label={t.form.organisation}
          options={organisations}
          values={opts.values}
          errors={opts.errors}
        />
        <HeadFields t={t} values={opts.values} errors={opts.errors} />
        <BodyField t={t} values={opts.values} errors={opts.errors} />
      </>
    ),
    buttons: <PublishButtons t={t} published={post?.isPublic ?? false} />,
  });
}

const editablePost = (c: AppContext, s: PostSection): Promise<PostDetail> =>
  postToEdit(c.get('deps').db, callerOf(c), s.kind, c.req.param('slug') ?? '', c.get('deps').clock());

export function registerPostPages(app: Hono<AppEnv>, s: PostSection): void {
  // Static paths first: /nyheder/ny is not the news item "ny".
  onPage(app, 'GET', s.pages.create, (c) =>
    postFormPage(c, s, { values: newItemValues(c), errors: {}, status: 200 }),
  );
  onPage(app, 'POST', s.pages.create, (c) =>
    saveFromForm(c, {
      schema: postForm,
      save: (input, editor, now) => createPost(c.get('deps').db, editor, s.kind, input, now),
      render: (values, errors, status) => postFormPage(c, s, { values, errors, status }),
      itemHref: (slug) => itemHref(s, c.get('lang'), slug),
    }),
  );
  onPage(app, 'GET', s.pages.list, (c) => listPage(c, s));
  onPage(app, 'GET', s.pages.item, (c) => itemPage(c, s));
  onPage(app, 'GET', s.pages.edit, async (c) => {
    const post = await editablePost(c, s);
    const values = {
      organisationId: post.organisationId,
      lang: post.lang,
      title: post.title,
      summary: post.summary,
      body: post.body,
    };
    return postFormPage(c, s, { post, values, errors: {}, status: 200 });
  });
  onPage(app, 'POST', s.pages.edit, async (c) => {
    const post = await editablePost(c, s);
    return saveFromForm(c, {
      schema: postForm,
      save: (input, editor, now) => updatePost(c.get('deps').db, editor, s.kind, post.slug, input, now),
      render: (values, errors, status) => postFormPage(c, s, { post, values, errors, status }),
      itemHref: (slug) => itemHref(s, c.get('lang'), slug),
    });
  });
}
