import type { Hono } from 'hono';
import { recordPayment, savePaymentPlan } from '../../../domain/grants/payments.ts';
import { instalmentPaymentForm, MAX_INSTALMENTS, paymentPlanOfForm } from '../../../domain/grants/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { formFields, toFieldErrors } from '../../validation.ts';
import { idOfPage } from '../calls/shared.tsx';
import { onPage } from '../routes.ts';
import { agreementMessages } from './agreement.messages.ts';
import { grantPage, withGrantErrors } from './agreements.tsx';

const labels = (c: AppContext) => {
  const t = agreementMessages(c.get('lang'));
  const out: Record<string, string> = {};
  for (let n = 1; n <= MAX_INSTALMENTS; n++) {
    out[`dueOn${n}`] = `${t.instalment(n)}: ${t.dueOn}`;
    out[`amount${n}`] = `${t.instalment(n)}: ${t.instalmentAmount}`;
    out[`paidOn${n}`] = t.paidOnLegend;
  }
  return out;
};

const backToGrant = (c: AppContext, done: 'planSaved' | 'paymentSaved') =>
  c.redirect(pageHref('grant', c.get('lang'), { id: idOfPage(c, 'grant') }, { done }), 303);

async function savePlan(c: AppContext) {
  const { db } = c.get('deps');
  const t = agreementMessages(c.get('lang'));
  const values = formFields(await c.req.parseBody());
  const { instalments, issues } = paymentPlanOfForm(values);
  if (issues.length > 0)
    return grantPage(c, {
      values,
      errors: toFieldErrors(issues, c.get('m'), t.errors, labels(c)),
      status: 422,
    });
  const refused = await withGrantErrors(
    c,
    () => savePaymentPlan(db, callerOf(c), idOfPage(c, 'grant'), instalments),
    values,
  );
  return refused ?? backToGrant(c, 'planSaved');
}

/** Marks an instalment paid on the day typed in its row, or not paid when it was paid. */
async function recordFromForm(c: AppContext) {
  const { db } = c.get('deps');
  const t = agreementMessages(c.get('lang'));
  const values = formFields(await c.req.parseBody());
  const row = values.row ?? '';
  const field = `paidOn${row}`;
  const parsed = instalmentPaymentForm.safeParse({
    instalmentId: values.instalmentId,
    paidOn: values[field],
  });
  // A row not paid yet shows the date fields: marking it paid needs the day.
  const markingPaid = values[`${field}Day`] !== undefined;
  if (parsed.success && markingPaid && !parsed.data.paidOn) {
    const errors = toFieldErrors([{ field, message: 'required' }], c.get('m'), t.errors, labels(c));
    return grantPage(c, { values, errors, status: 422 });
  }
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.path[0] === 'paidOn' ? field : 'form',
      message: i.message,
    }));
    return grantPage(c, {
      values,
      errors: toFieldErrors(issues, c.get('m'), t.errors, labels(c)),
      status: 422,
    });
  }
  const refused = await withGrantErrors(
    c,
    () =>
      recordPayment(
        db,
        callerOf(c),
        idOfPage(c, 'grant'),
        parsed.data.instalmentId,
        parsed.data.paidOn ?? null,
      ),
    values,
  );
  return refused ?? backToGrant(c, 'paymentSaved');
}

/** A grant's payment plan: the funder saves the instalments and records payments. */
export function registerPaymentPages(app: Hono<AppEnv>): void {
  onPage(app, 'POST', 'grantPaymentPlan', savePlan);
  onPage(app, 'POST', 'grantPayment', recordFromForm);
}
