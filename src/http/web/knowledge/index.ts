import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerKnowledgePages } from './pages.tsx';

/** The support function's knowledge base: articles and templates in versions. Routes are tried in this order. */
export function registerKnowledgeArea(app: Hono<AppEnv>): void {
  registerKnowledgePages(app);
}
