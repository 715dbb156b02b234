import type { PerformanceAccount } from '../../../../domain/performance/account.ts';
import type { YearComparison } from '../../../../domain/performance/results.ts';
import { href } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { FIGURE_KEYS, figureText, num, pct, type View } from './figures.tsx';

/** Each figure of two accounts with the change between them, in numbers and per cent. */
function compareRows(v: View, a: PerformanceAccount, b: PerformanceAccount) {
  const { t, lang } = v;
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

function ComparisonTable({ v, a, b }: { v: View; a: PerformanceAccount; b: PerformanceAccount }) {
  const { t } = v;
  return (
    <ScrollingTable label={t.compare.caption(a.year, b.year)}>
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
          {compareRows(v, a, b).map((r) => (
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
    </ScrollingTable>
  );
}

/** The choice of two years and, when both have accounts, their figures side by side. */
export function ComparePage({ v, comparison }: { v: View; comparison: YearComparison }) {
  const { t, lang } = v;
  const { years, from, to, accounts } = comparison;
  const choices = years.map((y) => ({ value: String(y), label: String(y) }));
  return (
    <>
      <h1>{t.compare.title}</h1>
      <p class="font-lead">{t.compare.lead}</p>
      <form method="get" action={href('resultsCompare', lang)} class="results-compare">
        <SelectField
          name="fra"
          label={t.compare.from}
          value={from === undefined ? undefined : String(from)}
          options={choices}
        />
        <SelectField
          name="til"
          label={t.compare.to}
          value={to === undefined ? undefined : String(to)}
          options={choices}
        />
        <button type="submit" class="button button-secondary">
          {t.compare.submit}
        </button>
      </form>
      {accounts ? <ComparisonTable v={v} a={accounts[0]} b={accounts[1]} /> : <p>{t.compare.invalid}</p>}
      <p>
        <a href={href('results', lang)}>{t.nationalLink}</a>
      </p>
    </>
  );
}
