import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  createReferralTarget,
  type ReferralTarget,
  referralTargetsToManage,
  referralTargetToEdit,
  requireReferralTargetKeeper,
  updateReferralTarget,
} from '../../../domain/referrals/targets.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { targetMessages } from './target-messages.ts';
import { ReferralTargetFormView, ReferralTargetListView } from './views/targets.tsx';

const messagesOf = (c: AppContext) => targetMessages(c.get('lang'));
const FIELDS = ['name', 'nameEn', 'descriptionDa', 'descriptionEn', 'url', 'active'] as const;

async function list(c: AppContext) {
  const targets = await referralTargetsToManage(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  const notice = c.req.query('gemt') ? t.saved : null;
  return renderPage(c, t.title, () => (
    <ReferralTargetListView targets={targets} notice={notice} lang={c.get('lang')} t={t} />
  ));
}

/** A target as the form shows it: the checkbox's value when active. */
const formOf = (target: ReferralTarget): PostedForm => ({
  values: { ...target, active: target.active ? 'on' : '' },
  errors: {},
});

function form(c: AppContext, id: string | null, heading: string, posted: PostedForm) {
  const t = messagesOf(c);
  return renderPage(
    c,
    heading,
    ({ csrfToken, m }) => (
      <ReferralTargetFormView
        id={id}
        heading={heading}
        form={posted}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    Object.keys(posted.errors).length > 0 ? 422 : 200,
  );
}

function newForm(c: AppContext) {
  requireReferralTargetKeeper(callerOf(c));
  return form(c, null, messagesOf(c).newTitle, { values: { active: 'on' }, errors: {} });
}

async function editForm(c: AppContext) {
  const target = await referralTargetToEdit(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
  return form(c, target.id, messagesOf(c).edit(target.name), formOf(target));
}

/** Saves the posted target; field errors show on the form again. */
async function save(c: AppContext, id: string | null) {
  const deps = c.get('deps');
  const body = await c.req.parseBody();
  const values = Object.fromEntries(FIELDS.map((k) => [k, formText(body[k])]));
  try {
    if (id === null) await createReferralTarget(deps.db, callerOf(c), values, deps.clock());
    else await updateReferralTarget(deps.db, callerOf(c), id, values, deps.clock());
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = messagesOf(c);
    const errors = toFieldErrors(err.issues, c.get('m'), t.errors, {
      name: t.name,
      nameEn: t.nameEn,
      descriptionDa: t.descriptionDa,
      descriptionEn: t.descriptionEn,
      url: t.url,
    });
    return form(c, id, id === null ? t.newTitle : t.edit(values.name ?? ''), { values, errors });
  }
  return c.redirect(`${href('referralTargets', c.get('lang'))}?gemt=1`, 303);
}

/** The support function keeps the list of outside referral targets. */
export function registerReferralTargetPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'referralTargets', list);
  onPage(app, 'GET', 'referralTargetNew', newForm);
  onPage(app, 'POST', 'referralTargetNew', (c) => save(c, null));
  onPage(app, 'GET', 'referralTarget', editForm);
  onPage(app, 'POST', 'referralTarget', (c) => save(c, c.req.param('id') ?? ''));
}
