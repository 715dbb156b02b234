import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerMarketplacePages } from './pages.tsx';

/** The marketplace of offers and requests: the public list and items, publishing, interest. */
export function registerMarketplaceArea(app: Hono<AppEnv>): void {
  registerMarketplacePages(app);
}
