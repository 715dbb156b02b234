import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  createKnowledgeItem,
  type KnowledgeItem,
  knowledgeItemBySlug,
  knowledgeItemToEdit,
  knowledgeList,
  updateKnowledgeItem,
} from '../../../domain/knowledge/items.ts';
import { mayManageKnowledge, requireKnowledgeKeeper } from '../../../domain/knowledge/policy.ts';
import { addTemplateVersion, templateChangelog, templateFile } from '../../../domain/knowledge/versions.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { uploadedForm } from '../../multipart.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { knowledgeMessages } from './messages.ts';
import { KnowledgeFormView, VersionUploadForm } from './views/manage.tsx';
import { ArticleView, inLanguage, itemHref, KnowledgeListView, TemplateView } from './views/pages.tsx';

const messagesOf = (c: AppContext) => knowledgeMessages(c.get('lang'));
const slugOf = (c: AppContext) => c.req.param('slug') ?? '';
const readerOf = (c: AppContext) => c.get('user') ?? null;
const statusOf = (form: PostedForm) => (Object.keys(form.errors).length > 0 ? 422 : 200);

async function list(c: AppContext) {
  const reader = readerOf(c);
  const items = await knowledgeList(c.get('deps').db, reader);
  const t = messagesOf(c);
  return renderPage(c, t.title, () => (
    <KnowledgeListView
      items={items}
      signedIn={reader !== null}
      mayManage={mayManageKnowledge(reader)}
      lang={c.get('lang')}
      t={t}
    />
  ));
}

/** The notice a redirect after a save asks for (`?gemt`, `?version=3`). */
function noticeOf(c: AppContext): string | null {
  const t = messagesOf(c);
  if (c.req.query('gemt') !== undefined) return t.saved;
  const version = Number(c.req.query('version'));
  return Number.isInteger(version) && version > 0 ? t.versionAdded(version) : null;
}

/** An article's page; a template's address under /viden/:slug (the search links there) leads to its page. */
async function article(c: AppContext) {
  const item = await knowledgeItemBySlug(c.get('deps').db, readerOf(c), slugOf(c));
  const lang = c.get('lang');
  if (item.kind === 'template') return c.redirect(itemHref(item, lang), 301);
  const t = messagesOf(c);
  return renderPage(c, inLanguage(item, lang).title, () => (
    <ArticleView
      item={item}
      notice={noticeOf(c)}
      mayManage={mayManageKnowledge(readerOf(c))}
      lang={lang}
      t={t}
    />
  ));
}

/** A template's page with its changelog; its keepers get the form for a new version. */
async function template(c: AppContext, uploadForm: PostedForm = EMPTY_FORM) {
  const { db } = c.get('deps');
  const item = await knowledgeItemBySlug(db, readerOf(c), slugOf(c));
  const lang = c.get('lang');
  if (item.kind !== 'template') return c.redirect(itemHref(item, lang), 301);
  const versions = await templateChangelog(db, item.id);
  const t = messagesOf(c);
  const mayManage = mayManageKnowledge(readerOf(c));
  return renderPage(
    c,
    inLanguage(item, lang).title,
    ({ csrfToken, m }) => (
      <TemplateView
        item={item}
        versions={versions}
        notice={noticeOf(c)}
        mayManage={mayManage}
        lang={lang}
        t={t}
        uploadForm={
          mayManage && (
            <VersionUploadForm
              action={pageHref('templateVersionNew', lang, { slug: item.slug })}
              form={uploadForm}
              csrfToken={csrfToken}
              m={m}
              lang={lang}
              t={t}
            />
          )
        }
      />
    ),
    statusOf(uploadForm),
  );
}

async function download(c: AppContext) {
  const version = Number(c.req.param('version'));
  const file = await templateFile(c.get('deps').db, readerOf(c), slugOf(c), version);
  return c.body(new Uint8Array(file.content), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'X-Content-Type-Options': 'nosniff',
    // A version's file never changes; one for signed-in users stays out of shared caches.
    'Cache-Control': file.access === 'public' ? 'public, max-age=86400' : 'private, no-store',
  });
}

/** Stores an uploaded version; a refused file or missing text shows the template page again with the errors. */
async function uploadVersion(c: AppContext) {
  const form = uploadedForm(c);
  const values = { changesDa: formText(form.fields.changesDa), changesEn: formText(form.fields.changesEn) };
  const given = form.files.find((f) => f.field === 'file');
  const { db, clock } = c.get('deps');
  try {
    const bytes = given ? new Uint8Array(await readFile(given.path)) : new Uint8Array();
    const file = { name: given?.name ?? '', bytes };
    const { version } = await addTemplateVersion(db, callerOf(c), slugOf(c), file, values, clock());
    return c.redirect(
      pageHref('template', c.get('lang'), { slug: slugOf(c) }, { version: String(version) }),
      303,
    );
  } catch (err) {
    if (!(err instanceof AppError && (err.code === 'validation' || err.code === 'too_large'))) throw err;
    return template(c, { values, errors: fieldErrors(c, err) });
  }
}

function fieldErrors(c: AppContext, err: AppError) {
  const t = messagesOf(c);
  const labels = Object.fromEntries(FIELDS.map((k) => [k, t[k]]));
  return toFieldErrors(err.issues, c.get('m'), t.errors, {
    ...labels,
    changesDa: t.changesDa,
    changesEn: t.changesEn,
    file: t.file,
  });
}

const FIELDS = [
  'kind',
  'topic',
  'access',
  'titleDa',
  'titleEn',
  'summaryDa',
  'summaryEn',
  'bodyDa',
  'bodyEn',
] as const;

function formPage(c: AppContext, heading: string, action: string, form: PostedForm, creating: boolean) {
  return renderPage(
    c,
    heading,
    ({ csrfToken, m }) => (
      <KnowledgeFormView
        heading={heading}
        action={action}
        form={form}
        creating={creating}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={messagesOf(c)}
      />
    ),
    statusOf(form),
  );
}

/** Runs a save; a refused input shows the form again with each field's error. */
async function save(
  c: AppContext,
  run: (values: Record<string, string>) => Promise<Pick<KnowledgeItem, 'kind' | 'slug'>>,
  retry: (form: PostedForm) => Promise<Response> | Response,
) {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(FIELDS.map((k) => [k, formText(body[k])]));
  let saved: Pick<KnowledgeItem, 'kind' | 'slug'>;
  try {
    saved = await run(values);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    return retry({ values, errors: fieldErrors(c, err) });
  }
  return c.redirect(`${itemHref(saved, c.get('lang'))}?gemt=1`, 303);
}

const newForm = (c: AppContext, form: PostedForm = EMPTY_FORM) => {
  requireKnowledgeKeeper(callerOf(c));
  return formPage(c, messagesOf(c).newTitle, href('knowledgeNew', c.get('lang')), form, true);
};

const create = (c: AppContext) =>
  save(
    c,
    (values) => createKnowledgeItem(c.get('deps').db, callerOf(c), values, c.get('deps').clock()),
    (form) => newForm(c, form),
  );

async function editForm(c: AppContext, form?: PostedForm) {
  const item = await knowledgeItemToEdit(c.get('deps').db, callerOf(c), slugOf(c));
  const lang = c.get('lang');
  const heading = messagesOf(c).editTitle(inLanguage(item, lang).title);
  const { id: _id, slug: _slug, updatedAt: _at, ...values } = item;
  return formPage(
    c,
    heading,
    pageHref('knowledgeEdit', lang, { slug: item.slug }),
    form ?? { values, errors: {} },
    false,
  );
}

const update = (c: AppContext) =>
  save(
    c,
    async (values) => ({
      ...(await updateKnowledgeItem(c.get('deps').db, callerOf(c), slugOf(c), values, c.get('deps').clock())),
      slug: slugOf(c),
    }),
    (form) => editForm(c, form),
  );

/** The knowledge base: the public list and pages, template downloads, and the support function's editing. */
export function registerKnowledgePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'knowledge', list);
  onPage(app, 'GET', 'knowledgeNew', (c) => newForm(c));
  onPage(app, 'POST', 'knowledgeNew', create);
  onPage(app, 'GET', 'template', (c) => template(c));
  onPage(app, 'POST', 'templateVersionNew', uploadVersion);
  onPage(app, 'GET', 'templateDownload', download);
  onPage(app, 'GET', 'knowledgeItem', article);
  onPage(app, 'GET', 'knowledgeEdit', (c) => editForm(c));
  onPage(app, 'POST', 'knowledgeEdit', update);
}
