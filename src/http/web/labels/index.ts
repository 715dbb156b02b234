import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerLabelImportPages } from './import.tsx';
import { registerLabelRegisterPage } from './register.tsx';

/** The label register and the label import. Routes are tried in this order. */
export function registerLabelsArea(app: Hono<AppEnv>): void {
  registerLabelRegisterPage(app);
  registerLabelImportPages(app);
}
