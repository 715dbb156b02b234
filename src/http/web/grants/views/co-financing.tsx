import type { CoFinancingYear } from '../../../../domain/grants/queries.ts';
import { formatAmount, formatOneDecimal } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { GrantMessages } from '../messages.ts';

/** One year of a cluster's co-financing: each funder's grant and share of the year's total. */
function CoFinancingTable({ y, lang, t }: { y: CoFinancingYear; lang: Lang; t: GrantMessages }) {
  return (
    <ScrollingTable label={t.coFinancingCaption(y.year)}>
      <table class="table table--compact">
        <caption>{t.coFinancingCaption(y.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.funder}</th>
            <th scope="col">{t.amount}</th>
            <th scope="col">{t.share}</th>
            <th scope="col">{t.source}</th>
            <th scope="col">{t.responsible}</th>
          </tr>
        </thead>
        <tbody>
          {y.funders.map((f) => (
            <tr>
              <th scope="row">
                {f.grantId ? <a href={pageHref('grant', lang, { id: f.grantId })}>{f.name}</a> : f.name}
              </th>
              <td class="results-number">{formatAmount(f.amountDkk, lang)}</td>
              <td class="results-number">{t.percent(formatOneDecimal(f.sharePct, lang))}</td>
              <td>{t.sources[f.source]}</td>
              <td>
                {f.responsible ? t.yes : t.no}
                {f.overrideReason && <div class="form-hint">{t.override(f.overrideReason)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.total}</th>
            <td class="results-number">{formatAmount(y.totalDkk, lang)}</td>
            <td class="results-number">{t.percent(formatOneDecimal(100, lang))}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollingTable>
  );
}

export function CoFinancingView(p: { years: CoFinancingYear[]; lang: Lang; t: GrantMessages }) {
  if (p.years.length === 0) return <p>{p.t.noCoFinancing}</p>;
  return (
    <>
      {p.years.map((y) => (
        <CoFinancingTable y={y} lang={p.lang} t={p.t} />
      ))}
    </>
  );
}
