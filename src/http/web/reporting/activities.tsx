import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { queryRows } from '../../../db/client.ts';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import { AppError, type FieldIssue, forbidden, notFound } from '../../../domain/errors.ts';
import { authorize } from '../../../domain/policy/policy.ts';
import { MUNICIPALITIES } from '../../../domain/reference/geography.ts';
import {
  type ActivityDetail,
  addParticipant,
  createActivity,
  deleteActivity,
  getActivity,
  getParticipant,
  issueMessage,
  listActivities,
  PAGE_SIZE,
  removeParticipant,
  updateActivity,
  updateParticipant,
  writableClusters,
} from '../../../domain/reporting/activities/queries.ts';
import { ACTIVITY_CATEGORIES } from '../../../domain/reporting/format/rows.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { activityMessages } from './activities.messages.ts';
import {
  ACTIVITY_FIELDS,
  ActivityForm,
  activityValues,
  Confirm,
  fieldErrors,
  PARTICIPANT_FIELDS,
  ParticipantForm,
  participantValues,
  type Values,
} from './activity-forms.tsx';

const STATUSES = [
  'created',
  'saved',
  'deleted',
  'participantAdded',
  'participantSaved',
  'participantRemoved',
] as const;
type Status = (typeof STATUSES)[number];

const idParam = (c: AppContext, name: string): number => {
  const v = c.req.param(name) ?? '';
  if (!/^\d{1,15}$/.test(v)) throw notFound(name);
  return Number(v);
};

/** The posted fields of a form, as strings; unchecked boxes are simply absent. */
async function posted(c: AppContext, fields: readonly string[]): Promise<Values> {
  const body = formFields(await c.req.parseBody());
  return Object.fromEntries(fields.map((f) => [f, body[f] ?? '']));
}

/** Validation and locked-year refusals become field errors and a notice; anything else propagates. */
function formProblem(
  err: unknown,
  lang: Lang,
): { errors: FieldErrors; notice: string | null; status: 409 | 422 } {
  if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'conflict')) throw err;
  const formIssues = err.issues.filter((i) => i.field === 'form');
  const errors = fieldErrors(
    err.issues.filter((i) => i.field !== 'form'),
    lang,
  );
  const notice = formIssues.map((i: FieldIssue) => issueMessage(i.message, lang)).join(' ') || null;
  return { errors, notice, status: err.code === 'validation' ? 422 : 409 };
}

function StatusNotice({ c }: { c: AppContext }) {
  const status = c.req.query('status') as Status | undefined;
  if (!status || !STATUSES.includes(status)) return null;
  return <Alert variant="success">{activityMessages(c.get('lang'))[status]}</Alert>;
}

// ---------------------------------------------------------------------------------------------
// List

async function listPage(c: AppContext) {
  const user = signedInUser(c);
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const yearText = c.req.query('year') ?? '';
  const category = c.req.query('category') ?? '';
  const q = (c.req.query('q') ?? '').slice(0, 200);
  const cluster = c.req.query('cluster') ?? '';
  const pageNo = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const filters = {
    year: /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
    category: (ACTIVITY_CATEGORIES as readonly string[]).includes(category) ? category : undefined,
    q,
    clusterId: cluster || undefined,
  };
  const list = await listActivities(c.get('deps').db, user, filters, pageNo);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const mayCreate = writableClusters(user).length > 0;
  const showCluster = list.clusters.length > 1;
  const link = (p: number) =>
    href('activities', lang, {
      year: yearText,
      category,
      q,
      cluster: cluster || undefined,
      page: p > 1 ? String(p) : undefined,
    });
  return renderPage(c, t.listTitle, () => (
    <>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      <StatusNotice c={c} />
      {mayCreate && (
        <p>
          <a class="button button-primary" href={href('activityNew', lang)}>
            {t.newActivity}
          </a>{' '}
          <a href={href('deliveries', lang)}>{t.deliveriesLink}</a>
        </p>
      )}
      <form method="get" action={href('activities', lang)} class="filter-form" aria-label={t.filters}>
        <SelectField
          name="year"
          label={t.year}
          placeholder={t.allYears}
          value={filters.year ? String(filters.year) : ''}
          options={list.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          name="category"
          label={t.category}
          placeholder={t.allCategories}
          value={filters.category ?? ''}
          options={ACTIVITY_CATEGORIES.map((k) => ({ value: k, label: t.categories[k] ?? k }))}
        />
        {showCluster && (
          <SelectField
            name="cluster"
            label={t.cluster}
            placeholder={t.allClusters}
            value={cluster}
            options={list.clusters.map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        <TextField name="q" type="search" label={t.text} value={q} />
        <div class="filter-actions">
          <button type="submit" class="button button-secondary">
            {t.show}
          </button>
        </div>
      </form>
      <p role="status">{t.count(list.total)}</p>
      {list.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="table table--compact">
          <caption class="sr-only">{t.listTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.activity_ref}</th>
              {showCluster && <th scope="col">{t.cluster}</th>}
              <th scope="col">{t.category}</th>
              <th scope="col">{t.period}</th>
              <th scope="col" class="text-align-right">
                {t.participantsCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr>
                <td>
                  <a href={pageHref('activity', lang, { id: String(a.id) })}>{a.title}</a>
                </td>
                <td>{a.activityRef}</td>
                {showCluster && <td>{a.clusterName}</td>}
                <td>{t.categories[a.category] ?? a.category}</td>
                <td>
                  {a.endDate && a.endDate !== a.startDate ? `${a.startDate} – ${a.endDate}` : a.startDate}
                </td>
                <td class="text-align-right">{formatNumber(a.participants, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="content-pagination" aria-label={t.pagination}>
          <p>{t.pageOf(pageNo, pages)}</p>
          <ul class="nobullet-list inline-list">
            {pageNo > 1 && (
              <li>
                <a href={link(pageNo - 1)} rel="prev">
                  {t.previous}
                </a>
              </li>
            )}
            {pageNo < pages && (
              <li>
                <a href={link(pageNo + 1)} rel="next">
                  {t.next}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  ));
}

// ---------------------------------------------------------------------------------------------
// New and edit

async function ownClusters(c: AppContext, user: CurrentUser) {
  const ids = writableClusters(user);
  if (ids.length === 0) throw forbidden('Not cluster staff');
  return queryRows<{ id: string; name: string }>(
    c.get('deps').db,
    sql`select id, name from organisations where kind = 'cluster_organisation'
        and id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) order by name`,
  );
}

async function newPage(
  c: AppContext,
  opts: { values?: Values; problem?: ReturnType<typeof formProblem> } = {},
) {
  const user = signedInUser(c);
  const clusters = await ownClusters(c, user);
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const errors = opts.problem?.errors ?? {};
  return renderPage(
    c,
    t.newTitle,
    (ch) => (
      <>
        <h1>{t.newTitle}</h1>
        <p>{t.formIntro}</p>
        {opts.problem?.notice && <Alert variant="error">{opts.problem.notice}</Alert>}
        <ErrorSummary m={ch.m} errors={errors} />
        <ActivityForm
          lang={lang}
          action={href('activityNew', lang)}
          csrf={ch.csrfToken}
          v={opts.values ?? {}}
          e={errors}
          clusters={clusters}
          cancel={href('activities', lang)}
        />
      </>
    ),
    opts.problem?.status ?? 200,
  );
}

async function create(c: AppContext) {
  const caller = callerOf(c);
  const clusters = await ownClusters(c, caller.principal as CurrentUser);
  const values = await posted(c, [...ACTIVITY_FIELDS, 'cluster']);
  const clusterId = clusters.length === 1 ? clusters[0]?.id : values.cluster;
  const lang = c.get('lang');
  try {
    if (!clusterId || !clusters.some((x) => x.id === clusterId))
      throw new AppError('validation', 'cluster', [{ field: 'cluster', message: 'required' }]);
    const id = await createActivity(c.get('deps').db, caller, clusterId, values);
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'created' }), 303);
  } catch (err) {
    return newPage(c, { values, problem: formProblem(err, lang) });
  }
}

async function editPage(
  c: AppContext,
  opts: { values?: Values; problem?: ReturnType<typeof formProblem> } = {},
) {
  const user = signedInUser(c);
  const activity = await getActivity(c.get('deps').db, user, idParam(c, 'id'));
  authorize(user, 'activities.write', { organisationId: activity.clusterId });
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const errors = opts.problem?.errors ?? {};
  const back = pageHref('activity', lang, { id: String(activity.id) });
  return renderPage(
    c,
    t.editTitle(activity.title),
    (ch) => (
      <>
        <h1>{t.editTitle(activity.title)}</h1>
        {activity.locked ? (
          <>
            <Alert variant="warning">{t.lockedText(activity.year)}</Alert>
            <p>
              <a href={back}>{t.backToActivity}</a>
            </p>
          </>
        ) : (
          <>
            <p>{t.formIntro}</p>
            {opts.problem?.notice && <Alert variant="error">{opts.problem.notice}</Alert>}
            <ErrorSummary m={ch.m} errors={errors} />
            <ActivityForm
              lang={lang}
              action={pageHref('activityEdit', lang, { id: String(activity.id) })}
              csrf={ch.csrfToken}
              v={opts.values ?? activityValues(activity)}
              e={errors}
              cancel={back}
            />
          </>
        )}
      </>
    ),
    opts.problem?.status ?? 200,
  );
}

async function update(c: AppContext) {
  const caller = callerOf(c);
  const id = idParam(c, 'id');
  const values = await posted(c, ACTIVITY_FIELDS);
  const lang = c.get('lang');
  try {
    await updateActivity(c.get('deps').db, caller, id, values);
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'saved' }), 303);
  } catch (err) {
    return editPage(c, { values, problem: formProblem(err, lang) });
  }
}

// ---------------------------------------------------------------------------------------------
// Detail with participants

function ActivityFacts({ a, lang }: { a: ActivityDetail; lang: Lang }) {
  const t = activityMessages(lang);
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, lang));
  const rows: [string, string][] = [
    [t.activity_ref, a.activityRef],
    [t.cluster, a.clusterName],
    [t.category, t.categories[a.category] ?? a.category],
    [t.start_date, a.startDate],
    [t.end_date, a.endDate ?? '–'],
    [
      t.municipality_code,
      MUNICIPALITIES.find((m) => m.code === a.municipalityCode)?.name ??
        (a.municipalityCode === null ? '–' : String(a.municipalityCode)),
    ],
    [t.grant_dkk, n(a.grantDkk)],
    [t.external_funding_dkk, n(a.externalFundingDkk)],
    [t.private_cofinancing_hours, n(a.privateCofinancingHours)],
  ];
  return (
    <dl class="activity-facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

function ParticipantsTable({ a, lang, editable }: { a: ActivityDetail; lang: Lang; editable: boolean }) {
  const t = activityMessages(lang);
  if (a.participants.length === 0) return <p>{t.noParticipants}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t.participantsCaption(a.participants.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.participant_type}</th>
            <th scope="col">{t.cvr}</th>
            <th scope="col">{t.employees}</th>
            <th scope="col">{t.industry_code}</th>
            <th scope="col">{t.effectsShort}</th>
            {editable && <th scope="col">{t.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {a.participants.map((p) => {
            const params = { id: String(a.id), participantId: String(p.id) };
            const effects = (['new_competence', 'new_idea', 'new_product'] as const)
              .filter((f) =>
                f === 'new_competence' ? p.newCompetence : f === 'new_idea' ? p.newIdea : p.newProduct,
              )
              .map((f) => t.effectLabels[f])
              .join(', ');
            return (
              <tr>
                <th scope="row">{p.name}</th>
                <td>{t.types[p.participantType] ?? p.participantType}</td>
                <td>{p.cvr ?? p.country ?? ''}</td>
                <td>{p.employees === null ? '' : formatNumber(p.employees, lang)}</td>
                <td>{p.industryCode ?? ''}</td>
                <td>{effects || '–'}</td>
                {editable && (
                  <td>
                    <a href={pageHref('activityParticipant', lang, params)} aria-label={t.editLabel(p.name)}>
                      {t.editParticipant}
                    </a>{' '}
                    ·{' '}
                    <a
                      href={pageHref('activityParticipantRemove', lang, params)}
                      aria-label={t.removeLabel(p.name)}
                    >
                      {t.remove}
                    </a>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

async function detailPage(
  c: AppContext,
  opts: { values?: Values; problem?: ReturnType<typeof formProblem> } = {},
) {
  const user = signedInUser(c);
  const a = await getActivity(c.get('deps').db, user, idParam(c, 'id'));
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const editable = a.mayWrite && !a.locked;
  const errors = opts.problem?.errors ?? {};
  const id = String(a.id);
  return renderPage(
    c,
    a.title,
    (ch) => (
      <>
        <p>
          <a href={href('activities', lang)}>{t.back}</a>
        </p>
        <h1>{a.title}</h1>
        <ErrorSummary m={ch.m} errors={errors} />
        <StatusNotice c={c} />
        {a.locked && <Alert variant="warning">{t.lockedText(a.year)}</Alert>}
        {!a.mayWrite && <Alert variant="info">{t.readOnly}</Alert>}
        <h2>{t.details}</h2>
        <ActivityFacts a={a} lang={lang} />
        {editable && (
          <p>
            <a class="button button-secondary" href={pageHref('activityEdit', lang, { id })}>
              {t.edit}
            </a>{' '}
            <a class="button button-tertiary" href={pageHref('activityDelete', lang, { id })}>
              {t.delete}
            </a>
          </p>
        )}
        <h2>{t.participants}</h2>
        <ParticipantsTable a={a} lang={lang} editable={editable} />
        {editable && (
          <section aria-labelledby="add-participant">
            <h2 id="add-participant">{t.addParticipant}</h2>
            {opts.problem?.notice && <Alert variant="error">{opts.problem.notice}</Alert>}
            <ParticipantForm
              lang={lang}
              action={pageHref('activityParticipants', lang, { id })}
              csrf={ch.csrfToken}
              v={opts.values ?? {}}
              e={errors}
              submit={t.addParticipant}
            />
          </section>
        )}
        {!editable && opts.problem?.notice && <Alert variant="error">{opts.problem.notice}</Alert>}
      </>
    ),
    opts.problem?.status ?? 200,
  );
}

async function addParticipantPost(c: AppContext) {
  const caller = callerOf(c);
  const id = idParam(c, 'id');
  const values = await posted(c, PARTICIPANT_FIELDS);
  const lang = c.get('lang');
  try {
    await addParticipant(c.get('deps').db, caller, id, values);
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantAdded' }), 303);
  } catch (err) {
    return detailPage(c, { values, problem: formProblem(err, lang) });
  }
}

async function participantPage(
  c: AppContext,
  opts: { values?: Values; problem?: ReturnType<typeof formProblem> } = {},
) {
  const user = signedInUser(c);
  const { activity, participant } = await getParticipant(
    c.get('deps').db,
    user,
    idParam(c, 'id'),
    idParam(c, 'participantId'),
  );
  authorize(user, 'activities.write', { organisationId: activity.clusterId });
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const errors = opts.problem?.errors ?? {};
  const params = { id: String(activity.id), participantId: String(participant.id) };
  const back = pageHref('activity', lang, { id: params.id });
  return renderPage(
    c,
    t.editParticipantTitle(participant.name),
    (ch) => (
      <>
        <h1>{t.editParticipantTitle(participant.name)}</h1>
        <p>{activity.title}</p>
        {opts.problem?.notice && <Alert variant="error">{opts.problem.notice}</Alert>}
        {activity.locked ? (
          <>
            <Alert variant="warning">{t.lockedText(activity.year)}</Alert>
            <p>
              <a href={back}>{t.backToActivity}</a>
            </p>
          </>
        ) : (
          <>
            <ErrorSummary m={ch.m} errors={errors} />
            <ParticipantForm
              lang={lang}
              action={pageHref('activityParticipant', lang, params)}
              csrf={ch.csrfToken}
              v={opts.values ?? participantValues(participant)}
              e={errors}
              submit={t.saveParticipant}
              cancel={back}
            />
          </>
        )}
      </>
    ),
    opts.problem?.status ?? 200,
  );
}

async function saveParticipant(c: AppContext) {
  const caller = callerOf(c);
  const id = idParam(c, 'id');
  const participantId = idParam(c, 'participantId');
  const values = await posted(c, PARTICIPANT_FIELDS);
  const lang = c.get('lang');
  try {
    await updateParticipant(c.get('deps').db, caller, id, participantId, values);
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantSaved' }), 303);
  } catch (err) {
    return participantPage(c, { values, problem: formProblem(err, lang) });
  }
}

// ---------------------------------------------------------------------------------------------
// Confirmations

async function removePage(c: AppContext, notice?: string | null, status: 200 | 409 = 200) {
  const user = signedInUser(c);
  const { activity, participant } = await getParticipant(
    c.get('deps').db,
    user,
    idParam(c, 'id'),
    idParam(c, 'participantId'),
  );
  authorize(user, 'activities.write', { organisationId: activity.clusterId });
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const params = { id: String(activity.id), participantId: String(participant.id) };
  const back = pageHref('activity', lang, { id: params.id });
  return renderPage(
    c,
    t.removeTitle(participant.name),
    (ch) => (
      <>
        <h1>{t.removeTitle(participant.name)}</h1>
        {notice && <Alert variant="error">{notice}</Alert>}
        {activity.locked ? (
          <p>
            <a href={back}>{t.backToActivity}</a>
          </p>
        ) : (
          <Confirm
            lang={lang}
            action={pageHref('activityParticipantRemove', lang, params)}
            csrf={ch.csrfToken}
            text={t.removeText(participant.name, activity.title)}
            confirm={t.removeConfirm}
            cancel={back}
          />
        )}
      </>
    ),
    status,
  );
}

async function remove(c: AppContext) {
  const caller = callerOf(c);
  const id = idParam(c, 'id');
  const lang = c.get('lang');
  try {
    await removeParticipant(c.get('deps').db, caller, id, idParam(c, 'participantId'));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantRemoved' }), 303);
  } catch (err) {
    const problem = formProblem(err, lang);
    return removePage(c, problem.notice, 409);
  }
}

async function deletePage(c: AppContext, notice?: string | null, status: 200 | 409 = 200) {
  const user = signedInUser(c);
  const a = await getActivity(c.get('deps').db, user, idParam(c, 'id'));
  authorize(user, 'activities.write', { organisationId: a.clusterId });
  const lang = c.get('lang');
  const t = activityMessages(lang);
  const back = pageHref('activity', lang, { id: String(a.id) });
  return renderPage(
    c,
    t.deleteTitle(a.title),
    (ch) => (
      <>
        <h1>{t.deleteTitle(a.title)}</h1>
        {notice && <Alert variant="error">{notice}</Alert>}
        {a.locked ? (
          <>
            <Alert variant="warning">{t.lockedText(a.year)}</Alert>
            <p>
              <a href={back}>{t.backToActivity}</a>
            </p>
          </>
        ) : (
          <Confirm
            lang={lang}
            action={pageHref('activityDelete', lang, { id: String(a.id) })}
            csrf={ch.csrfToken}
            text={t.deleteText(a.participants.length)}
            confirm={t.deleteConfirm}
            cancel={back}
          />
        )}
      </>
    ),
    status,
  );
}

async function destroy(c: AppContext) {
  const caller = callerOf(c);
  const lang = c.get('lang');
  try {
    await deleteActivity(c.get('deps').db, caller, idParam(c, 'id'));
    return c.redirect(href('activities', lang, { status: 'deleted' }), 303);
  } catch (err) {
    return deletePage(c, formProblem(err, lang).notice, 409);
  }
}

/** Cluster staff create and correct single activities and participants by hand (issue 5). */
export function registerActivityPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'activities', listPage);
  onPage(app, 'GET', 'activityNew', (c) => newPage(c));
  onPage(app, 'POST', 'activityNew', create);
  onPage(app, 'GET', 'activity', (c) => detailPage(c));
  onPage(app, 'GET', 'activityEdit', (c) => editPage(c));
  onPage(app, 'POST', 'activityEdit', update);
  onPage(app, 'GET', 'activityDelete', (c) => deletePage(c));
  onPage(app, 'POST', 'activityDelete', destroy);
  onPage(app, 'GET', 'activityParticipants', (c) =>
    c.redirect(pageHref('activity', c.get('lang'), { id: String(idParam(c, 'id')) }), 303),
  );
  onPage(app, 'POST', 'activityParticipants', addParticipantPost);
  onPage(app, 'GET', 'activityParticipant', (c) => participantPage(c));
  onPage(app, 'POST', 'activityParticipant', saveParticipant);
  onPage(app, 'GET', 'activityParticipantRemove', (c) => removePage(c));
  onPage(app, 'POST', 'activityParticipantRemove', remove);
}
