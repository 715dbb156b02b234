import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerAdminPages } from './pages.tsx';

/** Administration: users, roles and the audit log. Routes are tried in this order. */
export function registerAdminArea(app: Hono<AppEnv>): void {
  registerAdminPages(app);
}
