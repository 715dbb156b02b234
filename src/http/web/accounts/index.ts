import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerAccountPages } from './account.tsx';
import { registerLoginPages } from './login.tsx';
import { registerPasswordResetPages } from './password-reset.tsx';

/** Login, logout, password reset and the signed-in user's own account. Routes are tried in this order. */
export function registerAccountsArea(app: Hono<AppEnv>): void {
  registerLoginPages(app);
  registerPasswordResetPages(app);
  registerAccountPages(app);
}
