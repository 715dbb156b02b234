import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerEventPages } from './events.tsx';
import { registerFeeds } from './feeds.ts';
import { NEWS, registerPostPages, STORIES } from './posts.tsx';

/** News, success stories and events: lists, pages, feeds and publishing forms. Routes are tried in this order. */
export function registerContentArea(app: Hono<AppEnv>): void {
  for (const section of [NEWS, STORIES]) {
    // Feeds before the item pages: /nyheder/rss.xml must not be taken for a news item.
    registerFeeds(app, section);
    registerPostPages(app, section);
  }
  registerEventPages(app);
}
