import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerLabelImportPages } from './import.tsx';
import { registerImprovementPlanPages } from './improvement-plan.tsx';
import { registerLabelRegisterPage } from './register.tsx';
import { registerSelfAssessmentPages } from './self-assessment.tsx';

/** The label register, the label import and the clusters' self-assessments. Routes are tried in this order. */
export function registerLabelsArea(app: Hono<AppEnv>): void {
  registerLabelRegisterPage(app);
  registerLabelImportPages(app);
  registerSelfAssessmentPages(app);
  registerImprovementPlanPages(app);
}
