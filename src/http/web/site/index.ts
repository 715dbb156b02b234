import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerPublicPages } from './pages.tsx';

/** Public pages of the site itself: the front page, about, privacy and accessibility. Routes are tried in this order. */
export function registerSiteArea(app: Hono<AppEnv>): void {
  registerPublicPages(app);
}
