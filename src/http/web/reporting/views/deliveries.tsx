import type { DeliveryLogRow } from '../../../../domain/reporting/delivery/log.ts';
import { TABLE_ORDER } from '../../../../domain/reporting/format/records.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { apiTokenMessages } from '../api-tokens.messages.ts';
import { reportingMessages } from '../messages.ts';
import { periodMessages } from '../periods.messages.ts';

/**
 * The workspace's deliveries: the upload form and templates for those who may deliver, and the
 * log of the deliveries the user sees.
 */
export function DeliveriesPage(p: {
  mayDeliver: boolean;
  followsPeriods: boolean;
  log: DeliveryLogRow[];
  notice: string | undefined;
  lang: Lang;
  csrf: string;
}) {
  const { lang, log, notice } = p;
  const t = reportingMessages(lang);
  return (
    <>
      <h1>{t.deliveriesTitle}</h1>
      <p class="font-lead">{t.deliveriesIntro}</p>
      {p.followsPeriods && (
        <p>
          <a href={href('reportingStatus', lang)}>{periodMessages(lang).deliveriesLink}</a>
        </p>
      )}
      {notice && <Alert variant="error">{notice}</Alert>}
      {p.mayDeliver && (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t.uploadHeading}</h2>
          <form method="post" action={href('deliveries', lang)} enctype="multipart/form-data">
            <CsrfField token={p.csrf} />
            <div class="form-group">
              <label class="form-label" for="files">
                {t.files}
              </label>
              <span class="form-hint" id="files-hint">
                {t.filesHint}
              </span>
              <input
                class="form-file-input"
                id="files"
                name="files"
                type="file"
                multiple
                accept=".csv,.xlsx,text/csv"
                aria-describedby="files-hint"
              />
            </div>
            <button type="submit" class="button button-primary">
              {t.upload}
            </button>
          </form>
          <h3 class="h4">{t.templates}</h3>
          <p>{t.templatesIntro}</p>
          <ul>
            {TABLE_ORDER.map((table) => (
              <li>
                <a href={pageHref('reportingTemplate', lang, { file: `${table}.csv` })}>{table}.csv</a>
              </li>
            ))}
            <li>
              <a href={pageHref('reportingTemplate', lang, { file: 'indberetning.xlsx' })}>
                indberetning.xlsx
              </a>
            </li>
          </ul>
          <p>
            <a href={href('reportingHelp', lang)}>{t.help}</a>
          </p>
          <p>
            <a href={href('apiTokens', lang)}>{apiTokenMessages(lang).title}</a>
          </p>
        </section>
      )}
      <h2>{t.logHeading}</h2>
      {log.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ScrollingTable label={t.logHeading}>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.channel}</th>
                <th scope="col">{t.rows}</th>
                <th scope="col">{t.result}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((d) => (
                <tr>
                  <td>
                    <a href={pageHref('delivery', lang, { id: d.id })}>
                      {formatDateTime(new Date(d.startedAt), lang)}
                    </a>
                  </td>
                  <td>{d.actorLabel}</td>
                  <td>{t.channels[d.channel] ?? d.channel}</td>
                  <td>{t.rowsText(d.counts.activities, d.counts.participants)}</td>
                  <td>
                    <span class={d.status === 'loaded' ? 'badge badge-success' : 'badge badge-error'}>
                      {d.status === 'loaded' ? t.loaded : `${t.rejected}: ${t.errorsCount(d.errorCount)}`}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}
