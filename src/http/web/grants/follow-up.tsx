/**
 * A grant's follow-up pages (docs/grants.md): the grant with its change requests and the annual
 * progress report. The cluster's staff, the grant's funder and every co-funder of the cluster in
 * the year use the same pages; the domain decides who sees which form.
 */
import type { Hono } from 'hono';
import { changeRequestsOf } from '../../../domain/grants/change-requests.ts';
import { followUpRights } from '../../../domain/grants/follow-up.ts';
import { grantProgress } from '../../../domain/grants/progress.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert, ErrorSummary } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { grantFollowUpMessages } from './follow-up.messages.ts';
import { ChangeRequestList, type DecisionState } from './views/change-requests.tsx';
import { backToGrant, GrantSummary, ProgressTable } from './views/grant-follow-up.tsx';

const DONE = ['requested', 'decided', 'submitted', 'approved'] as const;

/** The grant's page; `decision` is a funder's decision form sent back with its errors. */
export async function grantPage(c: AppContext, decision?: DecisionState, status: 200 | 409 | 422 = 200) {
  const t = grantFollowUpMessages(c.get('lang'));
  const caller = callerOf(c);
  const id = c.req.param('id') ?? '';
  const { grant, requests } = await changeRequestsOf(c.get('deps').db, caller, id);
  const may = followUpRights(caller.principal, grant);
  const done = DONE.find((d) => d === c.req.query('done'));
  const title = t.grantTitle(grant.clusterName, grant.year);
  return renderPage(
    c,
    title,
    (ch) => (
      <>
        <h1>{title}</h1>
        <p class="font-lead">{t.grantLead}</p>
        {done && <Alert variant="success">{t[done]}</Alert>}
        <ErrorSummary m={ch.m} errors={decision?.errors ?? {}} />
        <GrantSummary grant={grant} t={t} />
        <h2>{t.followUpHeading}</h2>
        <ul>
          <li>
            <a href={pageHref('grantProgress', ch.lang, { id: grant.id })}>{t.progressLink}</a>
          </li>
          <li>
            <a href={pageHref('grantFinancialReport', ch.lang, { id: grant.id })}>{t.financialReportLink}</a>
          </li>
        </ul>
        <h2>{t.changeRequestsHeading}</h2>
        {may.report && (
          <p>
            <a
              class="button button-secondary"
              href={pageHref('grantChangeRequests', ch.lang, { id: grant.id })}
            >
              {t.changeRequestLink}
            </a>
          </p>
        )}
        <ChangeRequestList
          requests={requests}
          t={t}
          lang={ch.lang}
          csrf={ch.csrfToken}
          decideAction={
            may.decide
              ? (requestId) => pageHref('grantChangeDecision', ch.lang, { id: grant.id, requestId })
              : undefined
          }
          decision={decision}
        />
      </>
    ),
    status,
  );
}

async function progressPage(c: AppContext) {
  const t = grantFollowUpMessages(c.get('lang'));
  const caller = callerOf(c);
  const progress = await grantProgress(c.get('deps').db, caller, c.req.param('id') ?? '');
  const { grant } = progress;
  const title = t.progressTitle(grant.clusterName, grant.year);
  return renderPage(c, title, (ch) => (
    <>
      {backToGrant(grant.id, ch.lang, t)}
      <h1>{title}</h1>
      <p class="font-lead">{t.progressLead}</p>
      <GrantSummary grant={grant} t={t} />
      <ProgressTable
        progress={progress}
        t={t}
        lang={ch.lang}
        ownCluster={followUpRights(caller.principal, grant).report}
      />
    </>
  ));
}

export function registerGrantFollowUpPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'grantFollowUp', (c) => grantPage(c));
  onPage(app, 'GET', 'grantProgress', progressPage);
}
