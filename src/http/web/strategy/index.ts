import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerStrategyPages } from './pages.tsx';

/** Klyngeforum: the national cluster strategy's focus areas and initiatives. Routes are tried in this order. */
export function registerStrategyArea(app: Hono<AppEnv>): void {
  registerStrategyPages(app);
}
