import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCataloguePages } from './catalogue.tsx';

/** The cluster catalogue, cluster pages, contact form and profile editing. Routes are tried in this order. */
export function registerCatalogueArea(app: Hono<AppEnv>): void {
  registerCataloguePages(app);
}
