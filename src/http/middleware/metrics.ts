import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Metrics } from '../../metrics.ts';

/**
 * Times every request into the duration histogram, labelled with the pattern of the route that
 * answered (`/klynger/:slug`), so the number of series is bounded by the route table whatever
 * paths visitors send. After the chain has run, the route index points at the handler (or the
 * middleware) that answered; a request no route matched is labelled with the last middleware's
 * pattern (`*`).
 */
export function requestMetrics(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const end = metrics.requestDuration.startTimer();
    try {
      await next();
    } finally {
      end({ method: c.req.method, route: routePath(c) || '*', status: String(c.res.status) });
    }
  };
}
