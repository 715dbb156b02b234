import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCallPages } from './announcements.tsx';
import { registerApplicationPages } from './application.tsx';
import { registerAssessmentPages } from './assessments.tsx';
import { registerCallProcessPages } from './process.tsx';
import { registerCallSetupPages } from './setup.tsx';

/**
 * Funding calls: the public call pages and their editing, then the call flow (set-up,
 * applications, eligibility, assessment, decision, allocation and letters). Routes are tried in
 * this order.
 */
export function registerCallsArea(app: Hono<AppEnv>): void {
  registerCallSetupPages(app);
  registerCallProcessPages(app);
  registerApplicationPages(app);
  registerAssessmentPages(app);
  registerCallPages(app);
}
