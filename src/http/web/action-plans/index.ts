import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCommentPages } from './comments-page.tsx';
import { registerFollowUpPages } from './follow-up-page.tsx';
import { registerPlanListPages } from './list-pages.tsx';
import { registerPlanPages } from './plan-page.tsx';

/**
 * Annual action plans: the cluster's own plans and the funders' view (lists, one plan with its
 * decisions, the follow-up) and the support function's sparring on them. Routes are tried in this order.
 */
export function registerActionPlansArea(app: Hono<AppEnv>): void {
  registerPlanListPages(app);
  registerFollowUpPages(app);
  registerPlanPages(app);
  registerCommentPages(app);
}
