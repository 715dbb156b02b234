import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerServicePages } from './services.tsx';

/** The national support function's offer: its catalogue of services. Routes are tried in this order. */
export function registerSupportArea(app: Hono<AppEnv>): void {
  registerServicePages(app);
}
