import { VIEWBOX } from '../../../../domain/landscape/map.ts';
import {
  COUNT_KEYS,
  LABEL_KEYS,
  MONEY_KEYS,
  type PerformanceAccount,
} from '../../../../domain/performance/account.ts';
import { REGIONS } from '../../../../domain/reference/geography.ts';
import type { TargetSet } from '../../../../domain/targets/queries.ts';
import { actualOf, targetStatus } from '../../../../domain/targets/status.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { ChartFigure, Legend, LineChart, type Series } from '../../../views/chart.tsx';
import { Icon } from '../../../views/icons.tsx';
import { RegionShapes } from '../../../views/region-map.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { basisMessages } from '../basis.messages.ts';
import type { ResultsMessages } from '../messages.ts';

export interface View {
  t: ResultsMessages;
  lang: Lang;
}

/** The account keys in the order the key-figure table shows them (the regional split has its own section). */
export const FIGURE_KEYS = [
  ...COUNT_KEYS,
  ...LABEL_KEYS,
  ...MONEY_KEYS,
  'eu_applications',
  'share_outside_strongholds',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const num = (n: number, lang: Lang) => formatNumber(Math.round(n), lang);
export const pct = (share: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);

/** A figure as text: shares as per cent, null as "not available". */
export function figureText(account: PerformanceAccount, key: FigureKey, v: View): string {
  const value = account[key];
  if (value === null) return v.t.figures.notAvailable;
  return key === 'share_outside_strongholds' ? pct(value, v.lang) : num(value, v.lang);
}

const STATUS_ICON = { met: 'check', progress: 'arrow-upward', behind: 'warning', no_target: 'info' } as const;

/** The target set's targets with baseline, target, actual and status (text and icon, never colour alone). */
export function TargetsTable({ v, set, account }: { v: View; set: TargetSet; account: PerformanceAccount }) {
  const { t, lang } = v;
  return (
    <ScrollingTable label={t.targets.caption(account.year)}>
      <table class="table table--compact results-targets">
        <caption>{t.targets.caption(account.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.targets.target}</th>
            <th scope="col">{t.targets.baseline}</th>
            <th scope="col">{t.targets.goal}</th>
            <th scope="col">{t.targets.actual(account.year)}</th>
            <th scope="col">{t.targets.status}</th>
          </tr>
        </thead>
        <tbody>
          {set.targets.map((target) => {
            const actual = actualOf(target.metric, account);
            const status = targetStatus(target, actual);
            return (
              <tr>
                <th scope="row">
                  {target.code}. {lang === 'da' ? target.labelDa : target.labelEn}
                </th>
                <td class="results-number">
                  {target.baselineValue === null
                    ? '–'
                    : `${num(target.baselineValue, lang)} (${target.baselineYear ?? ''})`}
                </td>
                <td class="results-number">
                  {target.targetValue === null
                    ? t.targets.noNumber
                    : `${t.targets.directions[target.direction]} ${num(target.targetValue, lang)}`}
                </td>
                <td class="results-number">
                  {actual === null ? <a href="#regioner">{t.targets.seeRegions}</a> : num(actual, lang)}
                </td>
                <td>
                  <span class={`results-status results-status-${status}`}>
                    <Icon name={STATUS_ICON[status]} />
                    {t.targets.statuses[status]}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

export function FiguresTable({ v, account }: { v: View; account: PerformanceAccount }) {
  const { t } = v;
  return (
    <ScrollingTable label={t.figures.caption(account.year)}>
      <table class="table table--compact results-figures">
        <caption>{t.figures.caption(account.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.figures.key}</th>
            <th scope="col">{t.figures.value}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURE_KEYS.map((key) => (
            <tr>
              <th scope="row">{t.keys[key]}</th>
              <td class="results-number">{figureText(account, key, v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The <50-employee split of participating and innovating companies. */
export function SmallCompanies({ v, account }: { v: View; account: PerformanceAccount }) {
  const { t, lang } = v;
  const row = (label: string, all: number, small: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="results-number">{num(all, lang)}</td>
      <td class="results-number">{num(small, lang)}</td>
      <td class="results-number">{all === 0 ? '–' : pct(small / all, lang)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="small-heading">
      <h2 id="small-heading">{t.small.heading}</h2>
      <ScrollingTable label={t.small.caption(account.year)}>
        <table class="table table--compact results-small">
          <caption>{t.small.caption(account.year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.small.group}</th>
              <th scope="col">{t.small.all}</th>
              <th scope="col">{t.small.small}</th>
              <th scope="col">{t.small.share}</th>
            </tr>
          </thead>
          <tbody>
            {row(
              t.small.participating,
              account.participating_companies,
              account.small_participating_companies,
            )}
            {row(t.small.innovating, account.innovating_companies, account.small_innovating_companies)}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

const MAP_SHADES = ['#f4f7fb', '#dce9f7', '#bcd5f0', '#94bce6', '#6fa3db', '#3d7cc4'] as const;

/** Region fill: one of six shades by the region's share of the largest count. */
function shade(n: number, max: number): string {
  if (n <= 0 || max <= 0) return MAP_SHADES[0];
  return MAP_SHADES[Math.min(5, 1 + Math.floor((n / max) * 4.999))] as string;
}

/** innovating_companies_by_region as a map of the regions (landscape drawing) and a table. */
export function RegionalDistribution({ v, account }: { v: View; account: PerformanceAccount }) {
  const { t, lang } = v;
  const by = account.innovating_companies_by_region;
  const max = Math.max(0, ...REGIONS.map((r) => by[String(r.code)] ?? 0));
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  const rows: [string, number][] = [
    ...REGIONS.map((r): [string, number] => [lang === 'da' ? r.name : r.nameEn, by[String(r.code)] ?? 0]),
    [t.regions.unknown, by.unknown ?? 0],
  ];
  return (
    <section aria-labelledby="regioner-heading" id="regioner">
      <h2 id="regioner-heading">{t.regions.heading}</h2>
      <p>{t.regions.intro}</p>
      <ChartFigure
        id="regions"
        caption={t.regions.caption(account.year)}
        chart={
          <svg
            class="chart-svg results-map"
            viewBox={`0 0 ${VIEWBOX.width} ${VIEWBOX.height}`}
            role="img"
            aria-labelledby="regions-map-title regions-map-desc"
            xmlns="http://www.w3.org/2000/svg"
          >
            <title id="regions-map-title">{t.regions.mapTitle(account.year)}</title>
            <desc id="regions-map-desc">{t.regions.mapDesc}</desc>
            <RegionShapes
              fill={(code) => shade(by[String(code)] ?? 0, max)}
              label={(code) => num(by[String(code)] ?? 0, lang)}
              bornholm={t.regions.bornholm}
            />
          </svg>
        }
        table={{
          head: [t.regions.region, t.regions.companies, t.regions.share],
          rows: [
            ...rows.map(([name, n]) => [name, num(n, lang), total === 0 ? '–' : pct(n / total, lang)]),
            [t.regions.total, num(total, lang), total === 0 ? '–' : pct(1, lang)],
          ],
        }}
      />
    </section>
  );
}

interface Trend {
  id: string;
  caption: string;
  series: { key: FigureKey; scale?: number }[];
  reference?: { value: number; label: string } | undefined;
}

/** Multi-year line charts, each with its data table, saying which figures they show. */
export function Trends({
  v,
  accounts,
  set,
}: {
  v: View;
  accounts: PerformanceAccount[];
  set: TargetSet | null;
}) {
  const { t, lang } = v;
  if (accounts.length < 2) return null;
  const preliminary = accounts.some((a) => a.preliminary);
  const years = accounts.map((a) => String(a.year));
  const goal = (metric: string) => {
    const target = set?.targets.find((x) => x.metric === metric && x.targetValue !== null);
    return target?.targetValue != null
      ? { value: target.targetValue, label: t.trends.targetLine(num(target.targetValue, lang)) }
      : undefined;
  };
  const trends: Trend[] = [
    {
      id: 'trend-companies',
      caption: t.trends.companies,
      series: [{ key: 'participating_companies' }, { key: 'innovating_companies' }],
    },
    {
      id: 'trend-partnerships',
      caption: t.trends.partnerships,
      series: [{ key: 'collaborating_companies' }, { key: 'international_companies' }],
    },
    {
      id: 'trend-labels',
      caption: t.trends.labels,
      series: [{ key: 'gold_clusters' }, { key: 'silver_clusters' }],
    },
    {
      id: 'trend-money',
      caption: t.trends.money,
      series: [
        { key: 'grant_dkk', scale: 1e6 },
        { key: 'external_funding_dkk', scale: 1e6 },
      ],
    },
  ];
  const oneDecimal = (n: number) =>
    new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  return (
    <section aria-labelledby="trends-heading">
      <h2 id="trends-heading">{t.trends.heading}</h2>
      <p>{basisMessages(lang).trendsOn(preliminary)}</p>
      {trends.map((trend) => {
        const scaled = trend.series.some((s) => s.scale);
        const format = scaled ? oneDecimal : (n: number) => num(n, lang);
        const series: Series[] = trend.series.map((s) => ({
          name: t.keys[s.key],
          values: accounts.map((a) => {
            const value = a[s.key];
            return value === null ? null : value / (s.scale ?? 1);
          }),
        }));
        const reference = trend.series.length === 2 && !scaled ? goal(trend.series[1]?.key ?? '') : undefined;
        return (
          <ChartFigure
            id={trend.id}
            caption={trend.caption}
            chart={
              <LineChart
                id={`${trend.id}-chart`}
                title={trend.caption}
                desc={t.trends.chartDesc(trend.caption, years[0] ?? '', years.at(-1) ?? '')}
                categories={years}
                series={series}
                reference={reference}
                format={format}
              />
            }
            legend={<Legend series={series} />}
            table={{
              head: [t.trends.year, ...series.map((s) => s.name)],
              rows: accounts.map((a, i) => [
                String(a.year),
                ...series.map((s) => {
                  const value = s.values[i];
                  return value === null || value === undefined ? '–' : format(value);
                }),
              ]),
            }}
          />
        );
      })}
    </section>
  );
}
