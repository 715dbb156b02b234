import type { DeliveryDetail } from '../../../../domain/reporting/delivery/log.ts';
import { errorMessage } from '../../../../domain/reporting/format/errors.ts';
import { formatDateTime, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { reportingMessages } from '../messages.ts';
import { LockedPeriodNotice } from './locked-period-notice.tsx';

/** Errors shown on the page; the CSV report has every error the log keeps. */
const SHOWN_ERRORS = 200;

function ErrorTable({ d, lang }: { d: DeliveryDetail; lang: Lang }) {
  const t = reportingMessages(lang);
  const shown = d.errors.slice(0, SHOWN_ERRORS);
  return (
    <>
      {d.errorCount > shown.length && <p>{t.moreErrors(shown.length, d.errorCount)}</p>}
      <p>
        <a href={`${pageHref('delivery', lang, { id: d.id })}?format=csv`}>{t.downloadErrors}</a>
      </p>
      <ScrollingTable label={t.errorsCount(d.errorCount)}>
        <table class="table table--compact">
          <caption>{t.errorsCount(d.errorCount)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.file}</th>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.message}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr>
                <td>{e.file}</td>
                <td>{e.line || '–'}</td>
                <td>{e.column ?? '–'}</td>
                <td>{e.value ?? ''}</td>
                <td>{errorMessage(e.code, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** The delivered activities that break the activity rule (format 1.1): they load, and are named here. */
function ActivityRuleTable({ d, lang }: { d: DeliveryDetail; lang: Lang }) {
  const t = reportingMessages(lang);
  return (
    <>
      <h2>{t.activityRuleTitle}</h2>
      <Alert variant="warning">{t.activityRuleText(d.activityRuleCount, d.activityRule.length)}</Alert>
      <ScrollingTable label={t.activityRuleTitle}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.clusterCvr}</th>
              <th scope="col">{t.activityRef}</th>
              <th scope="col">{t.activityTitle}</th>
              <th scope="col">{t.participantsCount}</th>
              <th scope="col">{t.companiesCount}</th>
            </tr>
          </thead>
          <tbody>
            {d.activityRule.map((a) => (
              <tr>
                <td>{a.clusterCvr}</td>
                <td>{a.activityRef}</td>
                <td>{a.title}</td>
                <td>{formatNumber(a.participants, lang)}</td>
                <td>{formatNumber(a.companies, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** A delivery's result: loaded or rejected, its files with their checksums, and its errors. */
export function DeliveryResultPage({ d, lang }: { d: DeliveryDetail; lang: Lang }) {
  const t = reportingMessages(lang);
  return (
    <>
      <h1>{t.resultTitle}</h1>
      {d.status === 'loaded' ? (
        <Alert variant="success">{t.loadedText}</Alert>
      ) : (
        <Alert variant="error">{t.rejectedText(d.errorCount)}</Alert>
      )}
      <LockedPeriodNotice errors={d.errors} lang={lang} />
      <p>
        {formatDateTime(new Date(d.startedAt), lang)} · {d.actorLabel} ·{' '}
        {t.rowsText(d.counts.activities, d.counts.participants)}
      </p>
      <ScrollingTable label={t.resultTitle}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.file}</th>
              <th scope="col">{t.rows}</th>
              <th scope="col">{t.size}</th>
              <th scope="col">{t.checksum}</th>
            </tr>
          </thead>
          <tbody>
            {d.files.map((f) => (
              <tr>
                <td>{f.name}</td>
                <td>{formatNumber(f.rows, lang)}</td>
                <td>{formatNumber(f.bytes, lang)}</td>
                <td>
                  <code class="checksum">{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {d.errors.length > 0 && <ErrorTable d={d} lang={lang} />}
      {d.activityRuleCount > 0 && <ActivityRuleTable d={d} lang={lang} />}
      <p>
        <a href={href('deliveries', lang)}>{t.back}</a>
      </p>
    </>
  );
}
