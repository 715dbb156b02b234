import { REGIONS } from '../../../../domain/reference/geography.ts';
import type { QuestionResult, RowResult, SurveyResults } from '../../../../domain/surveys/results.ts';
import { LEAGUES } from '../../../../domain/surveys/schemas.ts';
import { COMPANY_SIZE_BANDS } from '../../../../domain/surveys/statistics.ts';
import { surveyTitle } from '../../../../domain/surveys/store.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { Alert, SelectField } from '../../../views/forms.tsx';
import type { SurveyResultsMessages } from '../results.messages.ts';
import { percent } from './overview.tsx';

export interface ResultsView {
  lang: Lang;
  t: SurveyResultsMessages;
}

const count = (n: number | null, lang: Lang) => (n === null ? '–' : formatNumber(n, lang));
const oneDecimal = (n: number, lang: Lang) => formatNumber(Math.round(n * 10) / 10, lang);

/** The filter of respondent attributes, as a GET form. */
function Filters({ v, results }: { v: ResultsView; results: SurveyResults }) {
  const { t, lang } = v;
  const f = results.filter;
  return (
    <form
      method="get"
      action={pageHref('surveyResults', lang, { id: results.survey.id })}
      class="filter-form"
      aria-label={t.filters}
    >
      <SelectField
        name="region"
        label={t.region}
        placeholder={t.all}
        value={f.region === undefined ? '' : String(f.region)}
        options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'da' ? r.name : r.nameEn }))}
      />
      <SelectField
        name="size"
        label={t.size}
        placeholder={t.all}
        value={f.size ?? ''}
        options={COMPANY_SIZE_BANDS.map((s) => ({ value: s, label: t.sizes[s] }))}
      />
      <SelectField
        name="cluster"
        label={t.cluster}
        placeholder={t.all}
        value={f.cluster ?? ''}
        options={results.clusters.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SelectField
        name="league"
        label={t.league}
        placeholder={t.all}
        value={f.league ?? ''}
        options={LEAGUES.map((l) => ({ value: l, label: t.leagues[l] }))}
      />
      <div class="filter-actions">
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </div>
    </form>
  );
}

/** A choice question (or one matrix row): a bar chart of the shares with the table beside it. */
function ChoiceFigure({ v, q, row, id }: { v: ResultsView; q: QuestionResult; row: RowResult; id: string }) {
  const { t, lang } = v;
  const text = q.question.text[lang];
  const caption = row.label ? `${text}: ${row.label[lang]}` : text;
  return (
    <ChartFigure
      id={id}
      caption={caption}
      chart={
        <BarChart
          id={`${id}-chart`}
          title={caption}
          desc={t.chartDesc(caption)}
          bars={row.choices.map((c) => ({ label: c.label[lang], value: (c.share ?? 0) * 100 }))}
          format={(n) => `${oneDecimal(n, lang)} %`}
        />
      }
      table={{
        head: [t.choice, t.count, t.share],
        rows: row.choices.map((c) => [c.label[lang], count(c.count, lang), percent(c.share, lang)]),
      }}
    />
  );
}

function QuestionSection({ v, q, index }: { v: ResultsView; q: QuestionResult; index: number }) {
  const { t, lang } = v;
  const id = `question-${index}`;
  const head = q.rows[0];
  return (
    <section class="survey-result" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{q.question.text[lang]}</h3>
      <p>{q.answered === null ? t.answeredHidden : t.answered(formatNumber(q.answered, lang))}</p>
      {(q.question.type === 'scale' || q.question.type === 'number') &&
        head?.mean !== null &&
        head?.mean !== undefined && <p>{t.mean(oneDecimal(head.mean, lang))}</p>}
      {q.question.type === 'matrix'
        ? q.rows.map((row, i) => <ChoiceFigure v={v} q={q} row={row} id={`${id}-row-${i}`} />)
        : head && head.choices.length > 0 && <ChoiceFigure v={v} q={q} row={head} id={id} />}
      {q.question.type === 'text' &&
        (q.texts === null ? (
          <p>{t.textsHidden}</p>
        ) : (
          q.texts.length > 0 && (
            <details class="survey-texts">
              <summary>{t.texts(q.texts.length)}</summary>
              <ul>
                {q.texts.map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            </details>
          )
        ))}
    </section>
  );
}

export function ResultsPage({ v, results }: { v: ResultsView; results: SurveyResults }) {
  const { t, lang } = v;
  const { participation: p, survey } = results;
  const query = Object.fromEntries(
    Object.entries(results.filter).map(([k, value]) => [k, value === undefined ? undefined : String(value)]),
  );
  return (
    <>
      <h1>{t.title(surveyTitle(survey, lang))}</h1>
      <Filters v={v} results={results} />
      <p class="font-lead">
        {t.participation(
          count(p.responded, lang),
          formatNumber(p.invited, lang),
          percent(p.responseRate, lang),
        )}
      </p>
      {p.margin !== null && <p>{t.margin(oneDecimal(p.margin * 100, lang))}</p>}
      {results.hidesSmallCells && <p>{t.suppressed}</p>}
      {results.respondents === null ? (
        <Alert variant="info">{t.tooFew}</Alert>
      ) : results.respondents === 0 ? (
        <p>{t.noResponses}</p>
      ) : (
        results.questions.map((q, i) => <QuestionSection v={v} q={q} index={i} />)
      )}
      <h2>{t.downloads}</h2>
      <ul>
        <li>
          <a href={pageHref('surveyResultsCsv', lang, { id: survey.id }, query)}>{t.csv}</a>
        </li>
        <li>
          <a href={pageHref('surveyResultsXlsx', lang, { id: survey.id }, query)}>{t.xlsx}</a>
        </li>
        {results.mayReadRawData && (
          <li>
            <a href={pageHref('surveyRawData', lang, { id: survey.id })}>{t.raw}</a>
          </li>
        )}
      </ul>
      <p class="mt-7">
        {results.mayReadRawData && (
          <>
            <a href={pageHref('survey', lang, { id: survey.id })}>{t.back}</a>
            {' · '}
          </>
        )}
        <a href={href('surveys', lang)}>{t.toList}</a>
      </p>
    </>
  );
}
