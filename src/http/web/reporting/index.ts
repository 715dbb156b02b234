import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerActivityPages } from './activities.tsx';
import { registerApiTokenPages } from './api-tokens.tsx';
import { registerDeadlinePages } from './deadlines.tsx';
import { registerReportingPages } from './deliveries.tsx';
import { registerPeriodPages } from './periods.tsx';

/** Activity reporting: file deliveries, activities by hand, reporting periods, their deadlines and API tokens. Routes are tried in this order. */
export function registerReportingArea(app: Hono<AppEnv>): void {
  registerReportingPages(app);
  registerApiTokenPages(app);
  registerActivityPages(app);
  registerPeriodPages(app);
  registerDeadlinePages(app);
}
