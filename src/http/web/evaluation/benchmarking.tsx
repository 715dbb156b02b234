import type { Hono } from 'hono';
import { z } from 'zod';
import { forbidden } from '../../../domain/errors.ts';
import {
  type BenchmarkRow,
  leagueBenchmark,
  leagueOf,
  reportedYears,
} from '../../../domain/evaluation/benchmark.ts';
import { FIGURE_KEYS, type FigureKey, LEAGUES, type League } from '../../../domain/evaluation/figures.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, type PageKey } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { BoxPlot } from './box-plot.tsx';
import { type EvaluationMessages, evaluationMessages } from './messages.ts';

/** Unknown query values fall back to defaults, as in a catalogue filter. */
const benchmarkQuery = z.object({
  aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  klynge: z.string().max(200).optional().catch(undefined),
  liga: z.enum(LEAGUES).optional().catch(undefined),
  noegletal: z.enum(FIGURE_KEYS).optional().catch(undefined),
});

export const formatFigure = (n: number, lang: Lang) => formatNumber(Math.round(n * 10) / 10, lang);

interface View {
  t: EvaluationMessages;
  lang: Lang;
  page: PageKey;
  year: number;
  years: number[];
  league: League;
  rows: BenchmarkRow[];
  /** The highlighted cluster; for cluster staff their own, the only one named. */
  highlight: { id: string; name: string; slug: string } | null;
  /** Clusters to choose between in the filter (slug, name). */
  choices: { slug: string; name: string }[];
  /** Support view: the key whose clusters are listed by name. */
  namedKey: FigureKey | null;
}

function Filter({ v }: { v: View }) {
  const { t, lang } = v;
  return (
    <form method="get" action={href(v.page, lang)} class="benchmark-filter">
      <SelectField
        name="aar"
        label={t.year}
        value={String(v.year)}
        options={v.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {v.namedKey && (
        <SelectField
          name="liga"
          label={t.league}
          value={v.league}
          options={LEAGUES.map((l) => ({ value: l, label: t.leagues[l] }))}
        />
      )}
      {(v.choices.length > 1 || v.namedKey) && (
        <SelectField
          name="klynge"
          label={t.cluster}
          value={v.highlight?.slug}
          {...(v.namedKey ? { placeholder: t.benchmark.allClusters } : {})}
          options={v.choices.map((ch) => ({ value: ch.slug, label: ch.name }))}
        />
      )}
      {v.namedKey && (
        <SelectField
          name="noegletal"
          label={t.key}
          value={v.namedKey}
          options={FIGURE_KEYS.map((k) => ({ value: k, label: t.keys[k] }))}
        />
      )}
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

function KeyFigure({ v, keyName }: { v: View; keyName: FigureKey }) {
  const { t, lang } = v;
  const rows = v.rows.filter((r) => r.key === keyName);
  const first = rows[0];
  if (!first) return null;
  const own = v.highlight ? rows.find((r) => r.clusterId === v.highlight?.id) : undefined;
  const fmt = (n: number) => formatFigure(n, lang);
  const ownText =
    own && v.highlight
      ? t.benchmark.ownText(v.highlight.name, fmt(own.value), t.quartiles[own.quartile] ?? '')
      : null;
  return (
    <figure class="benchmark-figure">
      <figcaption class="h4">{t.keys[keyName]}</figcaption>
      <BoxPlot
        id={`bm-${keyName}`}
        title={t.keys[keyName]}
        description={t.benchmark.describe({
          min: fmt(first.min),
          q1: fmt(first.q1),
          median: fmt(first.median),
          q3: fmt(first.q3),
          max: fmt(first.max),
          own: ownText,
        })}
        dist={first}
        values={rows.map((r) => r.value)}
        own={own && v.highlight ? { label: v.highlight.name, value: own.value } : undefined}
        format={fmt}
      />
      {ownText && <p class="benchmark-own">{ownText}</p>}
    </figure>
  );
}

function StatsTable({ v }: { v: View }) {
  const { t, lang } = v;
  const fmt = (n: number) => formatFigure(n, lang);
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t.benchmark.tableCaption(v.year, t.leagues[v.league])}</caption>
        <thead>
          <tr>
            <th scope="col">{t.key}</th>
            {v.highlight && <th scope="col">{v.highlight.name}</th>}
            {v.highlight && <th scope="col">{t.benchmark.position}</th>}
            <th scope="col">{t.benchmark.min}</th>
            <th scope="col">{t.benchmark.q1}</th>
            <th scope="col">{t.benchmark.median}</th>
            <th scope="col">{t.benchmark.q3}</th>
            <th scope="col">{t.benchmark.max}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURE_KEYS.map((k) => {
            const rows = v.rows.filter((r) => r.key === k);
            const d = rows[0];
            if (!d) return null;
            const own = v.highlight ? rows.find((r) => r.clusterId === v.highlight?.id) : undefined;
            return (
              <tr>
                <th scope="row">{t.keys[k]}</th>
                {v.highlight && <td>{own ? fmt(own.value) : '–'}</td>}
                {v.highlight && <td>{own ? t.quartiles[own.quartile] : '–'}</td>}
                <td>{fmt(d.min)}</td>
                <td>{fmt(d.q1)}</td>
                <td>{fmt(d.median)}</td>
                <td>{fmt(d.q3)}</td>
                <td>{fmt(d.max)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function NamedTable({ v, keyName }: { v: View; keyName: FigureKey }) {
  const { t, lang } = v;
  const rows = v.rows
    .filter((r) => r.key === keyName)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="named-heading">
      <h2 id="named-heading">{t.benchmark.namedHeading(t.keys[keyName])}</h2>
      <table class="table table--compact">
        <caption>{t.benchmark.tableCaption(v.year, t.leagues[v.league])}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.benchmark.value}</th>
            <th scope="col">{t.benchmark.position}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td>{formatFigure(r.value, lang)}</td>
              <td>{t.quartiles[r.quartile]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function render(c: AppContext, v: View | null, lead: string) {
  const t = evaluationMessages(c.get('lang'));
  return renderPage(c, t.benchmark.title, () => (
    <>
      <h1>{t.benchmark.title}</h1>
      <p class="font-lead">{lead}</p>
      {!v ? (
        <p>{t.noYears}</p>
      ) : (
        <>
          <Filter v={v} />
          <p>
            {t.benchmark.comparedWith(
              v.rows.find((r) => r.key === 'activities')?.n ?? 0,
              t.leagues[v.league],
              v.year,
            )}{' '}
            {t.benchmark.method}
          </p>
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t.benchmark.figuresHeading}</h2>
            <ul>
              <li>{t.benchmark.legendBox}</li>
              <li>{t.benchmark.legendDots}</li>
              {v.highlight && <li>{t.benchmark.legendOwn(v.highlight.name)}</li>}
            </ul>
            <div class="row">
              {FIGURE_KEYS.map((k) => (
                <div class="col-12 col-lg-6">
                  <KeyFigure v={v} keyName={k} />
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="table-heading">
            <h2 id="table-heading">{t.benchmark.tableHeading}</h2>
            <StatsTable v={v} />
          </section>
          {v.namedKey && <NamedTable v={v} keyName={v.namedKey} />}
        </>
      )}
    </>
  ));
}

/** Cluster staff: their own cluster against the anonymous peers of its league. */
async function ownBenchmark(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const own = user.memberships.filter(
    (m) =>
      m.organisationKind === 'cluster_organisation' &&
      can(user, 'benchmarking.viewOwn', { organisationId: m.organisationId }),
  );
  if (own.length === 0) throw forbidden('Not cluster staff');
  const q = benchmarkQuery.parse(c.req.query());
  const chosen = own.find((m) => m.organisationSlug === q.klynge) ?? own[0];
  const db = c.get('deps').db;
  const t = evaluationMessages(c.get('lang'));
  const [league, years] = await Promise.all([
    chosen ? leagueOf(db, chosen.organisationId) : null,
    reportedYears(db),
  ]);
  const year = q.aar !== undefined && years.includes(q.aar) ? q.aar : years[0];
  if (!chosen || !league || year === undefined) return render(c, null, t.benchmark.lead);
  const rows = await leagueBenchmark(db, { league, from: year, to: year });
  return render(
    c,
    {
      t,
      lang: c.get('lang'),
      page: 'benchmarking',
      year,
      years,
      league,
      rows,
      highlight: { id: chosen.organisationId, name: chosen.organisationName, slug: chosen.organisationSlug },
      choices: own.map((m) => ({ slug: m.organisationSlug, name: m.organisationName })),
      namedKey: null,
    },
    t.benchmark.lead,
  );
}

/** Support function and admins: any league, every cluster named. */
async function supportBenchmark(c: AppContext) {
  authorize(c.get('user'), 'benchmarking.viewAll');
  const q = benchmarkQuery.parse(c.req.query());
  const db = c.get('deps').db;
  const t = evaluationMessages(c.get('lang'));
  const years = await reportedYears(db);
  const year = q.aar !== undefined && years.includes(q.aar) ? q.aar : years[0];
  if (year === undefined) return render(c, null, t.benchmark.supportLead);
  const league = q.liga ?? 'world_class';
  const rows = await leagueBenchmark(db, { league, from: year, to: year });
  const choices = new Map<string, { id: string; slug: string; name: string }>();
  for (const r of rows) choices.set(r.slug, { id: r.clusterId, slug: r.slug, name: r.name });
  const highlight = q.klynge ? (choices.get(q.klynge) ?? null) : null;
  return render(
    c,
    {
      t,
      lang: c.get('lang'),
      page: 'supportBenchmarking',
      year,
      years,
      league,
      rows,
      highlight,
      choices: [...choices.values()],
      namedKey: q.noegletal ?? 'participating_companies',
    },
    t.benchmark.supportLead,
  );
}

export function registerBenchmarkingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'benchmarking', ownBenchmark);
  onPage(app, 'GET', 'supportBenchmarking', supportBenchmark);
}
