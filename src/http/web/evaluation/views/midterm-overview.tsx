import type { FundingPeriod } from '../../../../domain/evaluation/midterm.ts';
import { type EvaluationOverviewView, periodKey } from '../../../../domain/evaluation/queries.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { EvaluationMessages } from '../messages.ts';
import { FlagList, ruleText } from './flags.tsx';

type Shared = { t: EvaluationMessages; lang: Lang };

function PeriodFilter({
  t,
  lang,
  periods,
  period,
}: Shared & { periods: FundingPeriod[]; period: FundingPeriod }) {
  return (
    <form method="get" action={href('evaluations', lang)}>
      <SelectField
        name="periode"
        label={t.evaluation.period}
        value={periodKey(period)}
        options={periods.map((p) => ({ value: periodKey(p), label: `${p.from}–${p.to}` }))}
      />
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

function OverviewTable({
  view,
  period,
  t,
  lang,
}: Shared & { view: EvaluationOverviewView; period: FundingPeriod }) {
  return (
    <ScrollingTable label={`${t.evaluation.title} ${period.from}–${period.to}`}>
      <table class="table table--compact">
        <caption>
          {t.evaluation.title} {period.from}–{period.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.league}</th>
            <th scope="col">{t.evaluation.reported}</th>
            <th scope="col">{t.evaluation.flags}</th>
            <th scope="col">{t.evaluation.conclusion}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={pageHref('evaluation', lang, { slug: r.slug }, { periode: periodKey(period) })}>
                  {r.name}
                </a>
              </th>
              <td>{t.leagues[r.league]}</td>
              <td>{r.span ? `${r.span.first}–${r.span.last}` : t.none}</td>
              <td>
                <FlagList flags={r.flags} t={t} lang={lang} />
              </td>
              <td>
                {r.latest
                  ? `${t.conclusions[r.latest.conclusion]} (${formatDateTime(r.latest.decidedAt, lang)})`
                  : t.evaluation.undecided}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** Every cluster of the period the funder may see, with its flags and standing conclusion. */
export function MidtermOverviewView({ view, t, lang }: Shared & { view: EvaluationOverviewView }) {
  const { period } = view;
  return (
    <>
      <h1>{t.evaluation.title}</h1>
      <p class="font-lead">{t.evaluation.lead}</p>
      {period && <PeriodFilter t={t} lang={lang} periods={view.periods} period={period} />}
      {view.rows.length === 0 || !period ? (
        <p>{t.evaluation.noClusters}</p>
      ) : (
        <OverviewTable view={view} period={period} t={t} lang={lang} />
      )}
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t.evaluation.rulesHeading}</h2>
        <ul>
          {view.rules.map((r) => (
            <li>{ruleText(r, t)}</li>
          ))}
        </ul>
        <p>
          <a href={href('evaluationRules', lang)}>{view.mayConfigure ? t.rules.edit : t.rules.title}</a>
        </p>
      </section>
    </>
  );
}
