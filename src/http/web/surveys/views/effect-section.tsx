import {
  type CompanyEffectSummary,
  EFFECT_MEASURES,
  type EffectRow,
} from '../../../../domain/surveys/effect-survey.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { surveyResultsMessages } from '../results.messages.ts';
import { percent } from './overview.tsx';

function EffectTable({ caption, rows, lang }: { caption: string; rows: readonly EffectRow[]; lang: Lang }) {
  const t = surveyResultsMessages(lang).effect;
  return (
    <ScrollingTable label={caption}>
      <table class="table table--compact survey-effects">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            <th scope="col" class="text-align-right">
              {t.respondents}
            </th>
            {EFFECT_MEASURES.map((m) => (
              <th scope="col" class="text-align-right">
                {t.measures[m.key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{lang === 'da' ? r.name : r.nameEn}</th>
              <td class="results-number">
                {r.respondents === null ? '–' : formatNumber(r.respondents, lang)}
              </td>
              {EFFECT_MEASURES.map((m) => (
                <td class="results-number">{percent(r.shares[m.key], lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * The company effect survey next to the performance account: marked as survey-based, with the
 * response rate and margin of error, the national shares as a chart with its table, and the
 * shares by region and by cluster. A dash is a figure from fewer than five answers.
 */
export function CompanyEffectSection({ summary, lang }: { summary: CompanyEffectSummary; lang: Lang }) {
  const all = surveyResultsMessages(lang);
  const t = all.effect;
  const p = summary.participation;
  const title = lang === 'da' ? summary.titleDa : summary.titleEn;
  return (
    <section aria-labelledby="company-effects-heading">
      <h2 id="company-effects-heading">
        {t.heading} <span class="badge">{t.badge}</span>
      </h2>
      <p>{t.intro(title, summary.coversFrom, summary.coversTo)}</p>
      <p>
        {all.participation(
          p.responded === null ? '–' : formatNumber(p.responded, lang),
          formatNumber(p.invited, lang),
          percent(p.responseRate, lang),
        )}{' '}
        {p.margin !== null && all.margin(formatNumber(Math.round(p.margin * 1000) / 10, lang))}{' '}
        {all.suppressed}
      </p>
      <ChartFigure
        id="company-effects"
        caption={t.shareCaption}
        chart={
          <BarChart
            id="company-effects-chart"
            title={t.shareCaption}
            desc={t.shareDesc}
            bars={EFFECT_MEASURES.map((m) => ({
              label: t.measures[m.key],
              value: (summary.national.shares[m.key] ?? 0) * 100,
            }))}
            format={(n) => `${formatNumber(Math.round(n * 10) / 10, lang)} %`}
          />
        }
        table={{
          head: [t.measure, all.share],
          rows: EFFECT_MEASURES.map((m) => [
            t.measures[m.key],
            percent(summary.national.shares[m.key], lang),
          ]),
        }}
      />
      <EffectTable caption={t.regionsCaption} rows={[summary.national, ...summary.regions]} lang={lang} />
      <EffectTable caption={t.clustersCaption} rows={summary.clusters} lang={lang} />
    </section>
  );
}
