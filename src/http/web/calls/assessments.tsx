import type { Hono } from 'hono';
import { assessmentsOf } from '../../../domain/calls/processing.ts';
import { nameOf } from '../../../domain/glossary.ts';
import { landingOf } from '../../../domain/landing/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { AttentionList } from '../landing/views/attention.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';

/** "My assessments": the calls this assessor is on, their applications, progress and conflict status. */
async function myAssessmentsPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const rows = await assessmentsOf(db, callerOf(c), now);
  // An assessor's landing page: what waits (also for someone who assesses besides other work).
  const { attention } = await landingOf(db, callerOf(c), 'assessments', now);
  const t = callFlowMessages(c.get('lang'));
  const calls = new Map<string, typeof rows>();
  for (const row of rows) calls.set(row.callSlug, [...(calls.get(row.callSlug) ?? []), row]);
  return renderPage(c, t.myAssessments, ({ lang }) => (
    <>
      <h1>{t.myAssessments}</h1>
      <p class="font-lead">{t.myAssessmentsLead}</p>
      <AttentionList items={attention} lang={lang} />
      {rows.length === 0 && <p>{t.noAssessments}</p>}
      {[...calls.values()].map((apps) => {
        const first = apps[0];
        if (!first) return null;
        return (
          <section aria-labelledby={`call-${first.callSlug}`}>
            <h2 id={`call-${first.callSlug}`}>
              <a href={pageHref('call', lang, { slug: first.callSlug })}>{first.callTitle}</a>
            </h2>
            <p>
              {t.status}: {nameOf('callPhase', first.callPhase, lang)}
            </p>
            <ScrollingTable label={t.applications}>
              <table class="table">
                <caption>{t.applications}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.organisation}</th>
                    <th scope="col">{t.conflictStatus}</th>
                    <th scope="col">{t.myProgress}</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((a) => (
                    <tr>
                      <td>
                        <a href={pageHref('application', lang, { id: a.applicationId })}>
                          {a.organisationName}
                        </a>
                      </td>
                      <td>
                        {t.conflictStates[a.conflict === null ? 'none' : a.conflict ? 'conflict' : 'clear']}
                      </td>
                      <td>{a.conflict ? '–' : `${a.scored} / ${a.criteria}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollingTable>
          </section>
        );
      })}
    </>
  ));
}

export function registerAssessmentPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'myAssessments', myAssessmentsPage);
}
