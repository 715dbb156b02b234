import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerAccountPages } from './account.tsx';
import { registerIdentityProviderPages } from './identity-providers.tsx';
import { registerLoginPages } from './login.tsx';
import { registerOrganisationAdminPages } from './organisation-admin.tsx';
import { registerPasswordResetPages } from './password-reset.tsx';
import { registerSecondFactorPages } from './second-factor.tsx';
import { registerSessionPages } from './sessions.tsx';

/**
 * Login (password, OpenID Connect providers, the second factor), logout, password reset and the
 * signed-in user's own account and sessions, and an organisation admin's page of their
 * organisation's users. Routes are tried in this order.
 */
export function registerAccountsArea(app: Hono<AppEnv>): void {
  registerLoginPages(app);
  registerIdentityProviderPages(app);
  registerSecondFactorPages(app);
  registerPasswordResetPages(app);
  registerAccountPages(app);
  registerSessionPages(app);
  registerOrganisationAdminPages(app);
}
