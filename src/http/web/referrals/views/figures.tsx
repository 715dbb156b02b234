import { themeText } from '../../../../domain/catalogue/themes.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import {
  FIGURE_DIMENSIONS,
  type FigureRow,
  type ReferralFigures,
} from '../../../../domain/referrals/figures.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ReferralMessages } from '../messages.ts';

type Shared = { lang: Lang; t: ReferralMessages };

/** The row's label: a region or theme by its key, an organisation by its name. */
function label(row: FigureRow, figures: ReferralFigures, { lang, t }: Shared): string {
  if (row.key === null) return t.unknown;
  if (figures.by === 'region') return regionName(Number(row.key), lang);
  if (figures.by === 'theme') return themeText(row.key, lang);
  return row.name ?? t.unknown;
}

const share = (v: number | null, lang: Lang) =>
  v === null ? '–' : `${formatNumber(Math.round(v * 100), lang)} %`;

function Cells({ row, lang }: { row: FigureRow; lang: Lang }) {
  const n = (v: number) => formatNumber(v, lang);
  return (
    <>
      <td class="text-align-right">{n(row.sent)}</td>
      <td class="text-align-right">{n(row.accepted)}</td>
      <td class="text-align-right">{n(row.declined)}</td>
      <td class="text-align-right">{row.medianDaysToContact === null ? '–' : n(row.medianDaysToContact)}</td>
      <td class="text-align-right">{n(row.joinedActivity)}</td>
      <td class="text-align-right">{n(row.joinedConfirmed)}</td>
      <td class="text-align-right">{n(row.projectStarted)}</td>
      <td class="text-align-right">{n(row.noMatch)}</td>
      <td class="text-align-right">{share(row.crossRegionShare, lang)}</td>
    </>
  );
}

function Choice(p: Shared & { figures: ReferralFigures; years: number[] }) {
  const { t } = p;
  return (
    <form method="get" action={href('referralFigures', p.lang)} class="form-inline">
      <div class="form-group">
        <label class="form-label" for="year">
          {t.year}
        </label>
        <select class="form-select" id="year" name="year">
          {p.years.map((y) => (
            <option value={String(y)} selected={y === p.figures.year}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="form-label" for="by">
          {t.by}
        </label>
        <select class="form-select" id="by" name="by">
          {FIGURE_DIMENSIONS.map((d) => (
            <option value={d} selected={d === p.figures.by}>
              {t.dimensions[d]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

/** The referral figures of a year by one dimension, with the total (counted in the database). */
export function ReferralFiguresView(p: Shared & { figures: ReferralFigures; years: number[] }) {
  const { figures, t, lang } = p;
  const by = t.dimensions[figures.by] ?? figures.by;
  return (
    <>
      <h1>{t.figuresTitle}</h1>
      <p class="font-lead">{t.figuresLead}</p>
      <Choice {...p} />
      {figures.total.sent === 0 ? (
        <p>{t.noFigures(figures.year)}</p>
      ) : (
        <ScrollingTable label={t.caption(figures.year, by)}>
          <table class="table table--compact">
            <caption>{t.caption(figures.year, by)}</caption>
            <thead>
              <tr>
                <th scope="col">{by}</th>
                <th scope="col">{t.sent}</th>
                <th scope="col">{t.accepted}</th>
                <th scope="col">{t.declined}</th>
                <th scope="col">{t.daysToContact}</th>
                <th scope="col">{t.joined}</th>
                <th scope="col">{t.joinedConfirmed}</th>
                <th scope="col">{t.projectStarted}</th>
                <th scope="col">{t.noMatch}</th>
                <th scope="col">{t.crossShare}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((row) => (
                <tr>
                  <th scope="row">{label(row, figures, p)}</th>
                  <Cells row={row} lang={lang} />
                </tr>
              ))}
              <tr>
                <th scope="row">{t.total}</th>
                <Cells row={figures.total} lang={lang} />
              </tr>
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}
