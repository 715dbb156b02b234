import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { copenhagenDate } from '../../../domain/reference/time.ts';
import {
  acceptReferral,
  declineReferral,
  recordContact,
  recordOutcome,
  type SendResult,
  sendReferral,
} from '../../../domain/referrals/commands.ts';
import {
  FIGURE_DIMENSIONS,
  type FigureDimension,
  referralFigures,
  referralYears,
} from '../../../domain/referrals/figures.ts';
import { referralDetail, referralFormChoices, referralOverview } from '../../../domain/referrals/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { referralMessages } from './messages.ts';
import { ReferralDetailView } from './views/detail.tsx';
import { ReferralFiguresView } from './views/figures.tsx';
import { ReferralFormView } from './views/form.tsx';
import { ReferralListView } from './views/list.tsx';

const messagesOf = (c: AppContext) => referralMessages(c.get('lang'));
const errorsOf = (c: AppContext, err: AppError) =>
  toFieldErrors(err.issues, c.get('m'), messagesOf(c).errors);
const isValidation = (err: unknown): err is AppError => err instanceof AppError && err.code === 'validation';

async function list(c: AppContext) {
  const overview = await referralOverview(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  const sent = Number(c.req.query('sendt') ?? 0);
  const notice = Number.isInteger(sent) && sent > 0 ? t.sentNotice(sent) : null;
  return renderPage(c, t.title, () => (
    <ReferralListView overview={overview} notice={notice} lang={c.get('lang')} t={t} />
  ));
}

async function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const sender = formText(form.values.fromOrganisationId) || undefined;
  const choices = await referralFormChoices(c.get('deps').db, callerOf(c), sender);
  const t = messagesOf(c);
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.formTitle,
    ({ csrfToken, m }) => (
      <ReferralFormView
        form={form}
        choices={choices}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status,
  );
}

const FORM_TEXTS = [
  'fromOrganisationId',
  'cvr',
  'companyName',
  'theme',
  'need',
  'contactName',
  'contactEmail',
  'contactPhone',
  'consent',
];

async function send(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {
    ...Object.fromEntries(FORM_TEXTS.map((k) => [k, formText(body[k])])),
    recipientIds: formList(body.recipientIds),
    targetIds: formList(body.targetIds),
  };
  // Left out, the sender is the caller's first organisation (the form offers a choice only for several).
  if (values.fromOrganisationId === '') delete values.fromOrganisationId;
  let result: SendResult;
  try {
    result = await sendReferral(deps.db, callerOf(c), values, deps.clock());
  } catch (err) {
    if (isValidation(err)) return newForm(c, { values, errors: errorsOf(c, err) });
    throw err;
  }
  return c.redirect(href('referrals', c.get('lang'), { sendt: String(result.ids.length) }), 303);
}

async function detail(c: AppContext, form: PostedForm = EMPTY_FORM, status: 200 | 409 | 422 = 200) {
  const found = await referralDetail(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
  const t = messagesOf(c);
  const notice =
    status === 409
      ? { variant: 'warning' as const, text: t.conflict }
      : c.req.query('gemt')
        ? { variant: 'success' as const, text: t.done }
        : null;
  return renderPage(
    c,
    found.referral.companyName,
    ({ csrfToken, m }) => (
      <ReferralDetailView
        detail={found}
        form={form}
        notice={notice}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status,
  );
}

type Step = (c: AppContext, id: string, values: Record<string, string>) => Promise<void>;

/** Takes one step of a referral from its page's form; errors show there, success redirects to it. */
const step = (run: Step) => async (c: AppContext) => {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, formText(v)]));
  const id = c.req.param('id') ?? '';
  try {
    await run(c, id, values);
  } catch (err) {
    if (isValidation(err)) return detail(c, { values, errors: errorsOf(c, err) }, 422);
    if (err instanceof AppError && err.code === 'conflict') return detail(c, EMPTY_FORM, 409);
    throw err;
  }
  return c.redirect(pageHref('referral', c.get('lang'), { id }, { gemt: '1' }), 303);
};

const STEPS: [PageKey, Step][] = [
  ['referralAccept', (c, id) => acceptReferral(c.get('deps').db, callerOf(c), id, c.get('deps').clock())],
  [
    'referralDecline',
    (c, id, v) => declineReferral(c.get('deps').db, callerOf(c), id, v, c.get('deps').clock()),
  ],
  [
    'referralContact',
    (c, id, v) => recordContact(c.get('deps').db, callerOf(c), id, v, c.get('deps').clock()),
  ],
  [
    'referralOutcome',
    (c, id, v) => recordOutcome(c.get('deps').db, callerOf(c), id, v, c.get('deps').clock()),
  ],
];

async function figures(c: AppContext) {
  const db = c.get('deps').db;
  const thisYear = Number(copenhagenDate(c.get('deps').clock()).slice(0, 4));
  const asked = Number(c.req.query('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
  const askedBy = c.req.query('by') ?? '';
  const by: FigureDimension = (FIGURE_DIMENSIONS as readonly string[]).includes(askedBy)
    ? (askedBy as FigureDimension)
    : 'region';
  const result = await referralFigures(db, callerOf(c), year, by);
  const years = [...new Set([thisYear, ...(await referralYears(db))])].sort((a, b) => b - a);
  const t = messagesOf(c);
  return renderPage(c, t.figuresTitle, () => (
    <ReferralFiguresView figures={result} years={years} lang={c.get('lang')} t={t} />
  ));
}

export function registerReferralPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'referrals', list);
  onPage(app, 'GET', 'referralNew', (c) => newForm(c));
  onPage(app, 'POST', 'referralNew', send);
  onPage(app, 'GET', 'referralFigures', figures);
  onPage(app, 'GET', 'referral', (c) => detail(c));
  for (const [page, run] of STEPS) onPage(app, 'POST', page, step(run));
}
