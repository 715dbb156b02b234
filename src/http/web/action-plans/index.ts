import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerActionPlanPages } from './pages.tsx';

/** Annual action plans: the cluster's own and the funders' view. Routes are tried in this order. */
export function registerActionPlansArea(app: Hono<AppEnv>): void {
  registerActionPlanPages(app);
}
