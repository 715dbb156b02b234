import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerFundingPlanPages } from './funding-plans.tsx';
import { registerMeetingPages } from './meetings.tsx';
import { registerCoordinationPages } from './overview.tsx';

/** Funding coordination between funders: overview, portfolios, funding plans, meetings. Routes are tried in this order. */
export function registerCoordinationArea(app: Hono<AppEnv>): void {
  registerCoordinationPages(app);
  registerFundingPlanPages(app);
  registerMeetingPages(app);
}
