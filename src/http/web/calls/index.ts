import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerApplicationPages } from './application.tsx';
import { registerApplyPages } from './apply.tsx';
import { registerApplyFormPages } from './apply-forms.tsx';
import { registerAssessmentPages } from './assessments.tsx';
import { registerCallFormPages } from './call-form.tsx';
import { registerCallPages } from './call-pages.tsx';
import { registerApplicationDownloads } from './downloads.ts';
import { registerCallProcessPages } from './processing.tsx';
import { registerCallSetupPages } from './setup.tsx';

/**
 * Funding calls: the call flow (set-up, processing, the applicant's task list and its sections, one application and its
 * files, the assessor's list), then the call's form and its public pages (/opslag/ny before
 * /opslag/:slug). Routes are tried in this order.
 */
export function registerCallsArea(app: Hono<AppEnv>): void {
  registerCallSetupPages(app);
  registerCallProcessPages(app);
  registerApplyPages(app);
  registerApplyFormPages(app);
  registerApplicationDownloads(app);
  registerApplicationPages(app);
  registerAssessmentPages(app);
  registerCallFormPages(app);
  registerCallPages(app);
}
