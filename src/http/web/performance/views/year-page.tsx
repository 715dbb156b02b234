import type { PerformanceAccount } from '../../../../domain/performance/account.ts';
import type { YearResults } from '../../../../domain/performance/results.ts';
import type { CompanyEffectSummary } from '../../../../domain/surveys/effect-survey.ts';
import type { TargetSet } from '../../../../domain/targets/queries.ts';
import { href, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import { CompanyEffectSection } from '../../surveys/views/effect-section.tsx';
import { basisMessages } from '../basis.messages.ts';
import {
  FiguresTable,
  num,
  RegionalDistribution,
  SmallCompanies,
  TargetsTable,
  Trends,
  type View,
} from './figures.tsx';
import { BasisNotice, Exports, PRELIMINARY_QUERY, YearNav } from './links.tsx';
import { ReferralSupportSection } from './referral-support.tsx';
import { SplitFigures } from './split-figures.tsx';

function TargetsSection({
  v,
  set,
  account,
  mayManage,
}: {
  v: View;
  set: TargetSet | null;
  account: PerformanceAccount;
  mayManage: boolean;
}) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t.targets.heading}</h2>
      {set ? (
        <>
          <p>
            {t.targets.set(lang === 'da' ? set.nameDa : set.nameEn, set.periodFrom, set.periodTo)}{' '}
            {basisMessages(lang).targetsOn(account.preliminary)}
          </p>
          <TargetsTable v={v} set={set} account={account} />
        </>
      ) : (
        <p>{t.targets.none}</p>
      )}
      {mayManage && (
        <p>
          <a href={href('targets', lang)}>{t.targets.manage}</a>
        </p>
      )}
    </section>
  );
}

/** The clusters that reported in the year, each linking to its own account. */
function ClustersSection({
  v,
  year,
  clusters,
  preliminary,
}: {
  v: View;
  year: number;
  clusters: YearResults['clusters'];
  preliminary: boolean;
}) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading">{t.clusters.heading}</h2>
      <p>{t.clusters.intro}</p>
      <ScrollingTable label={t.clusters.caption(year)}>
        <table class="table table--compact results-clusters">
          <caption>{t.clusters.caption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.clusters.cluster}</th>
              <th scope="col">{t.clusters.activities}</th>
            </tr>
          </thead>
          <tbody>
            {clusters.map((cl) => (
              <tr>
                <th scope="row">
                  <a
                    href={pageHref(
                      'resultsCluster',
                      lang,
                      { year: String(year), cvr: cl.cvr },
                      query(preliminary),
                    )}
                  >
                    {cl.name}
                  </a>
                </th>
                <td class="results-number">{num(cl.activities, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

/** The query of a link that keeps the page's basis. */
export const query = (preliminary: boolean) =>
  preliminary ? { [PRELIMINARY_QUERY.name]: PRELIMINARY_QUERY.value } : undefined;

/**
 * The national account of a year: targets, key figures, small companies, regions, splits, the
 * company effect survey that asks about the year (when there is one), trends, clusters.
 */
export function YearPage({
  v,
  results,
  companyEffects,
}: {
  v: View;
  results: YearResults;
  companyEffects: CompanyEffectSummary | null;
}) {
  const { t, lang } = v;
  const { account, years } = results;
  const preliminary = account.preliminary;
  const yearLink = (y: number, p: boolean) => pageHref('resultsYear', lang, { year: String(y) }, query(p));
  return (
    <>
      <h1>{t.yearTitle(account.year)}</h1>
      <p class="font-lead">{t.lead}</p>
      <BasisNotice
        v={v}
        preliminary={preliminary}
        mayViewPreliminary={results.mayViewPreliminary}
        link={(p) => yearLink(account.year, p)}
      />
      <YearNav v={v} years={years} current={account.year} link={(y) => yearLink(y, preliminary)} />
      <TargetsSection v={v} set={results.targetSet} account={account} mayManage={results.mayManageTargets} />
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t.figures.heading}</h2>
        <FiguresTable v={v} account={account} />
      </section>
      <SmallCompanies v={v} account={account} />
      <RegionalDistribution v={v} account={account} />
      <SplitFigures v={v} account={account} />
      {companyEffects && <CompanyEffectSection summary={companyEffects} lang={lang} />}
      <Trends v={v} accounts={results.accounts} set={results.targetSet} />
      <ReferralSupportSection v={v} referrals={results.referrals} />
      <ClustersSection v={v} year={account.year} clusters={results.clusters} preliminary={preliminary} />
      <Exports v={v} year={account.year} preliminary={preliminary} />
    </>
  );
}
