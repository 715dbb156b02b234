import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerForumPages } from './forum-page.tsx';
import { registerInitiativePages } from './initiative-pages.tsx';

/** Klyngeforum: the national cluster strategy's focus areas and initiatives. Routes are tried in this order. */
export function registerStrategyArea(app: Hono<AppEnv>): void {
  registerForumPages(app);
  registerInitiativePages(app);
}
