import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

/** News, success stories, events and calls: lists, pages, feeds and publishing forms. */
export function contentPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
