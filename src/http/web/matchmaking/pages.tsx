import type { Hono } from 'hono';
import { AppError, notFound } from '../../../domain/errors.ts';
import { announceMeetings, announceRequestChange } from '../../../domain/matchmaking/mail.ts';
import {
  answerRequest,
  cancelRequest,
  register,
  requestMeeting,
} from '../../../domain/matchmaking/participation.ts';
import { matchmakingPage } from '../../../domain/matchmaking/queries.ts';
import { runScheduler } from '../../../domain/matchmaking/scheduling.ts';
import { setUpMatchmaking } from '../../../domain/matchmaking/setup.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { LANGS, type PageKey, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors, withDateFields } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { calendarDownload, pdfDownload } from './downloads.ts';
import { type MatchmakingMessages, matchmakingMessages } from './messages.ts';
import { type FormName, MatchmakingView, type Notice } from './views/page.tsx';

const messagesOf = (c: AppContext) => matchmakingMessages(c.get('lang'));
const slugOf = (c: AppContext) => c.req.param('slug') ?? '';

/** The labels errors name their field by. */
const labelsOf = (t: MatchmakingMessages) => ({
  firstSlot: t.firstSlot,
  slotMinutes: t.slotMinutes,
  slotCount: t.slotCount,
  tables: t.tables,
  meetingsPerParticipant: t.meetingsPerParticipant,
  deadline: t.deadlineDate,
  deadlineTime: t.deadlineTime,
  organisationName: t.organisationName,
  offers: t.offers,
  seeks: t.seeks,
  slotIds: t.availability,
});

function noticeOf(c: AppContext, t: MatchmakingMessages): Notice {
  const scheduled = /^(\d+)-(\d+)$/.exec(c.req.query('planlagt') ?? '');
  if (scheduled) return { variant: 'success', text: t.scheduled(Number(scheduled[1]), Number(scheduled[2])) };
  if (c.req.query('tilbagetrukket')) return { variant: 'success', text: t.withdrawnNotice };
  if (c.req.query('aflyst')) return { variant: 'success', text: t.cancelledNotice };
  return c.req.query('gemt') ? { variant: 'success', text: t.saved } : null;
}

async function show(
  c: AppContext,
  form: PostedForm = EMPTY_FORM,
  formName: FormName | null = null,
  status: 200 | 409 | 422 = 200,
) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const page = await matchmakingPage(db, callerOf(c), slugOf(c), now);
  if (!page.event.settings && !page.mayOrganise) throw notFound('Matchmaking');
  const t = messagesOf(c);
  const notice: Notice = status === 409 ? { variant: 'warning', text: t.conflict } : noticeOf(c, t);
  return renderPage(
    c,
    t.title(page.event.title),
    ({ csrfToken, m, lang }) => (
      <MatchmakingView
        page={page}
        form={form}
        formName={formName}
        notice={notice}
        csrfToken={csrfToken}
        m={m}
        lang={lang}
        t={t}
        now={now}
      />
    ),
    status,
  );
}

type Command = (c: AppContext, values: Record<string, string | string[]>) => Promise<Record<string, string>>;

/**
 * Runs one command from a form of the page: bad input shows the form again with its errors, a
 * wrong state the page with a warning; success redirects to the page with a notice.
 */
const posted = (formName: FormName, run: Command) => async (c: AppContext) => {
  const body = await c.req.parseBody({ all: true });
  const texts = Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== 'slotIds')
      .map(([k, v]) => [k, formText(v)]),
  );
  const values: Record<string, string | string[]> = {
    ...withDateFields(texts),
    slotIds: formList(body.slotIds),
  };
  let query: Record<string, string>;
  try {
    query = await run(c, values);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const t = messagesOf(c);
      const errors = toFieldErrors(err.issues, c.get('m'), t.errors, labelsOf(t));
      return show(c, { values, errors }, formName, 422);
    }
    if (err instanceof AppError && err.code === 'conflict') return show(c, EMPTY_FORM, null, 409);
    throw err;
  }
  return c.redirect(pageHref('matchmaking', c.get('lang'), { slug: slugOf(c) }, query), 303);
};

const SAVED = { gemt: '1' };

/** The matchmaking page in both languages, for e-mails. */
function pageLinks(c: AppContext): { da: string; en: string } {
  const site = c.get('deps').config.publicUrl.replace(/\/$/, '');
  const [da, en] = LANGS.map((lang) => `${site}${pageHref('matchmaking', lang, { slug: slugOf(c) })}`);
  return { da: da as string, en: en as string };
}

const COMMANDS: [PageKey, FormName, Command][] = [
  [
    'matchmakingSetup',
    'setup',
    async (c, v) => {
      await setUpMatchmaking(c.get('deps').db, callerOf(c), slugOf(c), v, c.get('deps').clock());
      return SAVED;
    },
  ],
  [
    'matchmakingRegister',
    'registration',
    async (c, v) => {
      await register(c.get('deps').db, callerOf(c), slugOf(c), v, c.get('deps').clock());
      return SAVED;
    },
  ],
  [
    'matchmakingRequest',
    'request',
    async (c, v) => {
      const deps = c.get('deps');
      const id = await requestMeeting(deps.db, callerOf(c), slugOf(c), v, deps.clock());
      await announceRequestChange(deps, id, String(v.toParticipantId), 'requested', pageLinks(c));
      return SAVED;
    },
  ],
  [
    'matchmakingAnswer',
    'request',
    async (c, v) => {
      const deps = c.get('deps');
      const id = c.req.param('id') ?? '';
      const answer = await answerRequest(deps.db, callerOf(c), slugOf(c), id, v, deps.clock());
      await announceRequestChange(deps, id, answer.otherParticipantId, answer.change, pageLinks(c));
      return SAVED;
    },
  ],
  [
    'matchmakingCancel',
    'request',
    async (c) => {
      const deps = c.get('deps');
      const id = c.req.param('id') ?? '';
      const closed = await cancelRequest(deps.db, callerOf(c), slugOf(c), id, deps.clock());
      await announceRequestChange(deps, id, closed.otherParticipantId, closed.change, pageLinks(c));
      return { [closed.change === 'withdrawn' ? 'tilbagetrukket' : 'aflyst']: '1' };
    },
  ],
  [
    'matchmakingSchedule',
    'request',
    async (c, v) => {
      const deps = c.get('deps');
      const result = await runScheduler(deps.db, callerOf(c), slugOf(c), v, deps.clock());
      await announceMeetings(deps, result.changed, pageLinks(c));
      return { planlagt: `${result.placed}-${result.unplaced}` };
    },
  ],
];

export function registerMatchmakingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'matchmakingCalendar', calendarDownload);
  onPage(app, 'GET', 'matchmakingAgendaPdf', pdfDownload);
  onPage(app, 'GET', 'matchmaking', (c) => show(c));
  for (const [page, formName, run] of COMMANDS) onPage(app, 'POST', page, posted(formName, run));
}
