import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { fundersForSteering, setContribution, steeringView } from '../../../domain/support/steering.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { planMessages } from './plan-messages.ts';
import { SteeringPageView } from './views/steering.tsx';

async function steering(c: AppContext, form: PostedForm = EMPTY_FORM) {
  const { db, clock } = c.get('deps');
  const caller = callerOf(c);
  const view = await steeringView(db, caller, clock());
  const funders = can(caller.principal, 'support.plan.manage') ? await fundersForSteering(db, caller) : null;
  const t = planMessages(c.get('lang'));
  return renderPage(
    c,
    t.steeringTitle,
    ({ csrfToken, m }) => (
      <SteeringPageView
        view={view}
        funders={funders}
        notice={c.req.query('gemt') !== undefined}
        form={form}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

async function recordContribution(c: AppContext) {
  const body = await c.req.parseBody();
  const values = Object.fromEntries(['funderId', 'year', 'amount'].map((k) => [k, formText(body[k])]));
  try {
    await setContribution(c.get('deps').db, callerOf(c), values);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = planMessages(c.get('lang'));
    const labels = { funderId: t.funder, year: t.year, amount: t.amount };
    return steering(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
  }
  return c.redirect(`${href('supportSteering', c.get('lang'))}?gemt=1`, 303);
}

/** The steering group's view of the support function, and the keeping of its contributions. */
export function registerSteeringPage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'supportSteering', (c) => steering(c));
  onPage(app, 'POST', 'supportSteering', recordContribution);
}
