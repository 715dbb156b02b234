/**
 * Klyngeforum: the national cluster strategy's five focus areas and 20 initiatives, public, with
 * status, milestone progress, responsible parties and linked activities; the strategy's owners
 * (national funders) and admins change status, keep milestones and link activities.
 */
import type { Hono } from 'hono';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import {
  addMilestone,
  changeStatus,
  completeMilestone,
  linkActivity,
  unlink,
} from '../../../domain/strategy/commands.ts';
import {
  type Initiative,
  type InitiativeSummary,
  initiativeByCode,
  listFocusAreas,
  searchActivities,
  strategyOwnerIds,
} from '../../../domain/strategy/queries.ts';
import {
  activityLinkInput,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  milestoneDoneInput,
  milestoneInput,
  statusChangeInput,
} from '../../../domain/strategy/schemas.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDate, formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { Icon } from '../../views/icons.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { STATUS_LOOK, type StrategyMessages, strategyMessages } from './messages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the user may keep the strategy: admin, or funder in one of its owner organisations. */
async function mayManage(c: AppContext, user: CurrentUser | null): Promise<boolean> {
  if (!user) return false;
  const owners = await strategyOwnerIds(c.get('deps').db);
  return (
    can(user, 'initiatives.manage') ||
    owners.some((id) => can(user, 'initiatives.manage', { organisationId: id }))
  );
}

async function manager(c: AppContext): Promise<CurrentUser> {
  const user = c.get('user');
  if (user && (await mayManage(c, user))) return user;
  return authorize(user, 'initiatives.manage', { organisationId: '' });
}

const actorOf = (c: AppContext, user: CurrentUser) => ({
  userId: user.userId,
  label: user.email,
  requestId: c.get('requestId'),
});

export function StatusBadge({ status, t }: { status: InitiativeStatus; t: StrategyMessages }) {
  const look = STATUS_LOOK[status];
  return (
    <span class={look.badge}>
      <Icon name={look.icon} />
      {t.status[status]}
    </span>
  );
}

function Progress({ done, total, t }: { done: number; total: number; t: StrategyMessages }) {
  return (
    <span class="strategy-progress">
      {total > 0 && <progress value={done} max={total} aria-hidden="true" />} {t.progress(done, total)}
    </span>
  );
}

const title = (x: { titleDa: string; titleEn: string }, lang: Lang) =>
  lang === 'da' ? x.titleDa : x.titleEn;
const summary = (x: { summaryDa: string; summaryEn: string }, lang: Lang) =>
  lang === 'da' ? x.summaryDa : x.summaryEn;

function InitiativeRow({ i, lang, t }: { i: InitiativeSummary; lang: Lang; t: StrategyMessages }) {
  return (
    <tr>
      <th scope="row">
        <a href={pageHref('initiative', lang, { code: i.code.toLowerCase() })}>
          {i.code}. {title(i, lang)}
        </a>
        <br />
        <span class="form-hint">{summary(i, lang)}</span>
      </th>
      <td>
        <StatusBadge status={i.status} t={t} />
      </td>
      <td>
        <Progress done={i.milestonesDone} total={i.milestonesTotal} t={t} />
      </td>
    </tr>
  );
}

interface PageState {
  errors?: FieldErrors;
  values?: Record<string, string>;
  q?: string;
}

async function renderInitiative(c: AppContext, initiative: Initiative, state: PageState = {}) {
  const db = c.get('deps').db;
  const lang = c.get('lang');
  const t = strategyMessages(lang);
  const user = c.get('user');
  const manage = await mayManage(c, user);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const q = (state.q ?? c.req.query('q') ?? '').trim();
  const found = manage && q ? await searchActivities(db, q) : [];
  const done = c.req.query('done');
  const name = `${initiative.code}. ${title(initiative, lang)}`;
  const code = initiative.code.toLowerCase();
  return renderPage(
    c,
    name,
    ({ csrfToken, m }) => (
      <>
        <p>
          <a href={href('clusterForum', lang)}>{t.back}</a>
        </p>
        <p class="font-lead">
          {t.focusArea(initiative.areaCode)}:{' '}
          {lang === 'da' ? initiative.areaTitleDa : initiative.areaTitleEn}
        </p>
        <h1>{name}</h1>
        <p>{summary(initiative, lang)}</p>
        {done && t.done[done] && <Alert variant="success">{t.done[done]}</Alert>}
        <ErrorSummary m={m} errors={errors} />
        <dl>
          <dt>{t.statusLabel}</dt>
          <dd>
            <StatusBadge status={initiative.status} t={t} />
          </dd>
          <dt>{t.milestonesLabel}</dt>
          <dd>
            <Progress done={initiative.milestonesDone} total={initiative.milestonesTotal} t={t} />
          </dd>
        </dl>

        <h2>{t.parties}</h2>
        <ul>
          {initiative.parties.map((p) => {
            const partyName = lang === 'da' ? p.nameDa : p.nameEn;
            return <li>{p.organisationId && p.website ? <a href={p.website}>{partyName}</a> : partyName}</li>;
          })}
        </ul>

        <h2>{t.milestones}</h2>
        {initiative.milestones.length === 0 ? (
          <p>{t.noMilestones}</p>
        ) : (
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="sr-only">{t.milestones}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.milestoneTitle}</th>
                  <th scope="col">{t.dueOn}</th>
                  <th scope="col">{t.doneOn}</th>
                </tr>
              </thead>
              <tbody>
                {initiative.milestones.map((ms) => (
                  <tr>
                    <th scope="row">{ms.title}</th>
                    <td>{formatDate(ms.dueOn, lang)}</td>
                    <td>
                      {ms.doneOn ? (
                        <>
                          <Icon name="check" /> {formatDate(ms.doneOn, lang)}
                        </>
                      ) : manage ? (
                        <form
                          method="post"
                          action={pageHref('initiativeMilestoneDone', lang, { code, id: ms.id })}
                          novalidate
                        >
                          <CsrfField token={csrfToken} />
                          <TextField
                            name={`doneOn-${ms.id}`}
                            label={t.doneOnField(ms.title)}
                            value={values[`doneOn-${ms.id}`]}
                            error={errors[`doneOn-${ms.id}`]}
                          />
                          <button type="submit" class="button button-secondary">
                            {t.markDone}
                          </button>
                        </form>
                      ) : (
                        t.notDone
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2>{t.links}</h2>
        {initiative.links.length === 0 ? (
          <p>{t.noLinks}</p>
        ) : (
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="sr-only">{t.links}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.activityColumn}</th>
                  <th scope="col">{t.clusterColumn}</th>
                  {manage && <td></td>}
                </tr>
              </thead>
              <tbody>
                {initiative.links.map((l) => {
                  const what = l.activityTitle ?? l.clusterName;
                  return (
                    <tr>
                      <th scope="row">
                        {l.activityTitle
                          ? `${l.activityTitle} (${l.activityStart ? formatDate(l.activityStart, lang) : ''}, id ${l.activityId})`
                          : t.wholeCluster}
                      </th>
                      <td>
                        <a href={pageHref('cluster', lang, { slug: l.clusterSlug })}>{l.clusterName}</a>
                      </td>
                      {manage && (
                        <td>
                          <form method="post" action={pageHref('initiativeUnlink', lang, { code, id: l.id })}>
                            <CsrfField token={csrfToken} />
                            <button type="submit" class="button button-tertiary" aria-label={t.unlink(what)}>
                              <Icon name="delete" /> {t.unlink(what)}
                            </button>
                          </form>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        <h2>{t.history}</h2>
        {initiative.history.length === 0 ? (
          <p>{t.noHistory}</p>
        ) : (
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="sr-only">{t.history}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.changedAt}</th>
                  <th scope="col">{t.change}</th>
                  <th scope="col">{t.note}</th>
                  <th scope="col">{t.by}</th>
                </tr>
              </thead>
              <tbody>
                {initiative.history.map((h) => (
                  <tr>
                    <td>{formatDateTime(h.at, lang)}</td>
                    <td>
                      {t.status[h.fromStatus]} → {t.status[h.toStatus]}
                    </td>
                    <td>{h.note}</td>
                    <td>{h.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        {manage && (
          <section aria-labelledby="manage-heading">
            <h2 id="manage-heading">{t.manageHeading}</h2>
            <h3>{t.changeStatus}</h3>
            <form method="post" action={pageHref('initiativeStatus', lang, { code })} novalidate>
              <CsrfField token={csrfToken} />
              <SelectField
                name="status"
                label={t.newStatus}
                value={values.status ?? initiative.status}
                error={errors.status}
                options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t.status[s] }))}
              />
              <TextField name="note" label={t.statusNote} value={values.note} error={errors.note} />
              <button type="submit" class="button button-primary">
                {t.saveStatus}
              </button>
            </form>
            <h3>{t.addMilestone}</h3>
            <form method="post" action={pageHref('initiativeMilestones', lang, { code })} novalidate>
              <CsrfField token={csrfToken} />
              <TextField
                name="title"
                label={t.milestoneTitleField}
                value={values.title}
                error={errors.title}
              />
              <TextField name="dueOn" label={t.dueOnField} value={values.dueOn} error={errors.dueOn} />
              <button type="submit" class="button button-primary">
                {t.addMilestone}
              </button>
            </form>
            <h3>{t.linkActivity}</h3>
            <form method="post" action={pageHref('initiativeLinks', lang, { code })} novalidate>
              <CsrfField token={csrfToken} />
              <TextField
                name="activityId"
                label={t.activityIdField}
                hint={t.activityIdHint}
                value={values.activityId}
                error={errors.activityId}
              />
              <button type="submit" class="button button-primary">
                {t.link}
              </button>
            </form>
            <form method="get" action={pageHref('initiative', lang, { code })}>
              <TextField name="q" type="search" label={t.searchField} value={q} />
              <button type="submit" class="button button-secondary">
                {t.search}
              </button>
            </form>
            {q && (
              <>
                <h4>{t.searchResults}</h4>
                {found.length === 0 ? (
                  <p>{t.noSearchResults}</p>
                ) : (
                  <ul class="nobullet-list">
                    {found.map((a) => (
                      <li>
                        <form method="post" action={pageHref('initiativeLinks', lang, { code })}>
                          <CsrfField token={csrfToken} />
                          <input type="hidden" name="activityId" value={String(a.id)} />
                          {a.title} ({a.clusterName}, {formatDate(a.startDate, lang)}, id {a.id}){' '}
                          <button type="submit" class="button button-tertiary">
                            {t.linkThis(a.title)}
                          </button>
                        </form>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
        )}
      </>
    ),
    Object.keys(errors).length ? 422 : 200,
  );
}

async function loadInitiative(c: AppContext): Promise<Initiative> {
  const code = (c.req.param('code') ?? '').toUpperCase();
  const initiative = /^[A-E][1-9]$/.test(code) ? await initiativeByCode(c.get('deps').db, code) : null;
  if (!initiative) throw notFound('initiative');
  return initiative;
}

/** Runs an edit; a validation error comes back on the initiative page at its field. */
async function edit(
  c: AppContext,
  done: string,
  work: (
    user: CurrentUser,
    initiative: Initiative,
    values: Record<string, string>,
  ) => Promise<FieldErrors | undefined>,
) {
  const user = await manager(c);
  const initiative = await loadInitiative(c);
  const values = formFields(await c.req.parseBody());
  const t = strategyMessages(c.get('lang'));
  let errors: FieldErrors | undefined;
  try {
    errors = await work(user, initiative, values);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation' || err.issues.length === 0) throw err;
    errors = toFieldErrors(err.issues, c.get('m'), t.errors);
  }
  if (errors && Object.keys(errors).length > 0) return renderInitiative(c, initiative, { errors, values });
  return c.redirect(
    pageHref('initiative', c.get('lang'), { code: initiative.code.toLowerCase() }, { done }),
    303,
  );
}

export function registerStrategyPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusterForum', async (c) => {
    const lang = c.get('lang');
    const t = strategyMessages(lang);
    const areas = await listFocusAreas(c.get('deps').db);
    const all = areas.flatMap((a) => a.initiatives);
    const counts = INITIATIVE_STATUSES.map(
      (s) => `${all.filter((i) => i.status === s).length} ${t.status[s].toLowerCase()}`,
    ).join(', ');
    return renderPage(c, t.title, () => (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.lead}</p>
        <p>{t.summary(counts)}</p>
        {areas.map((a) => (
          <section aria-labelledby={`area-${a.code}`}>
            <h2 id={`area-${a.code}`}>
              {t.focusArea(a.code)}: {title(a, lang)}
            </h2>
            <p>{summary(a, lang)}</p>
            <div class="table--responsive-scroll">
              <table class="table table--compact">
                <caption class="sr-only">{title(a, lang)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.initiative}</th>
                    <th scope="col">{t.statusLabel}</th>
                    <th scope="col">{t.milestonesLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.initiatives.map((i) => (
                    <InitiativeRow i={i} lang={lang} t={t} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </>
    ));
  });

  onPage(app, 'GET', 'initiative', async (c) => renderInitiative(c, await loadInitiative(c)));

  onPage(app, 'POST', 'initiativeStatus', (c) =>
    edit(c, 'status', async (user, initiative, values) => {
      const parsed = statusChangeInput.safeParse(values);
      if (!parsed.success)
        return toFieldErrors(parsed.error.issues, c.get('m'), strategyMessages(c.get('lang')).errors);
      await changeStatus(c.get('deps').db, actorOf(c, user), initiative.code, parsed.data);
    }),
  );

  onPage(app, 'POST', 'initiativeMilestones', (c) =>
    edit(c, 'milestone', async (user, initiative, values) => {
      const parsed = milestoneInput.safeParse(values);
      if (!parsed.success)
        return toFieldErrors(parsed.error.issues, c.get('m'), strategyMessages(c.get('lang')).errors);
      await addMilestone(c.get('deps').db, actorOf(c, user), initiative.code, parsed.data);
    }),
  );

  onPage(app, 'POST', 'initiativeMilestoneDone', (c) =>
    edit(c, 'milestoneDone', async (user, initiative, values) => {
      const id = c.req.param('id') ?? '';
      if (!UUID.test(id)) throw notFound('milestone');
      const field = `doneOn-${id}`;
      const parsed = milestoneDoneInput.safeParse({ doneOn: values[field] ?? '' });
      const t = strategyMessages(c.get('lang'));
      if (!parsed.success) {
        const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors);
        return errors.doneOn ? { [field]: errors.doneOn } : errors;
      }
      try {
        await completeMilestone(c.get('deps').db, actorOf(c, user), initiative.code, id, parsed.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation' && err.issues[0])
          return { [field]: t.errors[err.issues[0].message] ?? c.get('m').validation.invalid };
        throw err;
      }
    }),
  );

  onPage(app, 'POST', 'initiativeLinks', (c) =>
    edit(c, 'link', async (user, initiative, values) => {
      const parsed = activityLinkInput.safeParse(values);
      if (!parsed.success)
        return toFieldErrors(parsed.error.issues, c.get('m'), strategyMessages(c.get('lang')).errors);
      await linkActivity(c.get('deps').db, actorOf(c, user), initiative.code, parsed.data.activityId);
    }),
  );

  onPage(app, 'POST', 'initiativeUnlink', (c) =>
    edit(c, 'unlink', async (user, initiative) => {
      const id = c.req.param('id') ?? '';
      if (!UUID.test(id)) throw notFound('link');
      await unlink(c.get('deps').db, actorOf(c, user), initiative.code, id);
      return undefined;
    }),
  );
}
