import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerActivityFeeds } from './feeds.ts';
import { registerHubPages } from './pages.tsx';

/** The business hubs' landing page and every cluster's upcoming activities, with their feeds. */
export function registerHubsArea(app: Hono<AppEnv>): void {
  registerActivityFeeds(app);
  registerHubPages(app);
}
