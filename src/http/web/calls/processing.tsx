import type { Hono } from 'hono';
import {
  createGrants,
  finishAllocation,
  recommend,
  signOffRecommendation,
} from '../../../domain/calls/chain.ts';
import { allocate, decideCall } from '../../../domain/calls/decision.ts';
import { callPhase } from '../../../domain/calls/listing.ts';
import { callProcessing } from '../../../domain/calls/processing.ts';
import { allocationInput } from '../../../domain/calls/schemas.ts';
import { moveCall } from '../../../domain/calls/setup.ts';
import { CALL_STATUSES, type CallStatus } from '../../../domain/calls/workflow.ts';
import { AppError } from '../../../domain/errors.ts';
import { nameOf } from '../../../domain/glossary.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { chainMessages } from './chain-messages.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, formBody, Outcome, str } from './shared.tsx';
import { DecisionChain } from './views/chain.tsx';
import {
  Allocation,
  ApplicationList,
  AssessorProgress,
  Letters,
  Ranking,
  StatusMoves,
} from './views/processing.tsx';
import { CallTimeline } from './views/timeline.tsx';

/**
 * A call's processing page: the owner moves it along and decides; every funder of the call
 * allocates its own budget. A call with a decider shows the joint decision chain's steps and forms.
 */

async function processPage(c: AppContext) {
  const editor = callerOf(c);
  const call = await callOfPage(c);
  const processing = await callProcessing(c.get('deps').db, editor, call.id);
  const { actions } = processing;
  const t = callFlowMessages(c.get('lang'));
  const status = call.status;
  return renderPage(c, `${t.process}: ${call.title}`, ({ lang, csrfToken }) => (
    <>
      <h1>
        {t.process}: {call.title}
      </h1>
      <Outcome c={c} t={t} />
      <p>
        {t.status}: <strong>{nameOf('callPhase', callPhase(call, c.get('deps').clock()), lang)}</strong>
      </p>
      <CallTimeline call={call} lang={lang} now={c.get('deps').clock()} />
      {actions.manage && (
        <StatusMoves
          t={t}
          lang={lang}
          csrfToken={csrfToken}
          processing={processing}
          now={c.get('deps').clock()}
        />
      )}
      <h2>{t.applications}</h2>
      <ApplicationList t={t} lang={lang} processing={processing} />
      {actions.manage && <AssessorProgress t={t} processing={processing} />}
      <Ranking t={t} lang={lang} csrfToken={csrfToken} processing={processing} />
      <DecisionChain t={chainMessages(lang)} lang={lang} csrfToken={csrfToken} processing={processing} />
      <Allocation t={t} lang={lang} csrfToken={csrfToken} processing={processing} />
      {status === 'decided' && <Letters t={t} lang={lang} processing={processing} />}
    </>
  ));
}

const callStatus = (value: string): CallStatus => {
  const status = CALL_STATUSES.find((s) => s === value);
  if (!status) throw new AppError('validation', 'unknown status');
  return status;
};

/** The allocation form's amounts: `a:<application>:<year>` fields, empty ones left out. */
function allocationsFromForm(body: Record<string, string | string[]>) {
  return Object.entries(body).flatMap(([key, value]) => {
    const [, applicationId, year] = key.split(':');
    if (!key.startsWith('a:') || typeof value !== 'string' || value.trim() === '') return [];
    const parsed = allocationInput.safeParse({ applicationId, year, amountDkk: value.replace(/[.\s]/g, '') });
    if (!parsed.success) throw new AppError('validation', 'invalid amount');
    return [parsed.data];
  });
}

/** A repeated form field (check boxes) as a list: none, one or several values. */
const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

async function processAction(c: AppContext) {
  const editor = callerOf(c);
  const call = await callOfPage(c);
  const body = await formBody(c);
  const now = c.get('deps').clock();
  const db = c.get('deps').db;
  const back = pageHref('callProcess', c.get('lang'), { slug: call.slug });
  return actAndReturn(c, back, async () => {
    switch (str(body, 'do')) {
      case 'move':
        return moveCall(db, editor, call.id, callStatus(str(body, 'to')), now);
      case 'decide':
        return decideCall(db, editor, call.id, list(body.selected), now);
      case 'allocate':
        // The whole form in one transaction: a refused row writes none of the others.
        return allocate(db, editor, str(body, 'funderId'), allocationsFromForm(body), now);
      case 'recommend':
        return recommend(db, editor, call.id, list(body.recommended), now);
      case 'signOff':
        return signOffRecommendation(db, editor, call.id, str(body, 'funderId'), now);
      case 'finishAllocation':
        return finishAllocation(db, editor, call.id, str(body, 'funderId'), now);
      case 'createGrants':
        return createGrants(db, editor, call.id, now);
      default:
        throw new AppError('validation', 'unknown action');
    }
  });
}

export function registerCallProcessPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callProcess', processPage);
  onPage(app, 'POST', 'callProcess', processAction);
}
