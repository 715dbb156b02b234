/** The follow-up: goals against the account, planned against reported activities, and a chart. */
import type { CategoryFollowUp, FollowUp } from '../../../../domain/action-plans/follow-up.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ActionPlanMessages } from '../messages.ts';
import { categoryName, keyName, num, StatusBadge } from './plan-status.tsx';

interface Props {
  f: FollowUp;
  t: ActionPlanMessages;
  lang: Lang;
}

const difference = (d: number | null, t: ActionPlanMessages, lang: Lang) =>
  d === null ? t.noValue : `${d > 0 ? '+' : ''}${num(d, lang)}`;

function GoalsTable({ f, t, lang }: Props) {
  return (
    <ScrollingTable label={t.goalsCaption(f.year)}>
      <table class="table table--compact">
        <caption>{t.goalsCaption(f.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.key}</th>
            <th scope="col">{t.goal}</th>
            <th scope="col">{t.actual}</th>
            <th scope="col">{t.difference}</th>
            <th scope="col">{t.statusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {f.goals.map((g) => (
            <tr>
              <th scope="row">{keyName(g.key, lang)}</th>
              <td class="results-number">{g.goal === null ? t.noValue : num(g.goal, lang)}</td>
              <td class="results-number">{num(g.actual, lang)}</td>
              <td class="results-number">{difference(g.difference, t, lang)}</td>
              <td>{t.goalStatus[g.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function ActivitiesTable({ f, t, lang }: Props) {
  return (
    <ScrollingTable label={t.activitiesCaption(f.year)}>
      <table class="table table--compact">
        <caption>{t.activitiesCaption(f.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.category}</th>
            <th scope="col">{t.plannedCount}</th>
            <th scope="col">{t.reportedCount}</th>
            <th scope="col">{t.difference}</th>
            <th scope="col">{t.budget}</th>
            <th scope="col">{t.reportedGrant}</th>
            <th scope="col">{t.statusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {f.categories.map((x) => (
            <tr>
              <th scope="row">{categoryName(x.category, lang)}</th>
              <td class="results-number">
                {x.plannedCount === null ? t.noValue : num(x.plannedCount, lang)}
              </td>
              <td class="results-number">{num(x.reportedCount, lang)}</td>
              <td class="results-number">{difference(x.difference, t, lang)}</td>
              <td class="results-number">{x.budgetDkk === null ? t.noValue : num(x.budgetDkk, lang)}</td>
              <td class="results-number">{num(x.reportedGrantDkk, lang)}</td>
              <td>{t.activityStatus[x.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** Reported activities as a share of the plan, for the categories with activities planned. */
function PercentOfPlanChart({ f, t, lang }: Props) {
  const planned = f.categories.filter(
    (x): x is CategoryFollowUp & { plannedCount: number } => x.plannedCount !== null && x.plannedCount > 0,
  );
  if (planned.length === 0) return <p>{t.noPlannedActivities}</p>;
  const percent = (x: (typeof planned)[number]) => Math.round((100 * x.reportedCount) / x.plannedCount);
  return (
    <ChartFigure
      id="plan-activities"
      caption={t.chartCaption(f.year)}
      chart={
        <BarChart
          id="plan-activities-chart"
          title={t.chartTitle}
          desc={t.chartDesc(planned.length)}
          bars={planned.map((x) => ({ label: categoryName(x.category, lang), value: percent(x) }))}
          format={(n) => `${formatNumber(Math.round(n), lang)} %`}
        />
      }
      table={{
        head: [t.category, t.plannedCount, t.reportedCount, t.percentOfPlan],
        rows: planned.map((x) => [
          categoryName(x.category, lang),
          num(x.plannedCount, lang),
          num(x.reportedCount, lang),
          `${formatNumber(percent(x), lang)} %`,
        ]),
      }}
    />
  );
}

export function FollowUpView({ f, t, lang, title, backHref }: Props & { title: string; backHref: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p class="font-lead">{t.followUpIntro}</p>
      <p>
        {t.statusLabel}: <StatusBadge status={f.plan.saved ? f.plan.status : null} t={t} />
      </p>
      <h2>{t.goalsHeading}</h2>
      <GoalsTable f={f} t={t} lang={lang} />
      <h2>{t.activitiesHeading}</h2>
      <ActivitiesTable f={f} t={t} lang={lang} />
      <PercentOfPlanChart f={f} t={t} lang={lang} />
      <p>
        <a href={backHref}>{t.backToPlan}</a>
      </p>
    </>
  );
}
