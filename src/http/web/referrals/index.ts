import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerReferralPages } from './pages.tsx';

/** Referrals of companies between business hubs and clusters, and their figures. */
export function registerReferralsArea(app: Hono<AppEnv>): void {
  registerReferralPages(app);
}
