import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerNotificationPages } from './pages.tsx';

/** The signed-in user's notifications (any role): the list and marking them read. */
export function registerNotificationsArea(app: Hono<AppEnv>): void {
  registerNotificationPages(app);
}
