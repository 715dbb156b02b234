import type { Hono } from 'hono';
import {
  addClusterService,
  removeClusterService,
  updateClusterService,
} from '../../../domain/cluster-services/commands.ts';
import {
  serviceForEditing,
  servicesForEditing,
  servicesOfOwnClusters,
} from '../../../domain/cluster-services/queries.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { Alert, EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { clusterServiceMessages } from './messages.ts';
import { OwnServices, SERVICE_FIELDS, ServiceForm, serviceToFields } from './views.tsx';

const messagesOf = (c: AppContext) => clusterServiceMessages(c.get('lang'));

async function postedValues(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(SERVICE_FIELDS.map((k) => [k, formText(body[k])]));
}

/** Runs a command on the posted form; a validation error shows the form again with its errors. */
async function submit(
  c: AppContext,
  run: (values: Record<string, string>) => Promise<unknown>,
  again: (form: PostedForm) => Promise<Response>,
) {
  const values = await postedValues(c);
  try {
    await run(values);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = messagesOf(c);
    return again({ values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, t.fields) });
  }
  return c.redirect(href('clusterServices', c.get('lang'), { status: 'saved' }), 303);
}

async function overview(c: AppContext) {
  const clusters = await servicesOfOwnClusters(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = messagesOf(c);
  const status = c.req.query('status');
  const notice = status === 'saved' ? t.saved : status === 'removed' ? t.removed : null;
  return renderPage(c, t.title, () => (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {notice && <Alert variant="success">{notice}</Alert>}
      {clusters.length === 0 && <p>{t.noClusters}</p>}
      {clusters.map((cluster) => (
        <OwnServices cluster={cluster} lang={lang} t={t} />
      ))}
    </>
  ));
}

async function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const { cluster } = await servicesForEditing(
    c.get('deps').db,
    callerOf(c),
    c.req.param('slug') ?? '',
    today(c),
  );
  const t = messagesOf(c);
  const lang = c.get('lang');
  return renderPage(
    c,
    t.newTitle(cluster.name),
    ({ csrfToken, m }) => (
      <>
        <h1>{t.newTitle(cluster.name)}</h1>
        <ServiceForm
          action={pageHref('clusterServiceNew', lang, { slug: cluster.slug })}
          form={form}
          csrfToken={csrfToken}
          m={m}
          t={t}
        />
        <p>
          <a href={href('clusterServices', lang)}>{t.back}</a>
        </p>
      </>
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

async function create(c: AppContext) {
  const deps = c.get('deps');
  const { cluster } = await servicesForEditing(deps.db, callerOf(c), c.req.param('slug') ?? '', today(c));
  return submit(
    c,
    (values) => addClusterService(deps.db, callerOf(c), cluster.organisationId, values, deps.clock()),
    (form) => newForm(c, form),
  );
}

const editing = (c: AppContext) =>
  serviceForEditing(
    c.get('deps').db,
    callerOf(c),
    c.req.param('slug') ?? '',
    c.req.param('id') ?? '',
    today(c),
  );

async function editForm(c: AppContext, form?: PostedForm) {
  const found = await editing(c);
  const t = messagesOf(c);
  const lang = c.get('lang');
  const params = { slug: found.slug, id: found.service.id };
  return renderPage(
    c,
    t.editTitle(found.service.titleDa),
    ({ csrfToken, m }) => (
      <>
        <h1>{t.editTitle(found.service.titleDa)}</h1>
        <ServiceForm
          action={pageHref('clusterService', lang, params)}
          form={form ?? { values: serviceToFields(found.service), errors: {} }}
          csrfToken={csrfToken}
          m={m}
          t={t}
        />
        <form method="post" action={pageHref('clusterServiceRemove', lang, params)}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button button-secondary">
            {t.remove}
          </button>
        </form>
        <p>
          <a href={href('clusterServices', lang)}>{t.back}</a>
        </p>
      </>
    ),
    form && Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

async function save(c: AppContext) {
  const deps = c.get('deps');
  const found = await editing(c);
  return submit(
    c,
    (values) => updateClusterService(deps.db, callerOf(c), found.service.id, values, deps.clock()),
    (form) => editForm(c, form),
  );
}

async function remove(c: AppContext) {
  const deps = c.get('deps');
  const found = await editing(c);
  await removeClusterService(deps.db, callerOf(c), found.service.id);
  return c.redirect(href('clusterServices', c.get('lang'), { status: 'removed' }), 303);
}

export function registerClusterServicePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusterServices', overview);
  onPage(app, 'GET', 'clusterServiceNew', (c) => newForm(c));
  onPage(app, 'POST', 'clusterServiceNew', create);
  onPage(app, 'GET', 'clusterService', (c) => editForm(c));
  onPage(app, 'POST', 'clusterService', save);
  onPage(app, 'POST', 'clusterServiceRemove', remove);
}
