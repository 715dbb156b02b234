import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import type { FailedJob, JobKindCounts } from '../../../domain/jobs/overview.ts';
import { jobsOverview } from '../../../domain/jobs/overview.ts';
import { retryFailedJob } from '../../../domain/jobs/retry.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import { type JobMessages, jobMessages } from './jobs-messages.ts';

interface View {
  ch: Chrome;
  t: JobMessages;
}

function CountTable({ v, kinds }: { v: View; kinds: JobKindCounts[] }) {
  const { t } = v;
  return (
    <ScrollingTable label={t.countsCaption}>
      <table class="table table--zebra">
        <caption class="sr-only">{t.countsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.queued}</th>
            <th scope="col">{t.retrying}</th>
            <th scope="col">{t.running}</th>
            <th scope="col">{t.failed}</th>
            <th scope="col">{t.done}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(({ kind, counts }) => (
            <tr data-kind={kind}>
              <th scope="row">{t.kinds[kind]}</th>
              <td>{counts.created}</td>
              <td>{counts.retry}</td>
              <td>{counts.active}</td>
              <td>{counts.failed}</td>
              <td>{counts.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function FailedTable({ v, failed }: { v: View; failed: FailedJob[] }) {
  const { ch, t } = v;
  if (failed.length === 0) return <p>{t.noFailed}</p>;
  return (
    <ScrollingTable label={t.failedCaption}>
      <table class="table table--zebra">
        <caption class="sr-only">{t.failedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.failedAt}</th>
            <th scope="col">{t.attempts}</th>
            <th scope="col">{t.error}</th>
            <th scope="col">
              <span class="sr-only">{t.retry}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {failed.map((job) => (
            <tr data-job={job.id}>
              <td>{t.kinds[job.kind]}</td>
              <td>{formatDateTime(job.failedAt, ch.lang)}</td>
              <td>{job.attempts}</td>
              <td>
                <code>{job.error}</code>
              </td>
              <td>
                <form method="post" action={pageHref('adminJobRetry', ch.lang, { id: job.id })}>
                  <CsrfField token={ch.csrfToken} />
                  <input type="hidden" name="kind" value={job.kind} />
                  <button type="submit" class="button button-secondary">
                    {t.retry}
                    <span class="sr-only">
                      {t.retryLabel(t.kinds[job.kind], formatDateTime(job.failedAt, ch.lang))}
                    </span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

async function jobsPage(c: AppContext, notice?: 'retried' | 'notFailed') {
  const t = jobMessages(c.get('lang'));
  const overview = await jobsOverview(c.get('deps').db, callerOf(c));
  const shown = notice ?? (c.req.query('besked') === 'retried' ? 'retried' : undefined);
  return renderPage(c, t.title, (ch) => {
    const v: View = { ch, t };
    return (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.intro}</p>
        {shown === 'retried' && <Alert variant="success">{t.retried}</Alert>}
        {shown === 'notFailed' && <Alert variant="warning">{t.notFailed}</Alert>}
        <CountTable v={v} kinds={overview.kinds} />
        <h2>{t.failedHeading}</h2>
        <FailedTable v={v} failed={overview.failed} />
      </>
    );
  });
}

/** The job queue for admins: counts per kind and state, failed jobs with their error, retry. */
export function registerJobPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminJobs', (c) => jobsPage(c));
  onPage(app, 'POST', 'adminJobRetry', async (c) => {
    const deps = c.get('deps');
    const fields = formFields(await c.req.parseBody());
    try {
      await retryFailedJob(deps.db, deps.jobs, callerOf(c), {
        kind: fields.kind ?? '',
        id: c.req.param('id') ?? '',
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return jobsPage(c, 'notFailed');
      throw e;
    }
    return c.redirect(pageHref('adminJobs', c.get('lang'), {}, { besked: 'retried' }), 303);
  });
}
