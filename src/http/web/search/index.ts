import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerSearchPages } from './pages.tsx';

/** Search across clusters, activities, events, news and calls. Routes are tried in this order. */
export function registerSearchArea(app: Hono<AppEnv>): void {
  registerSearchPages(app);
}
