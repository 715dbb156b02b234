import type { Hono } from 'hono';
import { notFound } from '../../../domain/errors.ts';
import { accountYears } from '../../../domain/performance/queries.ts';
import { clusterResults, yearComparison, yearResults } from '../../../domain/performance/results.ts';
import { isValidCvr } from '../../../domain/reference/identifiers.ts';
import { companyEffectSummary } from '../../../domain/surveys/effect-survey.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { resultsMessages } from './messages.ts';
import { ClusterPage } from './views/cluster-page.tsx';
import { ComparePage } from './views/compare-page.tsx';
import { PRELIMINARY_QUERY } from './views/links.tsx';
import { YearPage } from './views/year-page.tsx';

/** A four-digit year in the path; anything else is no page (404). */
function yearParam(c: AppContext): number {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) throw notFound('performance account year');
  return Number(raw);
}

/** A year in the query: undefined when left out, NaN (no year with activities) when malformed. */
function yearQuery(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  return /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Whether the page is asked for its preliminary figures (?foreloebige=1): the domain says who may. */
const asksPreliminary = (c: AppContext) => c.req.query(PRELIMINARY_QUERY.name) === PRELIMINARY_QUERY.value;

export function registerResultsPages(app: Hono<AppEnv>): void {
  // The newest year's account is the results page.
  onPage(app, 'GET', 'results', async (c) => {
    const latest = (await accountYears(c.get('deps').db)).at(-1);
    const t = resultsMessages(c.get('lang'));
    if (latest === undefined)
      return renderPage(c, t.title, () => (
        <>
          <h1>{t.title}</h1>
          <p>{t.noData}</p>
        </>
      ));
    return c.redirect(pageHref('resultsYear', c.get('lang'), { year: String(latest) }), 302);
  });

  onPage(app, 'GET', 'resultsCompare', async (c) => {
    const comparison = await yearComparison(c.get('deps').db, {
      from: yearQuery(c.req.query('fra')),
      to: yearQuery(c.req.query('til')),
    });
    const t = resultsMessages(c.get('lang'));
    return renderPage(
      c,
      t.compare.title,
      ({ lang }) => <ComparePage v={{ t, lang }} comparison={comparison} />,
      comparison.accounts ? 200 : 400,
    );
  });

  onPage(app, 'GET', 'resultsYear', async (c) => {
    const year = yearParam(c);
    const [results, companyEffects] = await Promise.all([
      yearResults(c.get('deps').db, c.get('user'), year, { preliminary: asksPreliminary(c) }),
      companyEffectSummary(c.get('deps').db, year),
    ]);
    const t = resultsMessages(c.get('lang'));
    return renderPage(c, t.yearTitle(results.account.year), ({ lang }) => (
      <YearPage v={{ t, lang }} results={results} companyEffects={companyEffects} />
    ));
  });

  onPage(app, 'GET', 'resultsCluster', async (c) => {
    const cvr = c.req.param('cvr') ?? '';
    if (!isValidCvr(cvr)) throw notFound('cluster');
    const results = await clusterResults(c.get('deps').db, c.get('user'), cvr, yearParam(c), {
      preliminary: asksPreliminary(c),
    });
    const t = resultsMessages(c.get('lang'));
    return renderPage(c, t.clusterTitle(results.cluster.name, results.account.year), ({ lang }) => (
      <ClusterPage v={{ t, lang }} results={results} />
    ));
  });
}
