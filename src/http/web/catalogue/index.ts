import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerProfileEditingPages } from './cluster-edit.tsx';
import { registerClusterPage } from './cluster-page.tsx';
import { registerClusterContactPage } from './contact.tsx';
import { registerCatalogueListPage } from './list.tsx';

/** The cluster catalogue, cluster pages, contact form and profile editing. Routes are tried in this order. */
export function registerCatalogueArea(app: Hono<AppEnv>): void {
  registerCatalogueListPage(app);
  registerProfileEditingPages(app);
  registerClusterContactPage(app);
  registerClusterPage(app);
}
