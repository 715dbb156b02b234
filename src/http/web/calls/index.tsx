import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerApplicationPages } from './application.tsx';
import { registerAssessmentPages } from './assessments.tsx';
import { registerProcessPages } from './process.tsx';
import { registerSetupPages } from './setup.tsx';

/** The call flow: set-up, applications, eligibility, assessment, decision, allocation and letters. */
export function callFlowPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  registerSetupPages(app);
  registerProcessPages(app);
  registerApplicationPages(app);
  registerAssessmentPages(app);
  return app;
}
