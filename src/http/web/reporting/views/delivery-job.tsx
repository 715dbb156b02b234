import type { DeliveryJob } from '../../../../domain/reporting/delivery/jobs.ts';
import { assetUrl } from '../../../assets.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { reportingMessages } from '../messages.ts';

/** What a loading delivery's page and its JSON say: the phase in words and the share of bytes read. */
export function jobStatus(job: DeliveryJob, lang: Lang) {
  const t = reportingMessages(lang);
  const percent = job.totalBytes ? Math.min(100, Math.floor((job.bytesRead * 100) / job.totalBytes)) : 0;
  const text =
    job.state === 'queued'
      ? t.jobQueued
      : job.phase === 'reading'
        ? t.jobReading(job.file ?? job.files[0]?.name ?? '')
        : job.phase === 'checking'
          ? t.jobChecking
          : t.jobWriting;
  return { state: job.state, percent, text };
}

/** A job that is not (or no longer) there, or another user's. */
export function JobGonePage({ lang }: { lang: Lang }) {
  const t = reportingMessages(lang);
  return (
    <>
      <h1>{t.jobTitle}</h1>
      <Alert variant="warning">{t.jobGone}</Alert>
      <p>
        <a href={href('deliveries', lang)}>{t.back}</a>
      </p>
    </>
  );
}

/**
 * A delivery loading in the background: how far it has come, refreshed by a link without
 * JavaScript and by a small script with it (which asks for `?format=json` every second).
 */
export function JobProgressPage({ job, lang }: { job: DeliveryJob; lang: Lang }) {
  const t = reportingMessages(lang);
  const status = jobStatus(job, lang);
  const current = pageHref('deliveryJob', lang, { id: job.id });
  return (
    <>
      <h1>{t.jobTitle}</h1>
      <p class="font-lead">{t.jobIntro(job.files.map((f) => f.name).join(', '))}</p>
      {status.state === 'failed' ? (
        <Alert variant="error">{t.jobFailed}</Alert>
      ) : (
        <>
          <div class="form-group">
            <label class="form-label" for="delivery-progress">
              {t.jobProgress}
            </label>
            <progress
              id="delivery-progress"
              class="delivery-progress"
              max="100"
              value={String(status.percent)}
            >
              {status.percent} %
            </progress>
          </div>
          <p role="status" id="delivery-status">
            {status.text}
          </p>
          <p class="form-hint" id="delivery-auto" hidden>
            {t.jobAutomatic}
          </p>
          <p>
            <a class="button button-secondary" id="delivery-refresh" href={current}>
              {t.jobRefresh}
            </a>
          </p>
          <script type="module" src={assetUrl('delivery-progress.js')} />
        </>
      )}
      <p>
        <a href={href('deliveries', lang)}>{t.back}</a>
      </p>
    </>
  );
}
