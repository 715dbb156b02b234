import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerActivityFeeds } from './feeds.ts';
import { registerJointEventPages } from './joint-events.tsx';
import { registerHubPages } from './pages.tsx';

/** The business hubs' landing page, every cluster's upcoming activities with their feeds, and joint events. */
export function registerHubsArea(app: Hono<AppEnv>): void {
  registerActivityFeeds(app);
  registerHubPages(app);
  registerJointEventPages(app);
}
