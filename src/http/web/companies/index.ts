import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCompanyHomePages } from './home.tsx';
import { registerInvitationPages } from './invitations.tsx';
import { registerPartnerPages } from './partners.tsx';
import { registerSignupPages } from './signup.tsx';

/** Company and partner accounts: sign-up, the company's own page, partner search, clusters' invitations. */
export function registerCompaniesArea(app: Hono<AppEnv>): void {
  registerSignupPages(app);
  registerCompanyHomePages(app);
  registerPartnerPages(app);
  registerInvitationPages(app);
}
