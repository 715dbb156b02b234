import type { ClusterResults } from '../../../../domain/performance/results.ts';
import { pageHref } from '../../../paths.ts';
import { FiguresTable, RegionalDistribution, SmallCompanies, Trends, type View } from './figures.tsx';
import { BasisNotice, Exports, YearNav } from './links.tsx';
import { SplitFigures } from './split-figures.tsx';
import { query } from './year-page.tsx';

/** One cluster's account of a year, by the same definitions as the national one. */
export function ClusterPage({ v, results }: { v: View; results: ClusterResults }) {
  const { t, lang } = v;
  const { cluster, account, years } = results;
  const year = String(account.year);
  const preliminary = account.preliminary;
  const yearLink = (y: number, p: boolean) =>
    pageHref('resultsCluster', lang, { year: String(y), cvr: cluster.cvr }, query(p));
  return (
    <>
      <h1>{t.clusterTitle(cluster.name, account.year)}</h1>
      <p class="font-lead">{t.clusterLead}</p>
      <BasisNotice
        v={v}
        preliminary={preliminary}
        mayViewPreliminary={results.mayViewPreliminary}
        link={(p) => yearLink(account.year, p)}
      />
      <p>
        <a href={pageHref('resultsYear', lang, { year })}>{t.nationalLink}</a> ·{' '}
        <a href={pageHref('cluster', lang, { slug: cluster.slug })}>{cluster.name}</a>
      </p>
      <YearNav v={v} years={years} current={account.year} link={(y) => yearLink(y, preliminary)} />
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t.figures.heading}</h2>
        <FiguresTable v={v} account={account} />
      </section>
      <SmallCompanies v={v} account={account} />
      <RegionalDistribution v={v} account={account} />
      <SplitFigures v={v} account={account} />
      <Trends v={v} accounts={results.accounts} set={null} />
      <Exports v={v} year={account.year} cluster={cluster.cvr} preliminary={preliminary} />
    </>
  );
}
