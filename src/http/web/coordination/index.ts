import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerInitiativePages } from './initiatives.tsx';
import { registerCoordinationPages } from './overview.tsx';

/** Funding coordination between funders: overview, portfolios, planned initiatives. Routes are tried in this order. */
export function registerCoordinationArea(app: Hono<AppEnv>): void {
  registerCoordinationPages(app);
  registerInitiativePages(app);
}
