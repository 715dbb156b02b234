import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

export function landscapePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
