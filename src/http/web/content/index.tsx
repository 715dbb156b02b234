import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCallPages } from './calls.tsx';
import { registerEventPages } from './events.tsx';
import { registerFeeds } from './feeds.ts';
import { NEWS, registerPostPages, STORIES } from './posts.tsx';

/** News, success stories, events and calls: lists, pages, feeds and publishing forms. */
export function contentPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const section of [NEWS, STORIES]) {
    // Feeds before the item pages: /nyheder/rss.xml must not be taken for a news item.
    registerFeeds(app, section);
    registerPostPages(app, section);
  }
  registerEventPages(app);
  registerCallPages(app);
  return app;
}
