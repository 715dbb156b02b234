import { FIGURE_KEYS, type FigureKey, LEAGUES } from '../../../../domain/evaluation/figures.ts';
import type { BenchmarkView } from '../../../../domain/evaluation/queries.ts';
import { href, type Lang, type PageKey } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { basisMessages } from '../../performance/basis.messages.ts';
import type { EvaluationMessages } from '../messages.ts';
import { BoxPlot } from './box-plot.tsx';
import { formatFigure } from './format.ts';

/** What the benchmark page shows, and where its filter leads. */
export interface View extends BenchmarkView {
  t: EvaluationMessages;
  lang: Lang;
  page: PageKey;
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
    <ScrollingTable label={t.benchmark.tableCaption(v.year, t.leagues[v.league])}>
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
    </ScrollingTable>
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

/** The benchmark page: the filter, a box plot per key, the table, and for support every cluster named. */
export function BenchmarkPageView({ v, t, lead }: { v: View | null; t: EvaluationMessages; lead: string }) {
  return (
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
            {basisMessages(v.lang).official} {t.benchmark.method}
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
  );
}
