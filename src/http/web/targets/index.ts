import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerTargetPages } from './pages.tsx';

/** Targets (pejlemærker) and their sets. Routes are tried in this order. */
export function registerTargetsArea(app: Hono<AppEnv>): void {
  registerTargetPages(app);
}
