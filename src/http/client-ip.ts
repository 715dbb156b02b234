import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.ts';

/** The client's address: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientIp(c: AppContext): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests with app.request) have no socket.
    return 'local';
  }
}
