import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  proposePracticeCase,
  publishPracticeCase,
  rejectPracticeCase,
  updatePracticeCase,
} from '../../../domain/practices/commands.ts';
import {
  mayProposePractices,
  mayReviewPractices,
  proposerFor,
  proposersOf,
  requirePracticeReviewer,
} from '../../../domain/practices/policy.ts';
import {
  actorChoices,
  organisationNames,
  practiceCaseBySlug,
  practiceReviewQueue,
  practicesProposedBy,
  publishedPractices,
} from '../../../domain/practices/queries.ts';
import { practiceFilter } from '../../../domain/practices/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { practiceMessages } from './messages.ts';
import { CaseView } from './views/case.tsx';
import { PracticeFormView } from './views/form.tsx';
import { PracticeListView } from './views/list.tsx';
import { ReviewActions, ReviewQueueView } from './views/review.tsx';

const messagesOf = (c: AppContext) => practiceMessages(c.get('lang'));
const slugOf = (c: AppContext) => c.req.param('slug') ?? '';
const readerOf = (c: AppContext) => c.get('user') ?? null;
const statusOf = (form: PostedForm) => (Object.keys(form.errors).length > 0 ? 422 : 200);

async function list(c: AppContext) {
  const { db } = c.get('deps');
  const reader = readerOf(c);
  const filter = practiceFilter.parse(c.req.query());
  const [items, own] = await Promise.all([publishedPractices(db, filter), practicesProposedBy(db, reader)]);
  const t = messagesOf(c);
  return renderPage(c, t.title, () => (
    <PracticeListView
      items={items}
      filter={filter}
      own={own.filter((p) => p.status !== 'published')}
      mayPropose={mayProposePractices(reader)}
      mayReview={mayReviewPractices(reader)}
      lang={c.get('lang')}
      t={t}
    />
  ));
}

/** The notice a redirect after a change asks for (`?besked=published`). */
function noticeOf(c: AppContext): string | null {
  const t = messagesOf(c);
  const notices: Record<string, string> = {
    proposed: t.proposedNotice,
    published: t.published,
    rejected: t.rejected,
    saved: t.saved,
  };
  return notices[c.req.query('besked') ?? ''] ?? null;
}

async function casePage(c: AppContext, rejectForm: PostedForm = EMPTY_FORM) {
  const reader = readerOf(c);
  const item = await practiceCaseBySlug(c.get('deps').db, reader, slugOf(c));
  const lang = c.get('lang');
  const t = messagesOf(c);
  return renderPage(
    c,
    item.title,
    ({ csrfToken, m }) => (
      <CaseView
        item={item}
        notice={noticeOf(c)}
        lang={lang}
        t={t}
        review={
          mayReviewPractices(reader) && (
            <ReviewActions item={item} form={rejectForm} csrfToken={csrfToken} m={m} lang={lang} t={t} />
          )
        }
      />
    ),
    statusOf(rejectForm),
  );
}

const FIELDS = [
  'proposerId',
  'model',
  'title',
  'summary',
  'whatWasDone',
  'whatWorked',
  'whatDidNot',
  'contactName',
  'contactEmail',
] as const;
const LISTS = ['actors', 'regions', 'themes'] as const;

function fieldErrors(c: AppContext, err: AppError) {
  const t = messagesOf(c);
  const labels = {
    proposerId: t.proposer,
    model: t.model,
    title: t.titleField,
    summary: t.summary,
    whatWasDone: t.whatWasDone,
    whatWorked: t.whatWorked,
    whatDidNot: t.whatDidNot,
    contactName: t.contactName,
    contactEmail: t.contactEmail,
    actors: t.actors,
    regions: t.regions,
    themes: t.themes,
    reason: t.reason,
  };
  return toFieldErrors(err.issues, c.get('m'), t.errors, labels);
}

async function formPage(
  c: AppContext,
  p: { heading: string; lead?: string; action: string; submit: string; proposers: string[] },
  form: PostedForm,
) {
  const { db } = c.get('deps');
  const [actors, proposers] = await Promise.all([actorChoices(db), organisationNames(db, p.proposers)]);
  return renderPage(
    c,
    p.heading,
    ({ csrfToken, m }) => (
      <PracticeFormView
        {...p}
        form={form}
        actors={actors}
        proposers={proposers}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={messagesOf(c)}
      />
    ),
    statusOf(form),
  );
}

/** The posted form: single fields as text, repeated ones (checkboxes, list box) as lists. */
async function postedValues(c: AppContext): Promise<PostedForm['values']> {
  const body = await c.req.parseBody({ all: true });
  const values: PostedForm['values'] = {};
  for (const k of FIELDS) values[k] = formText(body[k]);
  for (const k of LISTS) values[k] = formList(body[k]);
  return values;
}

/** Runs a change; refused input shows the form again with each field's error. */
async function save(
  c: AppContext,
  run: (values: PostedForm['values']) => Promise<string>,
  retry: (form: PostedForm) => Promise<Response>,
) {
  const values = await postedValues(c);
  try {
    const target = await run(values);
    return c.redirect(target, 303);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    return retry({ values, errors: fieldErrors(c, err) });
  }
}

function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const caller = callerOf(c);
  proposerFor(caller, undefined);
  const t = messagesOf(c);
  return formPage(
    c,
    {
      heading: t.newTitle,
      lead: t.newLead,
      action: href('practiceNew', c.get('lang')),
      submit: t.send,
      proposers: proposersOf(caller.principal),
    },
    form,
  );
}

const create = (c: AppContext) =>
  save(
    c,
    async (values) => {
      const { slug } = await proposePracticeCase(
        c.get('deps').db,
        callerOf(c),
        values,
        c.get('deps').clock(),
      );
      return pageHref('practice', c.get('lang'), { slug }, { besked: 'proposed' });
    },
    (form) => newForm(c, form),
  );

async function editForm(c: AppContext, form?: PostedForm) {
  const caller = callerOf(c);
  requirePracticeReviewer(caller);
  const item = await practiceCaseBySlug(c.get('deps').db, caller.principal, slugOf(c));
  const t = messagesOf(c);
  const { actors, regions, ...rest } = item;
  const stored: PostedForm = {
    values: {
      ...Object.fromEntries(
        FIELDS.map((k) => [k, k in rest ? String(rest[k as keyof typeof rest] ?? '') : '']),
      ),
      actors: actors.map((a) => a.id),
      regions: regions.map(String),
      themes: item.themes,
    },
    errors: {},
  };
  return formPage(
    c,
    {
      heading: t.editTitle(item.title),
      action: pageHref('practiceEdit', c.get('lang'), { slug: item.slug }),
      submit: t.save,
      proposers: [],
    },
    form ?? stored,
  );
}

const update = (c: AppContext) =>
  save(
    c,
    async (values) => {
      const { db, clock } = c.get('deps');
      await updatePracticeCase(db, callerOf(c), slugOf(c), values, clock());
      return pageHref('practice', c.get('lang'), { slug: slugOf(c) }, { besked: 'saved' });
    },
    (form) => editForm(c, form),
  );

async function publish(c: AppContext) {
  const { db, clock } = c.get('deps');
  await publishPracticeCase(db, callerOf(c), slugOf(c), clock());
  return c.redirect(pageHref('practice', c.get('lang'), { slug: slugOf(c) }, { besked: 'published' }), 303);
}

async function reject(c: AppContext) {
  const body = await c.req.parseBody();
  const values = { reason: formText(body.reason) };
  const { db, clock } = c.get('deps');
  try {
    await rejectPracticeCase(db, callerOf(c), slugOf(c), values, clock());
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    return casePage(c, { values, errors: fieldErrors(c, err) });
  }
  return c.redirect(pageHref('practice', c.get('lang'), { slug: slugOf(c) }, { besked: 'rejected' }), 303);
}

async function queue(c: AppContext) {
  const { proposed, reviewed } = await practiceReviewQueue(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  return renderPage(c, t.queueTitle, () => (
    <ReviewQueueView proposed={proposed} reviewed={reviewed} lang={c.get('lang')} t={t} />
  ));
}

/** The catalogue: the public list and cases, the proposal form and the support function's review. */
export function registerPracticePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'practices', list);
  onPage(app, 'GET', 'practiceNew', (c) => newForm(c));
  onPage(app, 'POST', 'practiceNew', create);
  onPage(app, 'GET', 'practice', (c) => casePage(c));
  onPage(app, 'GET', 'practiceEdit', (c) => editForm(c));
  onPage(app, 'POST', 'practiceEdit', update);
  onPage(app, 'POST', 'practicePublish', publish);
  onPage(app, 'POST', 'practiceReject', reject);
  onPage(app, 'GET', 'practiceReview', queue);
}
