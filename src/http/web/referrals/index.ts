import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerReferralPages } from './pages.tsx';
import { registerReferralTargetPages } from './targets.tsx';

/** Referrals of companies between business hubs and clusters, their figures, and the list of outside referral targets. */
export function registerReferralsArea(app: Hono<AppEnv>): void {
  registerReferralPages(app);
  registerReferralTargetPages(app);
}
