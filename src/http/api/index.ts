import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** The JSON API under /api: open data (v1) and the OpenAPI document. */
export function apiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
