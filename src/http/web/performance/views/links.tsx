import { href } from '../../../paths.ts';
import { performanceExportHref } from '../exports.tsx';
import type { View } from './figures.tsx';

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

/** The same account as files: spreadsheet, printable PDF, CSV and the open-data JSON. */
export function Exports({ v, year, cluster }: { v: View; year: number; cluster?: string }) {
  const formats = ['xlsx', 'pdf', 'csv'] as const;
  return (
    <section aria-labelledby="exports-heading" class="results-exports">
      <h2 id="exports-heading">{v.t.exports.heading}</h2>
      <ul>
        {formats.map((format) => (
          <li>
            <a href={performanceExportHref(v.lang, year, format, cluster)} download>
              {v.t.exports[format]}
            </a>
          </li>
        ))}
        {!cluster && (
          <li>
            <a href={performanceExportHref(v.lang, year, 'xlsx', 'all')} download>
              {v.t.exports.xlsxAll}
            </a>
          </li>
        )}
        <li>
          <a href={`/api/v1/performance?year=${year}${cluster ? `&cluster=${cluster}` : ''}`}>
            {v.t.exports.json}
          </a>
        </li>
      </ul>
    </section>
  );
}
