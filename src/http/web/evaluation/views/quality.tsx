import { activityRuleMet } from '../../../../domain/evaluation/activity-rule.ts';
import type { DataQualityThresholds } from '../../../../domain/evaluation/config.ts';
import type { QualityFlag, QualityRow } from '../../../../domain/evaluation/quality.ts';
import { qualityFlags } from '../../../../domain/evaluation/quality.ts';
import type { DataQualityView } from '../../../../domain/evaluation/queries.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, type PageKey } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { BREAKS_RULE } from '../../reporting/views/activity-list.tsx';
import type { EvaluationMessages } from '../messages.ts';
import { formatFigure } from './format.ts';

function flagText(f: QualityFlag, t: EvaluationMessages, lang: Lang): string {
  const q = t.quality.flag;
  const share = (n: number) => t.pct(n, lang).replace(/^\+/, '');
  switch (f.kind) {
    case 'no_activities':
      return q.no_activities;
    case 'not_submitted':
      return q.not_submitted(t.statuses[f.status]);
    case 'outlier':
      return q.outlier(
        t.keys[f.outlier.key],
        formatFigure(f.outlier.previous, lang),
        formatFigure(f.outlier.current, lang),
        t.pct(f.outlier.change, lang),
      );
    case 'missing_municipality':
      return q.missing_municipality(share(f.share));
    case 'missing_industry':
      return q.missing_industry(share(f.share));
    case 'activity_rule':
      return q.activity_rule(share(f.share));
  }
}

/** The activity-rule measure of a row: its breaches and share, and whether the threshold is met. */
function ActivityRuleCell({
  r,
  thresholds,
  lang,
  t,
}: {
  r: QualityRow;
  thresholds: DataQualityThresholds;
  lang: Lang;
  t: EvaluationMessages;
}) {
  const met = activityRuleMet(r.ruleBreachShare, thresholds);
  if (met === null) return <td>–</td>;
  return (
    <td>
      {formatNumber(r.ruleBreaches, lang)} ({t.pct(r.ruleBreachShare ?? 0, lang).replace(/^\+/, '')}){' '}
      <span class={met ? 'badge badge-success' : 'badge badge-warning'}>
        {met ? t.quality.ruleMet : t.quality.ruleNotMet}
      </span>
    </td>
  );
}

/** Per cluster, the activities that break the activity rule (the first of them when there are many). */
function RuleBreaches({
  rows,
  t,
  lang,
  page,
}: {
  rows: QualityRow[];
  t: EvaluationMessages;
  lang: Lang;
  page: PageKey;
}) {
  const withBreaches = rows.filter((r) => r.ruleBreaches > 0);
  return (
    <section aria-labelledby="rule-breaches">
      <h2 id="rule-breaches">{t.quality.breachesTitle}</h2>
      <p>{t.quality.breachesLead}</p>
      {withBreaches.length === 0 && <p>{t.quality.noBreaches}</p>}
      {withBreaches.map((r) => (
        <>
          <h3>{r.name}</h3>
          <ScrollingTable label={t.quality.breachesCaption(r.name, r.year, r.ruleBreaches)}>
            <table class="table table--compact">
              <caption>{t.quality.breachesCaption(r.name, r.year, r.ruleBreaches)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.quality.reference}</th>
                  <th scope="col">{t.quality.activityTitle}</th>
                  <th scope="col">{t.quality.participants}</th>
                  <th scope="col">{t.quality.companyParticipants}</th>
                </tr>
              </thead>
              <tbody>
                {r.listedBreaches.map((b) => (
                  <tr>
                    <td>{b.activityRef}</td>
                    <th scope="row">{b.title}</th>
                    <td>{formatNumber(b.participants, lang)}</td>
                    <td>{formatNumber(b.companies, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
          {r.ruleBreaches > r.listedBreaches.length && (
            <p>{t.quality.moreBreaches(r.ruleBreaches - r.listedBreaches.length)}</p>
          )}
          {page === 'dataQuality' && (
            <p>
              <a
                href={href('activities', lang, {
                  year: String(r.year),
                  cluster: r.clusterId,
                  rule: BREAKS_RULE,
                })}
              >
                {t.quality.breachesLink(r.name)}
              </a>
            </p>
          )}
        </>
      ))}
    </section>
  );
}

function ShareCell({
  n,
  share,
  lang,
  t,
}: {
  n: number;
  share: number | null;
  lang: Lang;
  t: EvaluationMessages;
}) {
  return (
    <td>{share === null ? '–' : `${formatNumber(n, lang)} (${t.pct(share, lang).replace(/^\+/, '')})`}</td>
  );
}

function QualityTable({
  rows,
  year,
  t,
  lang,
  thresholds,
}: {
  rows: QualityRow[];
  year: number;
  t: EvaluationMessages;
  lang: Lang;
  thresholds: DataQualityThresholds;
}) {
  return (
    <ScrollingTable label={t.quality.caption(year)}>
      <table class="table table--compact">
        <caption>{t.quality.caption(year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.quality.activities}</th>
            <th scope="col">{t.quality.status}</th>
            <th scope="col">{t.quality.companies}</th>
            <th scope="col">{t.quality.withoutMunicipality}</th>
            <th scope="col">{t.quality.withoutIndustry}</th>
            <th scope="col">{t.quality.activityRule}</th>
            <th scope="col">{t.quality.flags}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const flags = qualityFlags(r, thresholds);
            return (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{formatNumber(r.activities, lang)}</td>
                <td>{t.statuses[r.periodStatus]}</td>
                <td>{formatNumber(r.companies, lang)}</td>
                <ShareCell n={r.withoutMunicipality} share={r.withoutMunicipalityShare} lang={lang} t={t} />
                <ShareCell n={r.withoutIndustry} share={r.withoutIndustryShare} lang={lang} t={t} />
                <ActivityRuleCell r={r} thresholds={thresholds} lang={lang} t={t} />
                <td>
                  {flags.length === 0 ? (
                    t.quality.ok
                  ) : (
                    <ul class="quality-flags">
                      {flags.map((f) => (
                        <li>
                          <strong>{t.quality.flags}:</strong> {flagText(f, t, lang)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** A year's data quality for the clusters the caller may check, with the year to choose. */
export function DataQualityPageView({
  view,
  page,
  t,
  lang,
}: {
  view: DataQualityView;
  page: PageKey;
  t: EvaluationMessages;
  lang: Lang;
}) {
  const { year, thresholds } = view;
  return (
    <>
      <h1>{t.quality.title}</h1>
      <p class="font-lead">{t.quality.lead}</p>
      {year === undefined ? (
        <p>{t.noYears}</p>
      ) : (
        <>
          <form method="get" action={href(page, lang)}>
            <SelectField
              name="aar"
              label={t.year}
              value={String(year)}
              options={view.yearChoices.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <button type="submit" class="button button-secondary">
              {t.show}
            </button>
          </form>
          <p>{t.quality.thresholds(thresholds.outlierChangePercent, thresholds.missingSharePercent)}</p>
          <p>{t.quality.ruleThreshold(thresholds.activityRuleSharePercent)}</p>
          {view.rows.length === 0 ? (
            <p>{t.quality.noClusters}</p>
          ) : (
            <>
              <QualityTable rows={view.rows} year={year} t={t} lang={lang} thresholds={thresholds} />
              <RuleBreaches rows={view.rows} t={t} lang={lang} page={page} />
            </>
          )}
        </>
      )}
    </>
  );
}
