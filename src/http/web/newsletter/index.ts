import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerNewsletterEditorPages } from './editor.tsx';
import { registerNewsletterPublicPages } from './pages.tsx';

/** The support function's newsletter: public sign-up, links and archive; writing and sending. Routes are tried in this order. */
export function registerNewsletterArea(app: Hono<AppEnv>): void {
  registerNewsletterPublicPages(app);
  registerNewsletterEditorPages(app);
}
