import type { SteeringView } from '../../../../domain/support/steering.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatAmount, formatNumber, formatOneDecimal } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { Alert, ErrorSummary, type PostedForm, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { PlanMessages } from '../plan-messages.ts';
import { decisionText, titleOf } from './plan.tsx';

type Shared = { lang: Lang; t: PlanMessages };

function PerYear({ view, lang, t }: Shared & { view: SteeringView }) {
  const n = (v: number) => formatNumber(v, lang);
  const kr = (v: number) => formatAmount(v, lang);
  if (view.years.length === 0) return <p>{t.noSteeringYears}</p>;
  return (
    <ChartFigure
      id="steering-years"
      caption={t.perYearCaption}
      chart={
        <BarChart
          id="steering-years-chart"
          title={t.perYearCaption}
          desc={t.perYearChartDesc}
          bars={view.years.map((y) => ({ label: String(y.year), value: y.contributionsDkk }))}
          format={kr}
        />
      }
      table={{
        head: [
          t.year,
          t.contributions,
          t.budget,
          t.plannedCourses,
          t.coursesHeld,
          t.participants,
          t.attendance,
          t.evaluationScore,
        ],
        rows: view.years.map((y) => [
          String(y.year),
          kr(y.contributionsDkk),
          kr(y.budgetDkk),
          n(y.plannedCourses),
          n(y.coursesHeld),
          n(y.participants),
          y.participants === 0
            ? t.noAnswer
            : `${formatOneDecimal((100 * y.attended) / y.participants, lang)} %`,
          y.evaluationScore === null
            ? t.noAnswer
            : `${formatOneDecimal(y.evaluationScore, lang)} (${n(y.evaluationAnswers)})`,
        ]),
      }}
    />
  );
}

function Contributions({ view, lang, t }: Shared & { view: SteeringView }) {
  return (
    <ScrollingTable label={t.contributionsHeading}>
      <table class="table table--compact">
        <caption class="sr-only">{t.contributionsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            <th scope="col">{t.funder}</th>
            <th scope="col">{t.amount}</th>
          </tr>
        </thead>
        <tbody>
          {view.contributions.map((c) => (
            <tr>
              <td>{String(c.year)}</td>
              <th scope="row">{c.funderName}</th>
              <td>{formatAmount(c.amountDkk, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function PlanBudget({ view, lang, t }: Shared & { view: SteeringView }) {
  if (!view.plan) return null;
  const caption = t.planBudgetHeading(view.plan.year);
  return (
    <>
      <h2>{caption}</h2>
      <ScrollingTable label={caption}>
        <table class="table table--compact">
          <caption class="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.service}</th>
              <th scope="col">{t.decision}</th>
              <th scope="col">{t.plannedCourses}</th>
              <th scope="col">{t.budget}</th>
            </tr>
          </thead>
          <tbody>
            {view.plan.services.map((s) => (
              <tr>
                <th scope="row">{titleOf(s, lang)}</th>
                <td>{decisionText(s, t)}</td>
                <td>{formatNumber(s.plannedCourses, lang)}</td>
                <td>{formatAmount(s.budgetDkk, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

function ContributionForm(
  p: Shared & { funders: { id: string; name: string }[]; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { t, form } = p;
  const value = (k: string) => (typeof form.values[k] === 'string' ? (form.values[k] as string) : '');
  return (
    <>
      <h2>{t.contributionHeading}</h2>
      <p>{t.contributionHint}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('supportSteering', p.lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <SelectField
          name="funderId"
          label={t.funder}
          options={p.funders.map((f) => ({ value: f.id, label: f.name }))}
          placeholder={t.choose}
          value={value('funderId')}
          error={form.errors.funderId}
        />
        <TextField name="year" label={t.year} value={value('year')} error={form.errors.year} />
        <TextField name="amount" label={t.amount} value={value('amount')} error={form.errors.amount} />
        <button type="submit" class="button button-primary">
          {t.saveContribution}
        </button>
      </form>
    </>
  );
}

/** The steering group's page; those who keep the plans also get the form for contributions. */
export function SteeringPageView(
  p: Shared & {
    view: SteeringView;
    funders: { id: string; name: string }[] | null;
    notice: boolean;
    form: PostedForm;
    csrfToken: string;
    m: Messages;
  },
) {
  const { view, lang, t } = p;
  return (
    <>
      <h1>{t.steeringTitle}</h1>
      <p class="font-lead">{t.steeringLead}</p>
      {p.notice && <Alert variant="success">{t.contributionNotice}</Alert>}
      <PerYear view={view} lang={lang} t={t} />
      <h2>{t.contributionsHeading}</h2>
      <Contributions view={view} lang={lang} t={t} />
      <PlanBudget view={view} lang={lang} t={t} />
      {p.funders && (
        <ContributionForm
          funders={p.funders}
          form={p.form}
          csrfToken={p.csrfToken}
          m={p.m}
          lang={lang}
          t={t}
        />
      )}
    </>
  );
}
