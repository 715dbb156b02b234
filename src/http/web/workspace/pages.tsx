import type { Hono } from 'hono';
import { landingPageOf, navigationFor } from '../../../domain/site/sections.ts';
import { myCourseRegistrations } from '../../../domain/support/registrations.ts';
import { type WorkspaceCluster, workspaceOf } from '../../../domain/workspace/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { catalogueMessages } from '../catalogue/messages.ts';
import { reasonText } from '../catalogue/views/cluster-profile.tsx';
import { evaluationMessages } from '../evaluation/messages.ts';
import { AttentionList, ToolList } from '../landing/views/attention.tsx';
import { onPage } from '../routes.ts';
import { MyCourses } from '../support/views/my-courses.tsx';

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
      <p class="form-actions">
        <a class="button button-primary" href={pageHref('clusterEdit', lang, { slug: e.slug })}>
          {t.edit}
        </a>
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

/**
 * Cluster staff's landing page: what waits for them, their clusters (whether each qualifies and
 * what it lacks), their courses and their tools. Anyone else is sent to their own landing page.
 */
async function workspace(c: AppContext) {
  const caller = callerOf(c);
  const lang = c.get('lang');
  if (!navigationFor(caller.principal).some((g) => g.key === 'workspace')) {
    const landing = landingPageOf(caller.principal) ?? 'account';
    return c.redirect(href(landing as PageKey, lang), 303);
  }
  const { db, clock } = c.get('deps');
  const ws = await workspaceOf(db, caller, clock());
  const courses = await myCourseRegistrations(db, caller);
  const t = catalogueMessages(lang);
  return renderPage(c, t.workspaceTitle, (chrome) => (
    <>
      <h1>{t.workspaceTitle}</h1>
      <p class="font-lead">{t.workspaceIntro}</p>
      <AttentionList items={ws.attention} lang={chrome.lang} />
      {ws.clusters.map((cluster) => (
        <ClusterSection cluster={cluster} lang={chrome.lang} />
      ))}
      <MyCourses registrations={courses} now={clock()} lang={chrome.lang} />
      <ToolList chrome={chrome} group="workspace" />
    </>
  ));
}

export function registerWorkspacePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'workspace', workspace);
}
