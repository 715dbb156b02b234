import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCoursePages } from './courses.tsx';
import { registerPlanPages } from './plan-pages.tsx';
import { registerServicePages } from './services.tsx';
import { registerSteeringPage } from './steering-page.tsx';

/** The national support function's offer: its catalogue of services, the year's demand-driven plan and the courses with sign-up. Routes are tried in this order. */
export function registerSupportArea(app: Hono<AppEnv>): void {
  // The plan's public page (/ydelser/plan/:year) before the service pages' /ydelser/:slug/...
  registerPlanPages(app);
  registerServicePages(app);
  registerCoursePages(app);
  registerSteeringPage(app);
}
