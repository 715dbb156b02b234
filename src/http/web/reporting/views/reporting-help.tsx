import { TABLE_ORDER } from '../../../../domain/reporting/format/records.ts';
import { COLUMNS, REQUIRED_COLUMNS } from '../../../../domain/reporting/format/rows.ts';
import { messages } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import { COLUMN_HELP, reportingMessages } from '../messages.ts';

/** The guide to the reporting format: every column of every file, whether it is required, its rule. */
export function ReportingHelpPage({ lang }: { lang: Lang }) {
  const t = reportingMessages(lang);
  return (
    <>
      <h1>{t.helpTitle}</h1>
      <p class="font-lead">{t.helpIntro}</p>
      {TABLE_ORDER.map((table) => (
        <section aria-labelledby={`help-${table}`}>
          <h2 id={`help-${table}`}>{table}.csv</h2>
          <ScrollingTable label={messages(lang).tableOf(`${table}.csv`)}>
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.required}</th>
                  <th scope="col">{t.rule}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS[table].map((column) => (
                  <tr>
                    <th scope="row">
                      <code>{column}</code>
                    </th>
                    <td>{REQUIRED_COLUMNS[table].includes(column) ? t.yes : t.no}</td>
                    <td>{COLUMN_HELP[table]?.[column]?.[lang] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
        </section>
      ))}
    </>
  );
}
