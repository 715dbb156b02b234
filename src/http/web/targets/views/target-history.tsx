import type { Target } from '../../../../domain/targets/queries.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ResultsMessages } from '../../performance/messages.ts';
import { num } from '../../performance/views/figures.tsx';

/** Every version of every target of a set, newest first per target. */
export function TargetHistory({ t, lang, rows }: { t: ResultsMessages; lang: Lang; rows: Target[] }) {
  return (
    <ScrollingTable label={t.manage.history}>
      <table class="table table--compact results-history">
        <caption>{t.manage.history}</caption>
        <thead>
          <tr>
            <th scope="col">{t.manage.code}</th>
            <th scope="col">{t.manage.version}</th>
            <th scope="col">{t.targets.baseline}</th>
            <th scope="col">{t.targets.goal}</th>
            <th scope="col">{t.manage.savedAt}</th>
            <th scope="col">{t.manage.supersededAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.code}</th>
              <td class="results-number">{r.version}</td>
              <td class="results-number">{r.baselineValue === null ? '–' : num(r.baselineValue, lang)}</td>
              <td class="results-number">
                {r.targetValue === null
                  ? t.targets.noNumber
                  : `${t.targets.directions[r.direction]} ${num(r.targetValue, lang)}`}
              </td>
              <td>{formatDateTime(r.createdAt, lang)}</td>
              <td>{r.supersededAt ? formatDateTime(r.supersededAt, lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
