import { href } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { basisMessages } from '../basis.messages.ts';
import { performanceExportHref } from '../exports.tsx';
import type { View } from './figures.tsx';

/** The query that asks a results page or a download for the preliminary figures. */
export const PRELIMINARY_QUERY = { name: 'foreloebige', value: '1' } as const;

/**
 * Which figures the page shows: preliminary ones always under a warning, with the way back to the
 * official ones; official ones with a link to the preliminary ones for whoever may see them.
 */
export function BasisNotice({
  v,
  preliminary,
  mayViewPreliminary,
  link,
}: {
  v: View;
  preliminary: boolean;
  mayViewPreliminary: boolean;
  /** The same page on the other basis. */
  link: (preliminary: boolean) => string;
}) {
  const b = basisMessages(v.lang);
  if (preliminary)
    return (
      <Alert variant="warning" heading={b.preliminaryHeading}>
        {b.preliminary} <a href={link(false)}>{b.showOfficial}</a>
      </Alert>
    );
  return (
    <p class="results-basis">
      {b.official}
      {mayViewPreliminary && (
        <>
          {' '}
          <a href={link(true)}>{b.showPreliminary}</a>
        </>
      )}
    </p>
  );
}

/** Links to the account of each year with activities, and to the comparison of two years. */
export function YearNav({
  v,
  years,
  current,
  link,
}: {
  v: View;
  years: number[];
  current: number;
  link: (y: number) => string;
}) {
  return (
    <nav aria-label={v.t.yearsNav}>
      <ul class="results-years">
        {years.map((y) => (
          <li>
            <a href={link(y)} aria-current={y === current ? 'page' : undefined}>
              {y}
            </a>
          </li>
        ))}
        <li>
          <a href={href('resultsCompare', v.lang)}>{v.t.compareLink}</a>
        </li>
      </ul>
    </nav>
  );
}

/** The same account as files: spreadsheet, printable PDF, CSV and the JSON of the API, on the page's basis. */
export function Exports({
  v,
  year,
  cluster,
  preliminary,
}: {
  v: View;
  year: number;
  cluster?: string;
  preliminary: boolean;
}) {
  const formats = ['xlsx', 'pdf', 'csv'] as const;
  const json = new URLSearchParams({ year: String(year) });
  if (cluster) json.set('cluster', cluster);
  if (preliminary) json.set('preliminary', 'true');
  return (
    <section aria-labelledby="exports-heading" class="results-exports">
      <h2 id="exports-heading">{v.t.exports.heading}</h2>
      <ul>
        {formats.map((format) => (
          <li>
            <a href={performanceExportHref(v.lang, year, format, cluster, preliminary)} download>
              {v.t.exports[format]}
            </a>
          </li>
        ))}
        {!cluster && (
          <li>
            <a href={performanceExportHref(v.lang, year, 'xlsx', 'all', preliminary)} download>
              {v.t.exports.xlsxAll}
            </a>
          </li>
        )}
        <li>
          <a href={`/api/v1/performance?${json}`}>{v.t.exports.json}</a>
        </li>
      </ul>
    </section>
  );
}
