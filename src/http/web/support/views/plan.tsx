import type { Plan, PlannedService, PlanYear } from '../../../../domain/support/plan.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatAmount, formatNumber, formatOneDecimal } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { Alert, ErrorSummary, type PostedForm, TextAreaField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { PlanMessages } from '../plan-messages.ts';

type Shared = { lang: Lang; t: PlanMessages };

export const titleOf = (s: Pick<PlannedService, 'titleDa' | 'titleEn'>, lang: Lang) =>
  lang === 'en' ? s.titleEn : s.titleDa;

const percent = (share: number | null, lang: Lang) =>
  share === null ? '–' : `${formatOneDecimal(share * 100, lang)} %`;

export function decisionText(s: PlannedService, t: PlanMessages): string {
  return s.runs === null ? t.undecided : s.runs ? t.runs : t.notRun;
}

/** The demand per service as bars (interested cluster organisations), with its numbers as a table. */
export function DemandChart({ plan, lang, t }: Shared & { plan: Plan }) {
  const n = (v: number) => formatNumber(v, lang);
  return (
    <ChartFigure
      id="plan-demand"
      caption={t.demandCaption}
      chart={
        <BarChart
          id="plan-demand-chart"
          title={t.demandCaption}
          desc={t.demandChartDesc}
          bars={plan.services.map((s) => ({ label: titleOf(s, lang), value: s.interestedClusters }))}
          format={n}
        />
      }
      table={{
        head: [t.service, t.respondents, t.interestMean, t.interestedShare, t.interestedClusters],
        rows: plan.services.map((s) => [
          titleOf(s, lang),
          n(s.respondents),
          s.interestMean === null ? t.noAnswer : formatOneDecimal(s.interestMean, lang),
          percent(s.interestedShare, lang),
          n(s.interestedClusters),
        ]),
      }}
    />
  );
}

/** A published plan, for everybody: demand and the decision per service, without the budget. */
export function PublicPlanView({ plan, lang, t }: Shared & { plan: Plan }) {
  return (
    <>
      <h1>{t.publicTitle(plan.year)}</h1>
      <p class="font-lead">{t.publicLead(plan.year)}</p>
      <DemandChart plan={plan} lang={lang} t={t} />
      <h2>{t.decision}</h2>
      <ScrollingTable label={t.decision}>
        <table class="table table--compact">
          <caption class="sr-only">{t.decision}</caption>
          <thead>
            <tr>
              <th scope="col">{t.service}</th>
              <th scope="col">{t.decision}</th>
              <th scope="col">{t.plannedCourses}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {plan.services.map((s) => (
              <tr>
                <th scope="row">
                  <a href={pageHref('service', lang, { slug: s.slug })}>{titleOf(s, lang)}</a>
                </th>
                <td>{decisionText(s, t)}</td>
                <td>{formatNumber(s.plannedCourses, lang)}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** The published years, linked, for the list of services. */
export function PlanLinks({ years, lang, t }: Shared & { years: PlanYear[] }) {
  if (years.length === 0) return null;
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t.plansHeading}</h2>
      <ul>
        {years.map((y) => (
          <li>
            <a href={pageHref('servicePlan', lang, { year: String(y.year) })}>{t.planLink(y.year)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every year's plan, and the form that starts a new year. */
export function PlanYearsView(
  p: Shared & { years: PlanYear[]; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { lang, t, form } = p;
  const value = (k: string) => (typeof form.values[k] === 'string' ? (form.values[k] as string) : '');
  return (
    <>
      <h1>{t.manageTitle}</h1>
      <p class="font-lead">{t.manageLead}</p>
      {p.years.length === 0 ? (
        <p>{t.noPlans}</p>
      ) : (
        <ul>
          {p.years.map((y) => (
            <li>
              <a href={pageHref('supportPlan', lang, { year: String(y.year) })}>{t.planTitle(y.year)}</a>
              {` (${y.publishedAt ? t.published : t.draft})`}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.startHeading}</h2>
      <p>{t.startHint}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('supportPlans', lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField name="year" label={t.year} value={value('year')} error={form.errors.year} />
        <TextField
          name="threshold"
          label={t.threshold}
          hint={t.thresholdHint}
          value={value('threshold')}
          error={form.errors.threshold}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t.closesOn}
          value={value('closesOn')}
          error={form.errors.closesOn}
        />
        <button type="submit" class="button button-primary">
          {t.start}
        </button>
      </form>
    </>
  );
}

function ManagedServiceRows({ plan, lang, t }: Shared & { plan: Plan }) {
  const year = String(plan.year);
  return (
    <ScrollingTable label={t.decision}>
      <table class="table table--compact">
        <caption class="sr-only">{t.decision}</caption>
        <thead>
          <tr>
            <th scope="col">{t.service}</th>
            <th scope="col">{t.interestedClusters}</th>
            <th scope="col">{t.wanted}</th>
            <th scope="col">{t.decision}</th>
            <th scope="col">{t.plannedCourses}</th>
            <th scope="col">{t.budget}</th>
            {!plan.publishedAt && <th scope="col">{t.decideLink}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.services.map((s) => (
            <tr>
              <th scope="row">{titleOf(s, lang)}</th>
              <td>{formatNumber(s.interestedClusters, lang)}</td>
              <td>{s.wanted ? t.yes : t.no}</td>
              <td>{decisionText(s, t)}</td>
              <td>{formatNumber(s.plannedCourses, lang)}</td>
              <td>{formatAmount(s.budgetDkk, lang)}</td>
              {!plan.publishedAt && (
                <td>
                  <a
                    href={pageHref('supportPlanDecision', lang, { year, id: s.serviceId })}
                    aria-label={t.decide(titleOf(s, lang))}
                  >
                    {t.decideLink}
                  </a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** A year's plan as its keepers see it: the survey, the threshold, the demand and the decisions. */
export function ManagedPlanView(
  p: Shared & { plan: Plan; notice: string | null; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { plan, lang, t, form } = p;
  const year = String(plan.year);
  const threshold =
    typeof form.values.threshold === 'string' ? form.values.threshold : String(plan.demandThreshold);
  return (
    <>
      <h1>{t.planTitle(plan.year)}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <ErrorSummary m={p.m} errors={form.errors} />
      <p>
        {t.status}: {plan.publishedAt ? t.published : t.draft}
      </p>
      <h2>{t.needsSurvey}</h2>
      <ul>
        <li>
          <a href={pageHref('survey', lang, { id: plan.needsSurveyId })}>{t.surveyLinks}</a>
        </li>
        <li>
          <a href={pageHref('surveyResults', lang, { id: plan.needsSurveyId })}>{t.results}</a>
        </li>
      </ul>
      {!plan.publishedAt && (
        <form method="post" action={pageHref('supportPlanThreshold', lang, { year })} novalidate>
          <CsrfField token={p.csrfToken} />
          <TextField
            name="threshold"
            label={t.threshold}
            hint={t.thresholdHint}
            value={threshold}
            error={form.errors.threshold}
          />
          <button type="submit" class="button button-secondary">
            {t.saveThreshold}
          </button>
        </form>
      )}
      <DemandChart plan={plan} lang={lang} t={t} />
      <h2>{t.decision}</h2>
      <ManagedServiceRows plan={plan} lang={lang} t={t} />
      {plan.publishedAt ? (
        <p>
          <a href={pageHref('servicePlan', lang, { year })}>{t.publicPage}</a>
        </p>
      ) : (
        <form method="post" action={pageHref('supportPlanPublish', lang, { year })} id="plan">
          <CsrfField token={p.csrfToken} />
          <p>{t.publishHint}</p>
          <button type="submit" class="button button-primary">
            {t.publish}
          </button>
        </form>
      )}
    </>
  );
}

/** The decision about one service of the plan. */
export function DecisionFormView(
  p: Shared & {
    year: number;
    service: PlannedService;
    form: PostedForm;
    csrfToken: string;
    m: Messages;
  },
) {
  const { lang, t, form, service } = p;
  const value = (k: string) => (typeof form.values[k] === 'string' ? (form.values[k] as string) : '');
  return (
    <>
      <h1>{t.decisionTitle(titleOf(service, lang), p.year)}</h1>
      <p>
        {t.interestedClusters}: {formatNumber(service.interestedClusters, lang)} · {t.wanted}:{' '}
        {service.wanted ? t.yes : t.no}
      </p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form
        method="post"
        action={pageHref('supportPlanDecision', lang, { year: String(p.year), id: service.serviceId })}
        novalidate
      >
        <CsrfField token={p.csrfToken} />
        <fieldset class={form.errors.runs ? 'form-group form-error' : 'form-group'} id="runs">
          <legend class="form-label">{t.runsQuestion}</legend>
          {form.errors.runs && <span class="form-error-message">{form.errors.runs}</span>}
          <ul class="nobullet-list">
            {(['yes', 'no'] as const).map((v) => (
              <li class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id={`runs-${v}`}
                  name="runs"
                  value={v}
                  checked={value('runs') === v}
                />
                <label for={`runs-${v}`}>{v === 'yes' ? t.runsYes : t.runsNo}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextAreaField name="reason" label={t.reason} value={value('reason')} error={form.errors.reason} />
        <TextField
          name="plannedCourses"
          label={t.plannedCourses}
          hint={t.coursesHint}
          value={value('plannedCourses')}
          error={form.errors.plannedCourses}
        />
        <TextField
          name="budget"
          label={t.budget}
          hint={t.budgetHint}
          value={value('budget')}
          error={form.errors.budget}
        />
        <button type="submit" class="button button-primary">
          {t.saveDecision}
        </button>
      </form>
    </>
  );
}
