import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerMatchmakingPages } from './pages.tsx';

/** Matchmaking at events: registration, meeting requests, scheduling and agendas. */
export function registerMatchmakingArea(app: Hono<AppEnv>): void {
  registerMatchmakingPages(app);
}
