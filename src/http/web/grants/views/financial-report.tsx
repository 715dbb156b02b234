import type { FinancialReport } from '../../../../domain/grants/financial-reports.ts';
import { ACTIVITY_CATEGORIES } from '../../../../domain/grants/follow-up.ts';
import { formatNumber, formatOneDecimal, type Messages, numberForInput } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { ErrorSummary, type FieldErrors, FieldShell } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { activityMessages } from '../../reporting/activities.messages.ts';
import type { GrantFollowUpMessages } from '../follow-up.messages.ts';

interface Props {
  report: FinancialReport;
  t: GrantFollowUpMessages;
  lang: Lang;
}

const share = (spent: number, budget: number) => (budget > 0 ? (spent * 100) / budget : null);

/** Spent as a share of budget per category (the chart), with budget, spent and rest in its table. */
export function BudgetAgainstSpent({ report, t, lang }: Props) {
  const categories = activityMessages(lang).categories;
  const kr = (n: number) => formatNumber(n, lang);
  const pct = (n: number | null) => (n === null ? t.noBudgetPct : t.percent(formatOneDecimal(n, lang)));
  const budgeted = report.lines.filter((l) => l.budgetDkk > 0);
  const { totals } = report;
  return (
    <ChartFigure
      id="financial-report"
      caption={t.chartCaption(report.grant.year)}
      chart={
        <BarChart
          id="financial-report-chart"
          title={t.chartTitle}
          desc={t.chartDesc(budgeted.length)}
          bars={budgeted.map((l) => ({
            label: categories[l.category] ?? l.category,
            value: share(l.spentDkk, l.budgetDkk) ?? 0,
          }))}
          format={(n) => t.percent(formatOneDecimal(n, lang))}
        />
      }
      table={{
        head: [t.category, t.budget, t.spent, t.remaining, t.spentPct],
        rows: [
          ...report.lines.map((l) => [
            categories[l.category] ?? l.category,
            kr(l.budgetDkk),
            kr(l.spentDkk),
            kr(l.remainingDkk),
            pct(share(l.spentDkk, l.budgetDkk)),
          ]),
          [
            t.total,
            kr(totals.budgetDkk),
            kr(totals.spentDkk),
            kr(totals.remainingDkk),
            pct(share(totals.spentDkk, totals.budgetDkk)),
          ],
        ],
      }}
    />
  );
}

function AmountFields(p: {
  prefix: 'budget_' | 'spent_';
  legend: string;
  hint: string;
  label: (category: string) => string;
  lang: Lang;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const categories = activityMessages(p.lang).categories;
  return (
    <fieldset class="mb-6">
      <legend class="h3">{p.legend}</legend>
      <p class="form-hint">{p.hint}</p>
      {ACTIVITY_CATEGORIES.map((c) => {
        const name = `${p.prefix}${c}`;
        const field = { name, label: p.label(categories[c] ?? c), error: p.errors[name] };
        return (
          <FieldShell {...field}>
            <input
              class="form-input input-width-m"
              id={name}
              name={name}
              type="text"
              inputmode="numeric"
              value={p.values[name] ?? ''}
              aria-invalid={field.error ? 'true' : undefined}
              aria-describedby={field.error ? `${name}-error` : undefined}
            />
          </FieldShell>
        );
      })}
    </fieldset>
  );
}

/** The stored amounts as the form's typed values, so a correction starts from what was sent. */
export function reportFormValues(report: FinancialReport, lang: Lang): Record<string, string> {
  if (report.status === 'not_submitted') return {};
  return Object.fromEntries(
    report.lines.map((l) => [`spent_${l.category}`, numberForInput(l.spentDkk, lang)]),
  );
}

/** The cluster's form: the budget split when the grant has none, and spent per category. */
export function FinancialReportForm(
  p: Props & {
    m: Messages;
    csrf: string;
    action: string;
    values: Record<string, string>;
    errors: FieldErrors;
  },
) {
  const { t, report } = p;
  return (
    <>
      <h2>{p.t.reportFormHeading}</h2>
      <ErrorSummary m={p.m} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrf} />
        {!report.hasBudget && (
          <>
            <p>{t.noBudgetYet}</p>
            <AmountFields
              prefix="budget_"
              legend={t.budgetLegend}
              hint={t.budgetHint(t.kr(report.grant.amountDkk))}
              label={t.budgetField}
              lang={p.lang}
              values={p.values}
              errors={p.errors}
            />
          </>
        )}
        <AmountFields
          prefix="spent_"
          legend={t.spentLegend}
          hint={t.spentHint}
          label={t.spentField}
          lang={p.lang}
          values={p.values}
          errors={p.errors}
        />
        <button type="submit" class="button button-primary">
          {t.submitReport}
        </button>
      </form>
    </>
  );
}
