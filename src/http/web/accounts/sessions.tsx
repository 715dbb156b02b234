import type { Hono } from 'hono';
import {
  endOwnOtherSessions,
  endOwnSession,
  ownSessions,
  type SessionView,
} from '../../../domain/accounts/sessions.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { identityMessages } from './messages.ts';

/** How a session was signed in to: the password, or the identity provider's name. */
export function methodLabel(
  c: AppContext,
  lang: Lang,
  session: Pick<SessionView, 'authMethod' | 'multiFactor'>,
) {
  const t = identityMessages(lang).sessions;
  const provider = session.authMethod.startsWith('oidc:')
    ? c.get('deps').identityProviders.provider(session.authMethod.slice('oidc:'.length))
    : undefined;
  const name = session.authMethod === 'password' ? t.password : (provider?.name ?? session.authMethod);
  return session.authMethod === 'password' && session.multiFactor ? `${name} ${t.withSecondFactor}` : name;
}

function SessionRow({ c, ch, s }: { c: AppContext; ch: Chrome; s: SessionView }) {
  const t = identityMessages(ch.lang).sessions;
  const device = s.device || t.unknownDevice;
  return (
    <tr>
      <td>
        {device}
        {s.current && (
          <>
            {' '}
            <span class="badge badge-success">{t.current}</span>
          </>
        )}
      </td>
      <td>{s.network || t.unknownNetwork}</td>
      <td>{methodLabel(c, ch.lang, s)}</td>
      <td>{formatDateTime(s.createdAt, ch.lang)}</td>
      <td>{formatDateTime(s.lastSeenAt, ch.lang)}</td>
      <td>
        {!s.current && (
          <form method="post" action={pageHref('accountSessionEnd', ch.lang, { id: s.id })}>
            <CsrfField token={ch.csrfToken} />
            <button
              type="submit"
              class="button button-secondary button-small"
              aria-label={t.endLabel(device)}
            >
              {t.end}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

async function sessionsPage(c: AppContext) {
  const deps = c.get('deps');
  const t = identityMessages(c.get('lang')).sessions;
  const sessions = await ownSessions(
    deps.db,
    callerOf(c),
    c.get('session')?.id ?? null,
    deps.clock(),
    deps.config.sessionIdleMinutes,
  );
  const ended = c.req.query('ended');
  return renderPage(c, t.title, (ch) => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {ended === 'one' && <Alert variant="success">{t.ended}</Alert>}
      {ended && /^\d+$/.test(ended) && <Alert variant="success">{t.endedOthers(Number(ended))}</Alert>}
      <table class="table table--zebra">
        <caption class="sr-only">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.device}</th>
            <th scope="col">{t.network}</th>
            <th scope="col">{t.method}</th>
            <th scope="col">{t.started}</th>
            <th scope="col">{t.lastSeen}</th>
            <th scope="col">
              <span class="sr-only">{t.end}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <SessionRow c={c} ch={ch} s={s} />
          ))}
        </tbody>
      </table>
      {sessions.length > 1 && (
        <form method="post" action={href('accountSessionsEndOthers', ch.lang)}>
          <CsrfField token={ch.csrfToken} />
          <button type="submit" class="button button-secondary">
            {t.endOthers}
          </button>
        </form>
      )}
    </>
  ));
}

/** The signed-in person's active sessions, each of which they can end, or all others at once. */
export function registerSessionPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'accountSessions', sessionsPage);
  onPage(app, 'POST', 'accountSessionsEndOthers', async (c) => {
    const n = await endOwnOtherSessions(c.get('deps').db, callerOf(c), c.get('sessionToken') ?? '');
    return c.redirect(href('accountSessions', c.get('lang'), { ended: String(n) }), 303);
  });
  onPage(app, 'POST', 'accountSessionEnd', async (c) => {
    await endOwnSession(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
    return c.redirect(href('accountSessions', c.get('lang'), { ended: 'one' }), 303);
  });
}
