import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { pingDatabase } from './db/client.ts';
import type { Deps } from './deps.ts';
import { apiRoutes } from './http/api/index.ts';
import type { AppEnv } from './http/context.ts';
import { errorHandler, notFoundHandler } from './http/errors.tsx';
import { requestBodyLimit } from './http/middleware/body-limit.ts';
import { csrf } from './http/middleware/csrf.ts';
import { language, requestLogging, securityHeaders } from './http/middleware/request.ts';
import { session } from './http/middleware/session.ts';
import { accountPages } from './http/web/account.tsx';
import { actionPlanPages } from './http/web/action-plans.tsx';
import { activityPages } from './http/web/activities.tsx';
import { adminPages } from './http/web/admin.tsx';
import { apiTokenPages } from './http/web/api-tokens.tsx';
import { authPages } from './http/web/auth.tsx';
import { benchmarkingPages } from './http/web/benchmarking.tsx';
import { callFlowPages } from './http/web/calls/index.tsx';
import { cataloguePages } from './http/web/catalogue.tsx';
import { contentPages } from './http/web/content/index.tsx';
import { coordinationPages } from './http/web/coordination.tsx';
import { evaluationPages } from './http/web/evaluation.tsx';
import { labelPages } from './http/web/labels.tsx';
import { landscapePages } from './http/web/landscape.tsx';
import { performanceExportPages } from './http/web/performance-exports.tsx';
import { periodPages } from './http/web/periods.tsx';
import { publicPages } from './http/web/public.tsx';
import { qualityPages } from './http/web/quality.tsx';
import { reportingPages } from './http/web/reporting.tsx';
import { resultsPages } from './http/web/results.tsx';
import { searchPages } from './http/web/search.tsx';
import { strategyPages } from './http/web/strategy.tsx';
import { targetPages } from './http/web/targets.tsx';

// dkfds hides package.json behind "exports": resolve its entry and walk up to dist/.
const dkfdsDist = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');
const ownStatic = fileURLToPath(new URL('./http/static', import.meta.url));

const ONE_DAY = 'public, max-age=86400';

/** Builds the whole web application from its dependencies; no globals, so tests build their own. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', ...requestLogging(deps), securityHeaders(deps.config.secureCookies));

  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(deps.db);
      return c.json({ status: 'ok', database: deps.database.driver });
    } catch (err) {
      c.get('log').error({ err }, 'health check failed');
      return c.json({ status: 'error', database: deps.database.driver }, 503);
    }
  });

  app.use(
    '/dkfds/*',
    serveStatic({
      root: dkfdsDist,
      rewriteRequestPath: (p) => p.replace(/^\/dkfds/, ''),
      onFound: (_p, c) => c.header('Cache-Control', ONE_DAY),
    }),
  );
  app.use(
    '/static/*',
    serveStatic({
      root: ownStatic,
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
      onFound: (_p, c) => c.header('Cache-Control', ONE_DAY),
    }),
  );

  app.use('*', language, requestBodyLimit, session, csrf);
  app.route('/', publicPages());
  app.route('/', authPages());
  app.route('/', accountPages());
  app.route('/', adminPages());
  app.route('/', labelPages());
  app.route('/', cataloguePages());
  app.route('/', reportingPages());
  app.route('/', apiTokenPages());
  app.route('/', activityPages());
  app.route('/', periodPages());
  app.route('/', actionPlanPages());
  app.route('/', landscapePages());
  // Target pages first: their static paths sit below /resultater/:year.
  app.route('/', targetPages());
  app.route('/', strategyPages());
  app.route('/', resultsPages());
  app.route('/', searchPages());
  app.route('/', callFlowPages());
  app.route('/', contentPages());
  app.route('/', benchmarkingPages());
  app.route('/', evaluationPages());
  app.route('/', coordinationPages());
  app.route('/', qualityPages());
  app.route('/', performanceExportPages());
  app.route('/api', apiRoutes());

  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}
