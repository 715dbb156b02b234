import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerPerformanceExportPages } from './exports.tsx';
import { registerResultsPages } from './results.tsx';

/** The performance account: results pages and their downloads. Routes are tried in this order. */
export function registerPerformanceArea(app: Hono<AppEnv>): void {
  registerResultsPages(app);
  registerPerformanceExportPages(app);
}
