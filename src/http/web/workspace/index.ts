import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerWorkspacePages } from './pages.tsx';

/** The signed-in user's landing page in the workspace. Routes are tried in this order. */
export function registerWorkspaceArea(app: Hono<AppEnv>): void {
  registerWorkspacePages(app);
}
