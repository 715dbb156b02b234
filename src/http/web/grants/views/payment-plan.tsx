import type { GrantFacts } from '../../../../domain/grants/grant-facts.ts';
import type { Instalment, PaymentPlan } from '../../../../domain/grants/payments.ts';
import { MAX_INSTALMENTS } from '../../../../domain/grants/schemas.ts';
import { formatAmount, formatDate, numberForInput } from '../../../i18n/index.ts';
import { pageHref } from '../../../paths.ts';
import { DateInput, datePartsOf, type FieldErrors, TextField } from '../../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { AgreementMessages } from '../agreement.messages.ts';

type View = { ch: Chrome; t: AgreementMessages };
type Form = { values: Record<string, string>; errors: FieldErrors };

/** The funder's record of one instalment: paid on a day, or back to not paid. */
function PaymentForm(p: { v: View; g: GrantFacts; i: Instalment; row: number; form: Form }) {
  const { ch, t } = p.v;
  const { i, row } = p;
  const day = formatDate(i.dueOn, ch.lang);
  return (
    <form method="post" action={pageHref('grantPayment', ch.lang, { id: p.g.id })} novalidate>
      <CsrfField token={ch.csrfToken} />
      <input type="hidden" name="instalmentId" value={i.id} />
      <input type="hidden" name="row" value={String(row)} />
      {i.paidOn === null && (
        <DateInput
          name={`paidOn${row}`}
          legend={`${t.paidOnLegend}${t.which(day)}`}
          m={ch.m}
          value={datePartsOf(p.form.values, `paidOn${row}`)}
          error={p.form.errors[`paidOn${row}`]}
        />
      )}
      <button type="submit" class="button button-secondary button-small">
        {i.paidOn === null ? t.markPaid : t.markUnpaid}
        <span class="sr-only">{t.which(day)}</span>
      </button>
    </form>
  );
}

/** The instalments with paid or not, the totals, and the funder's payment forms. */
export function PaymentPlanTable(p: { v: View; g: GrantFacts; plan: PaymentPlan; form: Form }) {
  const { ch, t } = p.v;
  const { g, plan } = p;
  if (plan.instalments.length === 0) return <p>{t.noPlan}</p>;
  const caption = t.planCaption(g.clusterName, g.year);
  return (
    <ScrollingTable label={caption}>
      <table class="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.dueOn}</th>
            <th scope="col">{t.instalmentAmount}</th>
            <th scope="col">{t.paid}</th>
            {g.may.recordPayments && <th scope="col">{t.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((i, n) => (
            <tr>
              <td>{formatDate(i.dueOn, ch.lang)}</td>
              <td class="results-number">{formatAmount(i.amountDkk, ch.lang)}</td>
              <td>{i.paidOn ? t.paidOn(formatDate(i.paidOn, ch.lang)) : t.notPaid}</td>
              {g.may.recordPayments && (
                <td>
                  <PaymentForm v={p.v} g={g} i={i} row={n + 1} form={p.form} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.planned}</th>
            <td class="results-number">{formatAmount(plan.plannedDkk, ch.lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t.paidTotal}</th>
            <td class="results-number">{formatAmount(plan.paidDkk, ch.lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t.outstanding}</th>
            <td class="results-number">{formatAmount(plan.outstandingDkk, ch.lang)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollingTable>
  );
}

/** The funder's form of the whole plan: up to MAX_INSTALMENTS rows of due date and amount. */
export function PaymentPlanForm(p: { v: View; g: GrantFacts; plan: PaymentPlan; form: Form }) {
  const { ch, t } = p.v;
  const { g, form } = p;
  const typed = Object.keys(form.values).some((k) => k.startsWith('amount'));
  const value = (n: number) => {
    if (typed) return { dueOn: form.values, amount: form.values[`amount${n}`] };
    const i = p.plan.instalments[n - 1];
    return { dueOn: { [`dueOn${n}`]: i?.dueOn }, amount: numberForInput(i?.amountDkk, ch.lang) };
  };
  return (
    <form method="post" action={pageHref('grantPaymentPlan', ch.lang, { id: g.id })} novalidate>
      <CsrfField token={ch.csrfToken} />
      <div class={form.errors.plan ? 'form-group form-error' : 'form-group'}>
        <fieldset aria-describedby={form.errors.plan ? 'plan-hint plan-error' : 'plan-hint'}>
          <legend class="h3" id="plan" tabindex={-1}>
            {t.planHeading}
          </legend>
          <span class="form-hint" id="plan-hint">
            {t.planHint(formatAmount(g.amountDkk, ch.lang))}
          </span>
          {form.errors.plan && (
            <span class="form-error-message" id="plan-error">
              {form.errors.plan}
            </span>
          )}
          {Array.from({ length: MAX_INSTALMENTS }, (_, k) => {
            const n = k + 1;
            const v = value(n);
            return (
              <div class="mt-5">
                <DateInput
                  name={`dueOn${n}`}
                  legend={`${t.instalment(n)}: ${t.dueOn}`}
                  m={ch.m}
                  value={datePartsOf(v.dueOn, `dueOn${n}`)}
                  error={form.errors[`dueOn${n}`]}
                />
                <TextField
                  name={`amount${n}`}
                  label={`${t.instalment(n)}: ${t.instalmentAmount}`}
                  value={v.amount}
                  error={form.errors[`amount${n}`]}
                  autocomplete="off"
                />
              </div>
            );
          })}
        </fieldset>
      </div>
      <button type="submit" class="button button-primary">
        {t.savePlan}
      </button>
    </form>
  );
}
