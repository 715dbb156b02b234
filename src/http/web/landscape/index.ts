import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerLandscapePages } from './pages.tsx';

/** The theme × region landscape and map. Routes are tried in this order. */
export function registerLandscapeArea(app: Hono<AppEnv>): void {
  registerLandscapePages(app);
}
