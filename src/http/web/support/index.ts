import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerCoursePages } from './courses.tsx';
import { registerServicePages } from './services.tsx';

/** The national support function's offer: its catalogue of services and their courses with sign-up. Routes are tried in this order. */
export function registerSupportArea(app: Hono<AppEnv>): void {
  registerServicePages(app);
  registerCoursePages(app);
}
