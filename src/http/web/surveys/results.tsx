/**
 * A survey's results for whoever may read them (the domain hides small cells for anyone but its
 * managers), with filters by respondent attributes, and their downloads: CSV and XLSX of the
 * results, and the raw data (CSV) for the survey's managers only.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Hono } from 'hono';
import { rawResponses } from '../../../domain/surveys/raw-data.ts';
import { surveyResults } from '../../../domain/surveys/results.ts';
import { resultsFilterInput } from '../../../domain/surveys/schemas.ts';
import { surveyTitle } from '../../../domain/surveys/store.ts';
import { rawDataCsv, surveyResultsCsv, writeSurveyResultsXlsx } from '../../../reports/survey-results.ts';
import { XLSX_TYPE } from '../../../reports/xlsx.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { surveyResultsMessages } from './results.messages.ts';
import { ResultsPage } from './views/results.tsx';

const idOf = (c: AppContext) => c.req.param('id') ?? '';

/** The results for the request's reader and filter; a visitor sees only public results. */
function resultsOf(c: AppContext) {
  return surveyResults(c.get('deps').db, c.get('user'), idOf(c), resultsFilterInput.parse(c.req.query()));
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const attachment = (c: AppContext, name: string) =>
  c.header('Content-Disposition', `attachment; filename="${name}"`);

export function registerResultPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'surveyResults', async (c) => {
    const results = await resultsOf(c);
    const lang = c.get('lang');
    const t = surveyResultsMessages(lang);
    return renderPage(c, t.title(surveyTitle(results.survey, lang)), () => (
      <ResultsPage v={{ lang, t }} results={results} />
    ));
  });

  onPage(app, 'GET', 'surveyResultsCsv', async (c) => {
    const results = await resultsOf(c);
    attachment(c, 'resultater.csv');
    return c.body(`\uFEFF${surveyResultsCsv(results, c.get('lang'))}`, 200, { 'Content-Type': CSV_TYPE });
  });

  onPage(app, 'GET', 'surveyResultsXlsx', async (c) => {
    const results = await resultsOf(c);
    const out = new PassThrough();
    writeSurveyResultsXlsx(results, c.get('lang'), out, c.get('deps').clock()).catch((err: unknown) =>
      out.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    attachment(c, 'resultater.xlsx');
    return c.body(Readable.toWeb(out) as ReadableStream, 200, { 'Content-Type': XLSX_TYPE });
  });

  onPage(app, 'GET', 'surveyRawData', async (c) => {
    const raw = await rawResponses(c.get('deps').db, callerOf(c), idOf(c));
    attachment(c, 'svar.csv');
    return c.body(`\uFEFF${rawDataCsv(raw, c.get('lang'))}`, 200, { 'Content-Type': CSV_TYPE });
  });
}
