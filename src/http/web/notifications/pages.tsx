import type { Hono } from 'hono';
import { markNotificationsRead } from '../../../domain/notifications/commands.ts';
import { type NotificationView, notificationsFor } from '../../../domain/notifications/queries.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { alternatePath, href, type Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import { type NotificationMessages, notificationMessages } from './messages.ts';

function NotificationTable({
  rows,
  lang,
  t,
}: {
  rows: NotificationView[];
  lang: Lang;
  t: NotificationMessages;
}) {
  // Links are stored as Danish paths: the English list points to the same page in English.
  const linkOf = (link: string) => (lang === 'da' ? link : alternatePath(link, '', 'en'));
  return (
    <ScrollingTable label={t.caption}>
      <table class="table table--compact">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.text}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr>
              <td>{formatDateTime(n.createdAt, lang)}</td>
              <td>
                <a href={linkOf(n.link)}>{lang === 'da' ? n.text : n.textEn}</a>
              </td>
              <td>{n.read ? t.read : <strong>{t.unread}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

async function notificationList(c: AppContext) {
  const rows = await notificationsFor(c.get('deps').db, callerOf(c));
  const lang = c.get('lang');
  const t = notificationMessages(lang);
  return renderPage(c, t.title, ({ csrfToken }) => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {c.req.query('laest') && <Alert variant="success">{t.marked}</Alert>}
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <NotificationTable rows={rows} lang={lang} t={t} />
          <form method="post" action={href('notifications', lang)}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button button-secondary">
              {t.markAll}
            </button>
          </form>
        </>
      )}
    </>
  ));
}

async function markAllRead(c: AppContext) {
  await markNotificationsRead(c.get('deps').db, callerOf(c));
  return c.redirect(href('notifications', c.get('lang'), { laest: '1' }), 303);
}

export function registerNotificationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'notifications', notificationList);
  onPage(app, 'POST', 'notifications', markAllRead);
}
