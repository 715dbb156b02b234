import type { Hono } from 'hono';
import { applicationView } from '../../../domain/calls/application-view.ts';
import {
  checkEligibility,
  declareConflict,
  scoreApplication,
  setConsensus,
} from '../../../domain/calls/assessment.ts';
import { eligibilityInput, scoreInput } from '../../../domain/calls/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, formBody, idOfPage, Outcome, str } from './shared.tsx';
import {
  ApplicationContent,
  ApplicationPost,
  ConflictBlocked,
  ConflictDeclaration,
  Consensus,
  Decision,
  EligibilityCheck,
  Scores,
} from './views/application-page.tsx';

/** One application's page: the owner checks eligibility and agrees the consensus; an assessor declares, then scores. */

async function applicationPage(c: AppContext) {
  const view = await applicationView(c.get('deps').db, callerOf(c), idOfPage(c, 'application'));
  const { actions, setup } = view;
  const t = callFlowMessages(c.get('lang'));
  const name = view.application?.organisationName;
  // An assessor who has not declared sees no applicant yet: the page is named after the call.
  const title = name ? `${t.application}: ${name}` : t.applicationTo(setup.call.title);
  return renderPage(c, title, ({ lang, csrfToken }) => {
    const post = { lang, csrfToken, view };
    return (
      <>
        <h1>{title}</h1>
        <Outcome c={c} t={t} />
        {actions.declare && (
          <ApplicationPost {...post} what="declare">
            <ConflictDeclaration t={t} />
          </ApplicationPost>
        )}
        {actions.blockedByConflict && <ConflictBlocked t={t} />}
        <ApplicationContent t={t} lang={lang} view={view} />
        {actions.checkEligibility && (
          <ApplicationPost {...post} what="eligibility">
            <EligibilityCheck t={t} lang={lang} view={view} />
          </ApplicationPost>
        )}
        {actions.score && (
          <ApplicationPost {...post} what="score">
            <Scores t={t} lang={lang} view={view} />
          </ApplicationPost>
        )}
        {actions.setConsensus && (
          <ApplicationPost {...post} what="consensus">
            <Consensus t={t} lang={lang} view={view} />
          </ApplicationPost>
        )}
        {actions.decisionLetter && <Decision t={callFlowMessages(lang)} lang={lang} view={view} />}
        <p>
          <a href={pageHref(actions.processing ? 'callProcess' : 'call', lang, { slug: setup.call.slug })}>
            {setup.call.title}
          </a>
        </p>
      </>
    );
  });
}

/** The posted `score:<criterion>` fields (and their `comment:<criterion>`), empty ones left out. */
function scoresFromForm(body: Record<string, string | string[]>) {
  return Object.entries(body)
    .filter(([k, v]) => k.startsWith('score:') && typeof v === 'string' && v.trim() !== '')
    .map(([k, v]) => {
      const criterionId = k.slice('score:'.length);
      const parsed = scoreInput.safeParse({
        criterionId,
        score: v,
        comment: str(body, `comment:${criterionId}`),
      });
      if (!parsed.success) throw new AppError('validation', 'invalid score');
      return parsed.data;
    });
}

async function applicationAction(c: AppContext) {
  const editor = callerOf(c);
  const view = await applicationView(c.get('deps').db, editor, idOfPage(c, 'application'));
  const deps = c.get('deps');
  const now = deps.clock();
  const body = await formBody(c);
  const back = pageHref('application', c.get('lang'), { id: view.id });
  return actAndReturn(c, back, async () => {
    switch (str(body, 'do')) {
      case 'declare': {
        // A conflict of interest is declared by an explicit choice; no answer is not "no conflict".
        const choice = str(body, 'hasConflict');
        if (choice !== 'yes' && choice !== 'no')
          throw new AppError('validation', 'choose yes or no', [
            { field: 'hasConflict', message: 'conflict_choice' },
          ]);
        return declareConflict(
          deps.db,
          editor,
          view.id,
          { hasConflict: choice === 'yes', note: str(body, 'note') },
          now,
        );
      }
      case 'score':
        return scoreApplication(deps.db, editor, view.id, scoresFromForm(body), now);
      case 'consensus':
        return setConsensus(deps.db, editor, view.id, scoresFromForm(body), now);
      case 'eligibility': {
        const checks = Object.fromEntries(
          view.setup.requirements.map((r) => [r.id, str(body, `pass:${r.id}`) === '1']),
        );
        const parsed = eligibilityInput.safeParse({ checks, reason: str(body, 'reason') });
        if (!parsed.success) throw new AppError('validation', 'reason required');
        return checkEligibility(deps.db, editor, view.id, parsed.data, now);
      }
      default:
        throw new AppError('validation', 'unknown action');
    }
  });
}

export function registerApplicationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'application', applicationPage);
  onPage(app, 'POST', 'application', applicationAction);
}
