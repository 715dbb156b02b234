import type { Context, Handler, Hono } from 'hono';
import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
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

/** A `:name` path parameter that must be a uuid (a user, a session, an identity); 404 for anything else. */
export function uuidParam(c: Context<AppEnv>, name: string): string {
  const id = z.uuid().safeParse(c.req.param(name));
  if (!id.success) throw notFound(name);
  return id.data;
}
