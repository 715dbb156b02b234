import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerLabelPages } from './pages.tsx';

/** The label register and the label import. Routes are tried in this order. */
export function registerLabelsArea(app: Hono<AppEnv>): void {
  registerLabelPages(app);
}
