import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerLandingPages } from './pages.tsx';

/** The landing pages of funders and the support function; the others live in their own areas. */
export function registerLandingArea(app: Hono<AppEnv>): void {
  registerLandingPages(app);
}
