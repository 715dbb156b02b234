import { asc, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { organisations } from '../../../db/schema/index.ts';
import { THEMES } from '../../../domain/catalogue/themes.ts';
import {
  closeInitiative,
  commentOnInitiative,
  commentsOpen,
  findInitiative,
  type InitiativeView,
  initiativeCommentsOf,
  listInitiatives,
  proposeInitiative,
} from '../../../domain/coordination/initiatives.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import { REGIONS, regionName } from '../../../domain/reference/geography.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDate, formatDateTime } from '../../i18n/index.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import {
  Alert,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type CoordinationMessages, coordinationMessages, dkk, themeText } from './messages.ts';

type Form = { values: Record<string, string | string[]>; errors: FieldErrors };
const EMPTY: Form = { values: {}, errors: {} };

const actorOf = (c: AppContext) => {
  const user = c.get('user');
  return { userId: user?.userId ?? null, label: user?.email ?? 'unknown', requestId: c.get('requestId') };
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : typeof v === 'string' ? [v] : []);

function statusText(i: InitiativeView, now: Date, t: CoordinationMessages): string {
  if (i.status !== 'planned') return t.initiatives.statuses[i.status];
  return commentsOpen(i, now) ? t.initiatives.statuses.planned : t.initiatives.statuses.plannedClosed;
}

function Checkboxes(p: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.hint && <span class="form-hint">{p.hint}</span>}
      {p.error && <span class="form-error-message">{p.error}</span>}
      {p.options.map((o) => (
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`${p.name}-${o.value}`}
            name={p.name}
            value={o.value}
            checked={p.checked.includes(o.value)}
          />
          <label for={`${p.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

async function index(c: AppContext) {
  const user = authorize(c.get('user'), 'coordination.view');
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const ti = t.initiatives;
  const rows = await listInitiatives(c.get('deps').db);
  const now = c.get('deps').clock();
  const mayPropose = user.memberships.some((m) =>
    can(user, 'initiatives.propose', { organisationId: m.organisationId }),
  );
  return renderPage(c, ti.title, () => (
    <>
      <h1>{ti.title}</h1>
      <p class="font-lead">{ti.lead}</p>
      {mayPropose && (
        <p>
          <a class="button button-primary" href={href('plannedInitiativeNew', lang)}>
            {ti.new}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{ti.none}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>{ti.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{ti.initiative}</th>
                <th scope="col">{ti.owner}</th>
                <th scope="col">{ti.theme}</th>
                <th scope="col">{ti.regions}</th>
                <th scope="col">{ti.budget}</th>
                <th scope="col">{ti.decisionDate}</th>
                <th scope="col">{ti.status}</th>
                <th scope="col">{ti.comments}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr>
                  <th scope="row">
                    <a href={pageHref('plannedInitiative', lang, { id: i.id })}>{i.title}</a>
                  </th>
                  <td>{i.funderName}</td>
                  <td>{themeText(i.theme, lang)}</td>
                  <td>{i.regionCodes.map((r) => regionName(r, lang)).join(', ')}</td>
                  <td class="results-number">{dkk(i.budgetDkk, lang, t)}</td>
                  <td>{formatDate(i.decisionDate, lang)}</td>
                  <td>{statusText(i, now, t)}</td>
                  <td class="results-number">{i.comments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={href('coordination', lang)}>{t.back}</a>
      </p>
    </>
  ));
}

/** The funder organisation the user proposes for: the first where the user is a funder. */
function proposingFunder(c: AppContext): string {
  const user = c.get('user');
  const funderId = user?.memberships.find((m) => m.role === 'funder')?.organisationId;
  authorize(user, 'initiatives.propose', funderId ? { organisationId: funderId } : {});
  return funderId as string;
}

async function newForm(c: AppContext, form: Form = EMPTY) {
  proposingFunder(c);
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const ti = t.initiatives;
  const clusterOptions = await c
    .get('deps')
    .db.select({ value: organisations.id, label: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'cluster_organisation'))
    .orderBy(asc(organisations.name));
  const v = (k: string) => str(form.values[k]);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    ti.formTitle,
    ({ csrfToken, m }) => (
      <>
        <h1>{ti.formTitle}</h1>
        <p class="font-lead">{ti.formLead}</p>
        <ErrorSummary m={m} errors={form.errors} />
        <form method="post" action={href('plannedInitiativeNew', lang)} novalidate>
          <CsrfField token={csrfToken} />
          <TextField
            name="title"
            label={ti.initiative}
            hint={ti.titleHint}
            value={v('title')}
            error={form.errors.title}
          />
          <TextAreaField
            rows={5}
            name="description"
            label={ti.description}
            hint={ti.descriptionHint}
            value={v('description')}
            error={form.errors.description}
          />
          <SelectField
            name="theme"
            label={ti.theme}
            placeholder={ti.chooseTheme}
            value={v('theme')}
            options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
            error={form.errors.theme}
          />
          <Checkboxes
            name="regionCodes"
            legend={ti.regions}
            options={REGIONS.map((r) => ({ value: String(r.code), label: regionName(r.code, lang) }))}
            checked={list(form.values.regionCodes)}
            error={form.errors.regionCodes}
          />
          <TextField
            name="budgetDkk"
            label={ti.budget}
            hint={ti.budgetHint}
            value={v('budgetDkk')}
            error={form.errors.budgetDkk}
          />
          <TextField
            name="decisionDate"
            type="date"
            label={ti.decisionDate}
            hint={ti.dateHint}
            value={v('decisionDate')}
            error={form.errors.decisionDate}
          />
          <Checkboxes
            name="relatedClusterIds"
            legend={ti.related}
            hint={ti.relatedHint}
            options={clusterOptions}
            checked={list(form.values.relatedClusterIds)}
            error={form.errors.relatedClusterIds}
          />
          <button type="submit" class="button button-primary">
            {ti.submit}
          </button>
        </form>
      </>
    ),
    status,
  );
}

async function propose(c: AppContext) {
  const funderId = proposingFunder(c);
  const deps = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const values = {
    title: str(body.title),
    description: str(body.description),
    theme: str(body.theme),
    regionCodes: list(body.regionCodes),
    budgetDkk: str(body.budgetDkk).replace(/[\s.]/g, ''),
    decisionDate: str(body.decisionDate),
    relatedClusterIds: list(body.relatedClusterIds),
  };
  let result: Awaited<ReturnType<typeof proposeInitiative>>;
  try {
    result = await proposeInitiative(
      deps.db,
      actorOf(c),
      c.get('user'),
      funderId,
      values,
      deps.clock(),
      deps.config.publicUrl,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = coordinationMessages(c.get('lang'));
      return newForm(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.initiatives.errors) });
    }
    throw err;
  }
  for (const mail of result.mails)
    await deps.mailer
      .send(mail)
      .catch((err: unknown) => c.get('log').error({ err }, 'initiative mail failed'));
  return c.redirect(
    pageHref('plannedInitiative', c.get('lang'), { id: result.id }, { ny: String(result.notifiedFunders) }),
    303,
  );
}

async function detail(c: AppContext, form: Form = EMPTY, status: 200 | 409 | 422 = 200) {
  const user = authorize(c.get('user'), 'coordination.view');
  const db = c.get('deps').db;
  const initiative = await findInitiative(db, c.req.param('id') ?? '');
  if (!initiative) throw notFound('initiative');
  const lang = c.get('lang');
  const t = coordinationMessages(lang);
  const ti = t.initiatives;
  const now = c.get('deps').clock();
  const comments = await initiativeCommentsOf(db, initiative.id);
  const target = { organisationId: initiative.funderId };
  const mayComment = can(user, 'initiatives.comment', target);
  const open = commentsOpen(initiative, now);
  const mayClose = can(user, 'initiatives.decide', target) && initiative.status === 'planned';
  const self = pageHref('plannedInitiative', lang, { id: initiative.id });
  const v = (k: string) => str(form.values[k]);
  const notified = c.req.query('ny');
  const notice = notified
    ? ti.saved(Number(notified))
    : c.req.query('kommenteret')
      ? ti.commentSaved
      : c.req.query('afsluttet')
        ? ti.closed
        : null;
  return renderPage(
    c,
    initiative.title,
    ({ csrfToken, m }) => (
      <>
        <h1>{initiative.title}</h1>
        {notice && <Alert variant="success">{notice}</Alert>}
        <ErrorSummary m={m} errors={form.errors} />
        <dl class="coordination-facts">
          <dt>{ti.owner}</dt>
          <dd>{initiative.funderName}</dd>
          <dt>{ti.status}</dt>
          <dd>{statusText(initiative, now, t)}</dd>
          <dt>{ti.theme}</dt>
          <dd>{themeText(initiative.theme, lang)}</dd>
          <dt>{ti.regions}</dt>
          <dd>{initiative.regionCodes.map((r) => regionName(r, lang)).join(', ')}</dd>
          <dt>{ti.budget}</dt>
          <dd>{dkk(initiative.budgetDkk, lang, t)}</dd>
          <dt>{ti.decisionDate}</dt>
          <dd>{formatDate(initiative.decisionDate, lang)}</dd>
          <dt>{ti.related}</dt>
          <dd>
            {initiative.relatedClusters.length === 0
              ? t.none
              : initiative.relatedClusters.map((cl, i) => (
                  <>
                    {i > 0 && ', '}
                    <a href={pageHref('cluster', lang, { slug: cl.slug })}>{cl.name}</a>
                  </>
                ))}
          </dd>
          {initiative.outcomeNote && (
            <>
              <dt>{ti.outcomeNote}</dt>
              <dd>{initiative.outcomeNote}</dd>
            </>
          )}
        </dl>
        <h2>{ti.description}</h2>
        <p>{initiative.description}</p>
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">{ti.commentsHeading}</h2>
          {comments.length === 0 ? (
            <p>{ti.noComments}</p>
          ) : (
            <ul class="nobullet-list">
              {comments.map((cm) => (
                <li>
                  <p>
                    <strong>{ti.by(cm.authorName, cm.funderName)}</strong> (
                    {formatDateTime(cm.createdAt, lang)})
                  </p>
                  <p>{cm.body}</p>
                </li>
              ))}
            </ul>
          )}
          {mayComment &&
            (open ? (
              <form method="post" action={self} novalidate>
                <CsrfField token={csrfToken} />
                <TextAreaField
                  rows={5}
                  name="body"
                  label={ti.commentLabel}
                  hint={ti.commentHint(formatDate(initiative.decisionDate, lang))}
                  value={v('body')}
                  error={form.errors.body}
                />
                <button type="submit" class="button button-primary">
                  {ti.commentSubmit}
                </button>
              </form>
            ) : (
              <p>{ti.commentsClosed}</p>
            ))}
        </section>
        {mayClose && (
          <section aria-labelledby="close-heading">
            <h2 id="close-heading">{ti.closeHeading}</h2>
            <form
              method="post"
              action={pageHref('plannedInitiativeClose', lang, { id: initiative.id })}
              novalidate
            >
              <CsrfField token={csrfToken} />
              <fieldset class={form.errors.outcome ? 'form-group form-error' : 'form-group'} id="outcome">
                <legend class="form-label">{ti.outcome}</legend>
                {form.errors.outcome && <span class="form-error-message">{form.errors.outcome}</span>}
                {(['decided', 'abandoned'] as const).map((o) => (
                  <div class="form-group-radio">
                    <input
                      class="form-radio"
                      type="radio"
                      id={`outcome-${o}`}
                      name="outcome"
                      value={o}
                      checked={v('outcome') === o}
                    />
                    <label for={`outcome-${o}`}>{ti.outcomes[o]}</label>
                  </div>
                ))}
              </fieldset>
              <TextAreaField
                rows={5}
                name="note"
                label={ti.closeNote}
                value={v('note')}
                error={form.errors.note}
              />
              <button type="submit" class="button button-secondary">
                {ti.closeSubmit}
              </button>
            </form>
          </section>
        )}
        <p>
          <a href={href('plannedInitiatives', lang)}>{ti.back}</a>
        </p>
      </>
    ),
    status,
  );
}

async function formAction(
  c: AppContext,
  run: (values: Record<string, string>) => Promise<void>,
  done: string,
) {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)]));
  try {
    await run(values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = coordinationMessages(c.get('lang'));
      return detail(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.initiatives.errors) }, 422);
    }
    if (err instanceof AppError && err.code === 'conflict') return detail(c, { values, errors: {} }, 409);
    throw err;
  }
  return c.redirect(
    pageHref('plannedInitiative', c.get('lang'), { id: c.req.param('id') ?? '' }, { [done]: '1' }),
    303,
  );
}

const comment = (c: AppContext) =>
  formAction(
    c,
    (values) =>
      commentOnInitiative(
        c.get('deps').db,
        actorOf(c),
        c.get('user'),
        c.req.param('id') ?? '',
        values,
        c.get('deps').clock(),
        c.get('user')?.name ?? '',
      ),
    'kommenteret',
  );

const close = (c: AppContext) =>
  formAction(
    c,
    (values) =>
      closeInitiative(
        c.get('deps').db,
        actorOf(c),
        c.get('user'),
        c.req.param('id') ?? '',
        values,
        c.get('deps').clock(),
      ),
    'afsluttet',
  );

export function registerInitiativePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'plannedInitiatives', index);
  onPage(app, 'GET', 'plannedInitiativeNew', (c) => newForm(c));
  onPage(app, 'POST', 'plannedInitiativeNew', propose);
  onPage(app, 'GET', 'plannedInitiative', (c) => detail(c));
  onPage(app, 'POST', 'plannedInitiative', comment);
  onPage(app, 'POST', 'plannedInitiativeClose', close);
}
