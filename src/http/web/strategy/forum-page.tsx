/** Klyngeforum's public overview of the national cluster strategy. */
import type { Hono } from 'hono';
import { listFocusAreas } from '../../../domain/strategy/queries.ts';
import type { AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { strategyMessages } from './messages.ts';
import { ForumView } from './views/forum.tsx';

export function registerForumPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusterForum', async (c) => {
    const lang = c.get('lang');
    const t = strategyMessages(lang);
    const areas = await listFocusAreas(c.get('deps').db);
    return renderPage(c, t.title, () => <ForumView areas={areas} lang={lang} t={t} />);
  });
}
