import type { Hono } from 'hono';
import { contactKeepingClusters } from '../../../domain/surveys/policy.ts';
import { type WorkspaceCluster, workspaceOf } from '../../../domain/workspace/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { today } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { actionPlanMessages } from '../action-plans/messages.ts';
import { catalogueMessages } from '../catalogue/messages.ts';
import { reasonText } from '../catalogue/views/cluster-profile.tsx';
import { evaluationMessages } from '../evaluation/messages.ts';
import { activityMessages } from '../reporting/activities.messages.ts';
import { apiTokenMessages } from '../reporting/api-tokens.messages.ts';
import { periodMessages } from '../reporting/periods.messages.ts';
import { onPage } from '../routes.ts';
import { recipientMessages } from '../surveys/recipients.messages.ts';

/** One cluster the person works for: whether it qualifies, what it lacks, and its links. */
function ClusterSection({ cluster: e, lang }: { cluster: WorkspaceCluster; lang: Lang }) {
  const t = catalogueMessages(lang);
  const missing = e.qualification.results.filter((r) => !r.passed);
  return (
    <section aria-labelledby={`ws-${e.slug}`} class="workspace-cluster">
      <h2 id={`ws-${e.slug}`}>{e.name}</h2>
      <p>
        <span class={e.qualification.significant ? 'badge badge-success' : 'badge badge-warning'}>
          {e.qualification.significant ? t.statusSignificant : t.statusEmerging}
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
      {e.hasEvaluation && (
        <p>
          <a href={pageHref('evaluation', lang, { slug: e.slug })}>
            {evaluationMessages(lang).evaluation.workspaceLink}
          </a>
        </p>
      )}
    </section>
  );
}

/** The landing page in the workspace: the person's clusters, whether they qualify, and the tools. */
async function workspace(c: AppContext) {
  const ws = await workspaceOf(c.get('deps').db, callerOf(c), today(c));
  const t = catalogueMessages(c.get('lang'));
  return renderPage(c, t.workspaceTitle, ({ lang }) => (
    <>
      <h1>{t.workspaceTitle}</h1>
      <p class="font-lead">{t.workspaceIntro}</p>
      {ws.clusters.length === 0 && <p>{t.workspaceNone}</p>}
      {ws.clusters.map((cluster) => (
        <ClusterSection cluster={cluster} lang={lang} />
      ))}
      <ul>
        <li>
          <a href={href('activities', lang)}>{activityMessages(lang).workspaceLink}</a>
        </li>
        <li>
          <a href={href('deliveries', lang)}>{t.deliveriesLink}</a>
        </li>
        {ws.manageApiTokens && (
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
        {contactKeepingClusters(c.get('user')).length > 0 && (
          <li>
            <a href={href('companyContacts', lang)}>{recipientMessages(lang).contactsTitle}</a>
          </li>
        )}
      </ul>
    </>
  ));
}

export function registerWorkspacePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'workspace', workspace);
}
