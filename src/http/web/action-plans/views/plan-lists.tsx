/** The two lists of plans: the cluster's own years, and the funders' clusters of a year. */
import type { PlansOverview } from '../../../../domain/action-plans/overview.ts';
import type { ClusterPlanYears } from '../../../../domain/action-plans/plans.ts';
import { formatDateTime, messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ActionPlanMessages } from '../messages.ts';
import { StatusBadge } from './plan-status.tsx';

/** One cluster's plan years; a follow-up link for the years that have begun. */
export function ClusterPlanYearsTable(p: {
  own: ClusterPlanYears;
  currentYear: number;
  t: ActionPlanMessages;
  lang: Lang;
}) {
  const { own, t, lang } = p;
  const headingId = `plans-${own.cluster.slug}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{own.cluster.name}</h2>
      <ScrollingTable label={messages(lang).tableOf(own.cluster.name)}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.links}</th>
            </tr>
          </thead>
          <tbody>
            {own.years.map(({ year, status }) => {
              const params = { slug: own.cluster.slug, year: String(year) };
              return (
                <tr>
                  <th scope="row">{year}</th>
                  <td>
                    <StatusBadge status={status} t={t} />
                  </td>
                  <td>
                    <a href={pageHref('actionPlan', lang, params)}>{t.open(year)}</a>
                    {year <= p.currentYear && (
                      <>
                        {' · '}
                        <a href={pageHref('actionPlanFollowUp', lang, params)}>{t.followUpLink(year)}</a>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

function YearFilter({ overview, t, lang }: { overview: PlansOverview; t: ActionPlanMessages; lang: Lang }) {
  const { year, years } = overview;
  return (
    <form method="get" action={href('fundingActionPlans', lang)}>
      <div class="form-group">
        <label class="form-label" for="year">
          {t.filterYear}
        </label>
        <select class="form-select" id="year" name="year">
          {(years.includes(year) ? years : [year, ...years]).map((y) => (
            <option value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

function OverviewTable({
  overview,
  t,
  lang,
}: {
  overview: PlansOverview;
  t: ActionPlanMessages;
  lang: Lang;
}) {
  return (
    <ScrollingTable label={t.open(overview.year)}>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.statusLabel}</th>
            <th scope="col">{t.lastChange}</th>
            <th scope="col">{t.links}</th>
          </tr>
        </thead>
        <tbody>
          {overview.clusters.map((r) => {
            const params = { slug: r.slug, year: String(overview.year) };
            return (
              <tr>
                <th scope="row">{r.name}</th>
                <td>
                  <StatusBadge status={r.status} t={t} />
                </td>
                <td>{r.updatedAt ? formatDateTime(r.updatedAt, lang) : t.noValue}</td>
                <td>
                  <a href={pageHref('fundingActionPlan', lang, params)}>
                    {t.viewPlan}
                    <span class="sr-only"> {r.name}</span>
                  </a>
                  {' · '}
                  <a href={pageHref('fundingActionPlanFollowUp', lang, params)}>
                    {t.viewFollowUp}
                    <span class="sr-only"> {r.name}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The funders' overview of a year: a year filter, how many have submitted, the clusters. */
export function OverviewView({
  overview,
  t,
  lang,
}: {
  overview: PlansOverview;
  t: ActionPlanMessages;
  lang: Lang;
}) {
  const { clusters } = overview;
  const submitted = clusters.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return (
    <>
      <h1>{t.overviewTitle}</h1>
      <p class="font-lead">{t.overviewIntro}</p>
      <YearFilter overview={overview} t={t} lang={lang} />
      <h2>{t.open(overview.year)}</h2>
      {clusters.length === 0 ? (
        <p>{t.noClusters}</p>
      ) : (
        <>
          <p>{t.summary(submitted, clusters.length)}</p>
          <OverviewTable overview={overview} t={t} lang={lang} />
        </>
      )}
    </>
  );
}
