import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  createActivity,
  deleteActivity,
  updateActivity,
} from '../../../domain/reporting/activities/commands.ts';
import { addParticipant } from '../../../domain/reporting/activities/participants.ts';
import {
  activityForEditing,
  getActivity,
  listActivities,
  PAGE_SIZE,
  reportableClusters,
} from '../../../domain/reporting/activities/queries.ts';
import { ACTIVITY_CATEGORIES } from '../../../domain/reporting/format/rows.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { activityMessages } from './activities.messages.ts';
import { asReported, type FormProblem, formProblem, idParam, posted } from './activity-input.ts';
import {
  participantPage,
  removeParticipantPage,
  removeParticipantPost,
  saveParticipant,
} from './participants.tsx';
import { DeleteActivityPage, EditActivityPage, NewActivityPage } from './views/activity-changes.tsx';
import { ActivityPage } from './views/activity-detail.tsx';
import { ACTIVITY_FIELDS, PARTICIPANT_FIELDS } from './views/activity-forms.tsx';
import { ActivityList, BREAKS_RULE } from './views/activity-list.tsx';

const STATUSES = [
  'created',
  'saved',
  'deleted',
  'participantAdded',
  'participantSaved',
  'participantRemoved',
] as const;
type Status = (typeof STATUSES)[number];

/** The notice after a change that redirected here (`?status=…`). */
function StatusNotice({ c }: { c: AppContext }) {
  const status = c.req.query('status') as Status | undefined;
  if (!status || !STATUSES.includes(status)) return null;
  return <Alert variant="success">{activityMessages(c.get('lang'))[status]}</Alert>;
}

const NOTHING_SENT = { errors: {}, notice: null };

async function listPage(c: AppContext) {
  const lang = c.get('lang');
  const yearText = c.req.query('year') ?? '';
  const category = c.req.query('category') ?? '';
  const q = (c.req.query('q') ?? '').slice(0, 200);
  const cluster = c.req.query('cluster') ?? '';
  const breaksRule = c.req.query('rule') === BREAKS_RULE;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const filters = {
    year: /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
    category: (ACTIVITY_CATEGORIES as readonly string[]).includes(category) ? category : undefined,
    q,
    cluster,
    breaksRule,
  };
  const list = await listActivities(
    c.get('deps').db,
    callerOf(c),
    { ...filters, clusterId: cluster || undefined, breaksActivityRule: breaksRule },
    page,
  );
  const link = (p: number) =>
    href('activities', lang, {
      year: yearText,
      category,
      q,
      cluster: cluster || undefined,
      rule: breaksRule ? BREAKS_RULE : undefined,
      page: p > 1 ? String(p) : undefined,
    });
  const view = { ...list, page, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)) };
  return renderPage(c, activityMessages(lang).listTitle, () => (
    <ActivityList list={view} filters={filters} link={link} lang={lang} notice={<StatusNotice c={c} />} />
  ));
}

async function newPage(c: AppContext, problem?: FormProblem) {
  const clusters = await reportableClusters(c.get('deps').db, callerOf(c));
  return renderPage(
    c,
    activityMessages(c.get('lang')).newTitle,
    ({ lang, m, csrfToken }) => (
      <NewActivityPage
        clusters={clusters}
        sent={problem ?? NOTHING_SENT}
        lang={lang}
        m={m}
        csrf={csrfToken}
      />
    ),
    problem?.status ?? 200,
  );
}

async function create(c: AppContext) {
  const caller = callerOf(c);
  const clusters = await reportableClusters(c.get('deps').db, caller);
  const values = await posted(c, [...ACTIVITY_FIELDS, 'cluster']);
  // The form offers the user's own clusters, and none to choose from when there is one.
  const clusterId = clusters.length === 1 ? clusters[0]?.id : values.cluster;
  const lang = c.get('lang');
  try {
    if (!clusterId || !clusters.some((x) => x.id === clusterId))
      throw new AppError('validation', 'cluster', [{ field: 'cluster', message: 'required' }]);
    const id = await createActivity(c.get('deps').db, caller, clusterId, asReported(values));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'created' }), 303);
  } catch (err) {
    return newPage(c, formProblem(err, lang, values));
  }
}

async function editPage(c: AppContext, problem?: FormProblem) {
  const a = await activityForEditing(c.get('deps').db, callerOf(c), idParam(c, 'id'));
  return renderPage(
    c,
    activityMessages(c.get('lang')).editTitle(a.title),
    ({ lang, m, csrfToken }) => (
      <EditActivityPage a={a} sent={problem ?? NOTHING_SENT} lang={lang} m={m} csrf={csrfToken} />
    ),
    problem?.status ?? 200,
  );
}

async function update(c: AppContext) {
  const id = idParam(c, 'id');
  const values = await posted(c, ACTIVITY_FIELDS);
  const lang = c.get('lang');
  try {
    await updateActivity(c.get('deps').db, callerOf(c), id, asReported(values));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'saved' }), 303);
  } catch (err) {
    return editPage(c, formProblem(err, lang, values));
  }
}

/** An activity and its participants; `problem` is a participant form that was sent back. */
async function detailPage(c: AppContext, problem?: FormProblem) {
  const a = await getActivity(c.get('deps').db, callerOf(c), idParam(c, 'id'));
  return renderPage(
    c,
    a.title,
    ({ lang, m, csrfToken }) => (
      <ActivityPage
        a={a}
        lang={lang}
        m={m}
        csrf={csrfToken}
        notice={<StatusNotice c={c} />}
        values={problem?.values ?? {}}
        errors={problem?.errors ?? {}}
        problem={problem?.notice ?? null}
      />
    ),
    problem?.status ?? 200,
  );
}

async function addParticipantPost(c: AppContext) {
  const id = idParam(c, 'id');
  const values = await posted(c, PARTICIPANT_FIELDS);
  const lang = c.get('lang');
  try {
    await addParticipant(c.get('deps').db, callerOf(c), id, asReported(values));
    return c.redirect(pageHref('activity', lang, { id: String(id) }, { status: 'participantAdded' }), 303);
  } catch (err) {
    return detailPage(c, formProblem(err, lang, values));
  }
}

async function deletePage(c: AppContext, notice: string | null = null, status: 200 | 409 = 200) {
  const a = await activityForEditing(c.get('deps').db, callerOf(c), idParam(c, 'id'));
  return renderPage(
    c,
    activityMessages(c.get('lang')).deleteTitle(a.title),
    ({ lang, csrfToken }) => <DeleteActivityPage a={a} notice={notice} lang={lang} csrf={csrfToken} />,
    status,
  );
}

async function destroy(c: AppContext) {
  const lang = c.get('lang');
  try {
    await deleteActivity(c.get('deps').db, callerOf(c), idParam(c, 'id'));
    return c.redirect(href('activities', lang, { status: 'deleted' }), 303);
  } catch (err) {
    return deletePage(c, formProblem(err, lang).notice, 409);
  }
}

/** Cluster staff create and correct single activities and participants by hand. */
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
  onPage(app, 'GET', 'activityParticipantRemove', (c) => removeParticipantPage(c));
  onPage(app, 'POST', 'activityParticipantRemove', removeParticipantPost);
}
