import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerPracticePages } from './pages.tsx';

/** The best-practice catalogue of collaboration models. Routes are tried in this order. */
export function registerPracticesArea(app: Hono<AppEnv>): void {
  registerPracticePages(app);
}
