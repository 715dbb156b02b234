import type { Hono } from 'hono';
import { catalogueEntries } from '../../../domain/catalogue/queries.ts';
import { clustersInPeriod, fundingPeriods } from '../../../domain/evaluation/midterm.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { today } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { reasonText } from '../../views/cluster-profile.tsx';
import { actionPlanMessages } from '../action-plans/messages.ts';
import { qualificationOf } from '../catalogue/cluster-edit.tsx';
import { catalogueMessages } from '../catalogue/messages.ts';
import { evaluationMessages } from '../evaluation/messages.ts';
import { activityMessages } from '../reporting/activities.messages.ts';
import { apiTokenMessages } from '../reporting/api-tokens.messages.ts';
import { periodMessages } from '../reporting/periods.messages.ts';
import { onPage } from '../routes.ts';

/** Cluster staff's landing page: their clusters, whether they qualify, and what is missing. */
async function workspace(c: AppContext) {
  const user = authorize(c.get('user'), 'account.view');
  const lang = c.get('lang');
  const t = catalogueMessages(lang);
  const own = new Set(
    user.memberships.filter((m) => m.role === 'cluster_staff').map((m) => m.organisationId),
  );
  const db = c.get('deps').db;
  const entries = (await catalogueEntries(db, { today: today(c) })).filter((e) => own.has(e.organisationId));
  // Clusters in the latest funding period have a mid-term evaluation page they may read.
  const [period] = entries.length > 0 ? await fundingPeriods(db) : [];
  const evaluated = new Set(
    period ? (await clustersInPeriod(db, period)).map((cl) => cl.clusterId).filter((id) => own.has(id)) : [],
  );
  return renderPage(c, t.workspaceTitle, () => (
    <>
      <h1>{t.workspaceTitle}</h1>
      <p class="font-lead">{t.workspaceIntro}</p>
      {entries.length === 0 && <p>{t.workspaceNone}</p>}
      {entries.map((e) => {
        const q = qualificationOf(e);
        const missing = q.results.filter((r) => !r.passed);
        return (
          <section aria-labelledby={`ws-${e.slug}`} class="workspace-cluster">
            <h2 id={`ws-${e.slug}`}>{e.name}</h2>
            <p>
              <span class={q.significant ? 'badge badge-success' : 'badge badge-warning'}>
                {q.significant ? t.statusSignificant : t.statusEmerging}
              </span>
            </p>
            {missing.length > 0 && (
              <>
                <p>{t.missingForStaff}</p>
                <ul>
                  {missing.map((r) => (
                    <li>
                      <strong>{t.criteria[r.criterion]}:</strong> {reasonText(r.reason, t, lang)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <a class="button button-primary" href={pageHref('clusterEdit', lang, { slug: e.slug })}>
                {t.edit}
              </a>{' '}
              <a href={pageHref('cluster', lang, { slug: e.slug })}>{t.viewProfile}</a>
            </p>
            {evaluated.has(e.organisationId) && (
              <p>
                <a href={pageHref('evaluation', lang, { slug: e.slug })}>
                  {evaluationMessages(lang).evaluation.workspaceLink}
                </a>
              </p>
            )}
          </section>
        );
      })}
      <ul>
        <li>
          <a href={href('activities', lang)}>{activityMessages(lang).workspaceLink}</a>
        </li>
        <li>
          <a href={href('deliveries', lang)}>{t.deliveriesLink}</a>
        </li>
        {user.memberships.some((m) =>
          can(user, 'apiTokens.manage', { organisationId: m.organisationId }),
        ) && (
          <li>
            <a href={href('apiTokens', lang)}>{apiTokenMessages(lang).title}</a>
          </li>
        )}
        <li>
          <a href={href('workspacePeriods', lang)}>{periodMessages(lang).workspaceLink}</a>
        </li>
        <li>
          <a href={href('actionPlans', lang)}>{actionPlanMessages(lang).workspaceLink}</a>
        </li>
        <li>
          <a href={href('labels', lang)}>{t.labelHeading}</a>
        </li>
        <li>
          <a href={href('benchmarking', lang)}>{evaluationMessages(lang).benchmark.title}</a>
        </li>
        <li>
          <a href={href('dataQuality', lang)}>{evaluationMessages(lang).quality.title}</a>
        </li>
      </ul>
    </>
  ));
}

export function registerWorkspacePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'workspace', workspace);
}
