import type { Child } from 'hono/jsx';
import { unreadCount } from '../domain/notifications/queries.ts';
import { holdsDemoData } from '../domain/site/queries.ts';
import { navigationFor } from '../domain/site/sections.ts';
import { briefly } from './brief-cache.ts';
import type { AppContext } from './context.ts';
import { messages } from './i18n/index.ts';
import { alternatePath, langOfPath } from './paths.ts';
import { type Chrome, Layout, type PageFeed } from './views/layout.tsx';

/** Whether the database holds demo data; every page says so, so it is read at most every 30 s. */
const hasSyntheticData = briefly(30_000, (deps) => holdsDemoData(deps.db));

export async function chromeOf(c: AppContext): Promise<Chrome> {
  const url = new URL(c.req.url);
  // Error pages can be rendered before the language middleware ran.
  const lang = c.get('lang') ?? langOfPath(url.pathname);
  const user = c.get('user') ?? null;
  return {
    lang,
    m: c.get('m') ?? messages(lang),
    user,
    navigation: navigationFor(user),
    // A getter: only pages with a form make (and set the cookie of) a CSRF token.
    get csrfToken() {
      return c.get('csrfToken')?.() ?? '';
    },
    alternateHref: alternatePath(url.pathname, url.search, lang === 'da' ? 'en' : 'da'),
    currentPath: url.pathname,
    syntheticData: await hasSyntheticData(c.get('deps')),
    unreadNotifications: user ? await unreadCount(c.get('deps').db, user) : 0,
  };
}

export async function renderPage(
  c: AppContext,
  title: string,
  body: (chrome: Chrome) => Child,
  status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 502 = 200,
  /** The feeds and calendars the page offers, for <link rel="alternate"> in its head. */
  feeds: readonly PageFeed[] = [],
): Promise<Response> {
  const chrome = await chromeOf(c);
  const html = await (
    <Layout chrome={chrome} title={title} feeds={feeds}>
      {body(chrome)}
    </Layout>
  ).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}
