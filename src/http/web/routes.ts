import type { Handler, Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { LANGS, PAGES, type PageKey } from '../paths.ts';

/** Registers one handler under a page's Danish and English paths. */
export function onPage(
  app: Hono<AppEnv>,
  method: 'GET' | 'POST',
  page: PageKey,
  handler: Handler<AppEnv>,
): void {
  for (const lang of LANGS) app.on(method, PAGES[page][lang], handler);
}
