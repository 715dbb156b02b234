import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerClusterServicePages } from './pages.tsx';

/** A cluster's services for companies, edited in the workspace. Routes are tried in this order. */
export function registerClusterServicesArea(app: Hono<AppEnv>): void {
  registerClusterServicePages(app);
}
