import { COFINANCING_SOURCES, type PerformanceAccount } from '../../../../domain/performance/account.ts';
import { INSTITUTION_KINDS } from '../../../../domain/reporting/format/rows.ts';
import { INSTITUTION_KIND_LABELS } from '../../../../reports/labels.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import { basisMessages } from '../basis.messages.ts';
import { num, pct, type View } from './figures.tsx';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The two splits of reporting format 1.1: private co-financing by source and the participations of
 * knowledge institutions by kind, each a table.
 */
export function SplitFigures({ v, account }: { v: View; account: PerformanceAccount }) {
  const { lang } = v;
  const b = basisMessages(lang);
  const sources = account.private_cofinancing_by_source_dkk;
  const kinds = account.knowledge_institution_participations_by_kind;
  const total = Object.values(kinds).reduce((a, n) => a + n, 0);
  const kindRows = [...INSTITUTION_KINDS, 'unknown' as const].filter((k) => kinds[k] !== undefined);
  return (
    <>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{b.sources.heading}</h2>
        <ScrollingTable label={b.sources.caption(account.year)}>
          <table class="table table--compact results-sources">
            <caption>{b.sources.caption(account.year)}</caption>
            <thead>
              <tr>
                <th scope="col">{b.sources.source}</th>
                <th scope="col">{b.sources.amount}</th>
              </tr>
            </thead>
            <tbody>
              {COFINANCING_SOURCES.map((source) => (
                <tr>
                  <th scope="row">{b.sources[source]}</th>
                  <td class="results-number">{num(sources[source], lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      </section>
      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{b.kinds.heading}</h2>
        {total === 0 ? (
          <p>{b.kinds.none}</p>
        ) : (
          <ScrollingTable label={b.kinds.caption(account.year)}>
            <table class="table table--compact results-kinds">
              <caption>{b.kinds.caption(account.year)}</caption>
              <thead>
                <tr>
                  <th scope="col">{b.kinds.kind}</th>
                  <th scope="col">{b.kinds.participations}</th>
                  <th scope="col">{v.t.regions.share}</th>
                </tr>
              </thead>
              <tbody>
                {kindRows.map((kind) => (
                  <tr>
                    <th scope="row">{capitalised(INSTITUTION_KIND_LABELS[kind][lang])}</th>
                    <td class="results-number">{num(kinds[kind] ?? 0, lang)}</td>
                    <td class="results-number">{pct((kinds[kind] ?? 0) / total, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
        )}
      </section>
    </>
  );
}
