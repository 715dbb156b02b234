import type { Hono } from 'hono';
import { notFound } from '../../../domain/errors.ts';
import {
  type AccountScope,
  type PerformanceAccount,
  performanceAccount,
} from '../../../domain/performance/account.ts';
import { accountYears, clusterByCvr, clustersWithActivities } from '../../../domain/performance/queries.ts';
import { can } from '../../../domain/policy/policy.ts';
import { isValidCvr } from '../../../domain/reference/identifiers.ts';
import { type TargetSet, targetSetForYear } from '../../../domain/targets/queries.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { performanceExportHref } from './exports.tsx';
import { type ResultsMessages, resultsMessages } from './messages.ts';
import {
  FIGURE_KEYS,
  FiguresTable,
  figureText,
  num,
  pct,
  RegionalDistribution,
  SmallCompanies,
  TargetsTable,
  Trends,
  type View,
} from './results-views.tsx';

/** The year in the path, when it is one with activities; else 404. */
function yearOf(c: AppContext, years: number[]): number {
  const raw = c.req.param('year') ?? '';
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!years.includes(year)) throw notFound('performance account year');
  return year;
}

async function accountsFor(
  c: AppContext,
  years: number[],
  scope: AccountScope,
): Promise<PerformanceAccount[]> {
  const { db } = c.get('deps');
  const out: PerformanceAccount[] = [];
  // One at a time: on PGlite queries run one after another anyway.
  for (const year of years) out.push(await performanceAccount(db, year, scope));
  return out;
}

function YearNav({
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

function TargetsSection({
  v,
  set,
  account,
  canManage,
}: {
  v: View;
  set: TargetSet | null;
  account: PerformanceAccount;
  canManage: boolean;
}) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t.targets.heading}</h2>
      {set ? (
        <>
          <p>
            {t.targets.set(lang === 'da' ? set.nameDa : set.nameEn, set.periodFrom, set.periodTo)}
            {(account.year < set.periodFrom || account.year > set.periodTo) &&
              ` ${t.targets.outside(set.periodFrom, set.periodTo, account.year)}`}
          </p>
          <TargetsTable v={v} set={set} account={account} />
        </>
      ) : (
        <p>{t.targets.none}</p>
      )}
      {canManage && (
        <p>
          <a href={href('targets', lang)}>{t.targets.manage}</a>
        </p>
      )}
    </section>
  );
}

/** The same account as files: spreadsheet, printable PDF, CSV and the open-data JSON. */
function Exports({ v, year, cluster }: { v: View; year: number; cluster?: string }) {
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

async function yearPage(c: AppContext) {
  const { db } = c.get('deps');
  const years = await accountYears(db);
  const t = resultsMessages(c.get('lang'));
  const year = yearOf(c, years);
  const [accounts, set, clusters] = await Promise.all([
    accountsFor(c, years, { kind: 'national' }),
    targetSetForYear(db, year),
    clustersWithActivities(db, year),
  ]);
  const account = accounts.find((a) => a.year === year) as PerformanceAccount;
  const canManage = can(c.get('user'), 'targets.manage', set ? { organisationId: set.funderId } : {});
  return renderPage(c, t.yearTitle(year), ({ lang }) => {
    const v: View = { t, lang };
    return (
      <>
        <h1>{t.yearTitle(year)}</h1>
        <p class="font-lead">{t.lead}</p>
        <YearNav
          v={v}
          years={years}
          current={year}
          link={(y) => pageHref('resultsYear', lang, { year: String(y) })}
        />
        <TargetsSection v={v} set={set} account={account} canManage={canManage} />
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{t.figures.heading}</h2>
          <FiguresTable v={v} account={account} />
        </section>
        <SmallCompanies v={v} account={account} />
        <RegionalDistribution v={v} account={account} />
        <Trends v={v} accounts={accounts} set={set} />
        <section aria-labelledby="clusters-heading">
          <h2 id="clusters-heading">{t.clusters.heading}</h2>
          <p>{t.clusters.intro}</p>
          <div class="table--responsive-scroll">
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
                      <a href={pageHref('resultsCluster', lang, { year: String(year), cvr: cl.cvr })}>
                        {cl.name}
                      </a>
                    </th>
                    <td class="results-number">{num(cl.activities, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <Exports v={v} year={year} />
      </>
    );
  });
}

function compareRows(t: ResultsMessages, lang: Lang, a: PerformanceAccount, b: PerformanceAccount) {
  const v: View = { t, lang };
  return FIGURE_KEYS.map((key) => {
    const [x, y] = [a[key], b[key]];
    let change = '–';
    let changePct = '–';
    if (x !== null && y !== null) {
      const diff = y - x;
      change =
        key === 'share_outside_strongholds'
          ? `${diff > 0 ? '+' : ''}${pct(diff, lang)}`
          : `${diff > 0 ? '+' : ''}${num(diff, lang)}`;
      if (x !== 0 && key !== 'share_outside_strongholds')
        changePct = `${diff > 0 ? '+' : ''}${pct(diff / x, lang)}`;
    }
    return { key, label: t.keys[key], a: figureText(a, key, v), b: figureText(b, key, v), change, changePct };
  });
}

export function registerResultsPages(app: Hono<AppEnv>): void {
  // The newest year's account is the results page.
  onPage(app, 'GET', 'results', async (c) => {
    const years = await accountYears(c.get('deps').db);
    const latest = years.at(-1);
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
    const { db } = c.get('deps');
    const years = await accountYears(db);
    const t = resultsMessages(c.get('lang'));
    const parse = (v: string | undefined, fallback: number | undefined) =>
      v === undefined || v === '' ? fallback : /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
    const from = parse(c.req.query('fra'), years.at(-2));
    const to = parse(c.req.query('til'), years.at(-1));
    const valid = from !== undefined && to !== undefined && years.includes(from) && years.includes(to);
    const [a, b] = valid
      ? [await performanceAccount(db, from), await performanceAccount(db, to)]
      : [null, null];
    return renderPage(
      c,
      t.compare.title,
      ({ lang }) => (
        <>
          <h1>{t.compare.title}</h1>
          <p class="font-lead">{t.compare.lead}</p>
          <form method="get" action={href('resultsCompare', lang)} class="results-compare">
            <SelectField
              name="fra"
              label={t.compare.from}
              value={from === undefined ? undefined : String(from)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <SelectField
              name="til"
              label={t.compare.to}
              value={to === undefined ? undefined : String(to)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <button type="submit" class="button button-secondary">
              {t.compare.submit}
            </button>
          </form>
          {a && b ? (
            <div class="table--responsive-scroll">
              <table class="table table--compact results-comparison">
                <caption>{t.compare.caption(a.year, b.year)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.figures.key}</th>
                    <th scope="col">{a.year}</th>
                    <th scope="col">{b.year}</th>
                    <th scope="col">{t.compare.change}</th>
                    <th scope="col">{t.compare.changePct}</th>
                  </tr>
                </thead>
                <tbody>
                  {compareRows(t, lang, a, b).map((r) => (
                    <tr>
                      <th scope="row">{r.label}</th>
                      <td class="results-number">{r.a}</td>
                      <td class="results-number">{r.b}</td>
                      <td class="results-number">{r.change}</td>
                      <td class="results-number">{r.changePct}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t.compare.invalid}</p>
          )}
          <p>
            <a href={href('results', lang)}>{t.nationalLink}</a>
          </p>
        </>
      ),
      valid ? 200 : 400,
    );
  });

  onPage(app, 'GET', 'resultsYear', yearPage);

  onPage(app, 'GET', 'resultsCluster', async (c) => {
    const { db } = c.get('deps');
    const cvr = c.req.param('cvr') ?? '';
    const cluster = isValidCvr(cvr) ? await clusterByCvr(db, cvr) : null;
    if (!cluster) throw notFound('cluster');
    const years = await accountYears(db);
    const year = yearOf(c, years);
    const scope: AccountScope = { kind: 'cluster', cvr };
    const accounts = await accountsFor(c, years, scope);
    const account = accounts.find((a) => a.year === year) as PerformanceAccount;
    const t = resultsMessages(c.get('lang'));
    const title = t.clusterTitle(cluster.name, year);
    return renderPage(c, title, ({ lang }) => {
      const v: View = { t, lang };
      return (
        <>
          <h1>{title}</h1>
          <p class="font-lead">{t.clusterLead}</p>
          <p>
            <a href={pageHref('resultsYear', lang, { year: String(year) })}>{t.nationalLink}</a> ·{' '}
            <a href={pageHref('cluster', lang, { slug: cluster.slug })}>{cluster.name}</a>
          </p>
          <YearNav
            v={v}
            years={years}
            current={year}
            link={(y) => pageHref('resultsCluster', lang, { year: String(y), cvr })}
          />
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t.figures.heading}</h2>
            <FiguresTable v={v} account={account} />
          </section>
          <SmallCompanies v={v} account={account} />
          <RegionalDistribution v={v} account={account} />
          <Trends v={v} accounts={accounts} set={null} />
          <Exports v={v} year={year} cluster={cvr} />
        </>
      );
    });
  });
}
