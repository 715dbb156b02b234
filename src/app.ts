import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { pingDatabase } from './db/client.ts';
import { pendingMigrations } from './db/readiness.ts';
import type { Deps } from './deps.ts';
import { apiRoutes } from './http/api/index.ts';
import { DKFDS_DIST, OWN_STATIC, registerAssets } from './http/assets.ts';
import type { AppEnv } from './http/context.ts';
import { errorHandler, notFoundHandler } from './http/errors.tsx';
import { requestBodyLimit } from './http/middleware/body-limit.ts';
import { compression } from './http/middleware/compression.ts';
import { csrf } from './http/middleware/csrf.ts';
import { formInput, requestInput } from './http/middleware/input.ts';
import { requestMetrics } from './http/middleware/metrics.ts';
import { language, requestLogging, securityHeaders } from './http/middleware/request.ts';
import { pageRevalidation } from './http/middleware/revalidation.ts';
import { session } from './http/middleware/session.ts';
import { registerAccountsArea } from './http/web/accounts/index.ts';
import { registerActionPlansArea } from './http/web/action-plans/index.ts';
import { registerAdminArea } from './http/web/admin/index.ts';
import { registerCallsArea } from './http/web/calls/index.ts';
import { registerCatalogueArea } from './http/web/catalogue/index.ts';
import { registerClusterServicesArea } from './http/web/cluster-services/index.ts';
import { registerCompaniesArea } from './http/web/companies/index.ts';
import { registerContentArea } from './http/web/content/index.ts';
import { registerCoordinationArea } from './http/web/coordination/index.ts';
import { registerEvaluationArea } from './http/web/evaluation/index.ts';
import { registerGrantsArea } from './http/web/grants/index.ts';
import { registerHubsArea } from './http/web/hubs/index.ts';
import { registerKnowledgeArea } from './http/web/knowledge/index.ts';
import { registerLabelsArea } from './http/web/labels/index.ts';
import { registerLandingArea } from './http/web/landing/index.ts';
import { registerLandscapeArea } from './http/web/landscape/index.ts';
import { registerMarketplaceArea } from './http/web/marketplace/index.ts';
import { registerMatchmakingArea } from './http/web/matchmaking/index.ts';
import { registerNewsletterArea } from './http/web/newsletter/index.ts';
import { registerNotificationsArea } from './http/web/notifications/index.ts';
import { registerPerformanceArea } from './http/web/performance/index.ts';
import { registerPersonalDataArea } from './http/web/personal-data/index.tsx';
import { registerPracticesArea } from './http/web/practices/index.ts';
import { registerReferralsArea } from './http/web/referrals/index.ts';
import { registerReportingArea } from './http/web/reporting/index.ts';
import { registerSearchArea } from './http/web/search/index.ts';
import { registerSiteArea } from './http/web/site/index.ts';
import { registerStrategyArea } from './http/web/strategy/index.ts';
import { registerSupportArea } from './http/web/support/index.ts';
import { registerSurveysArea } from './http/web/surveys/index.ts';
import { registerTargetsArea } from './http/web/targets/index.ts';
import { registerWorkspaceArea } from './http/web/workspace/index.ts';

/** The unhashed addresses pages linked before /assets/*: kept working for what still links them. */
const ONE_DAY = 'public, max-age=86400';

/**
 * Every area of the web site (src/http/web/<area>, mirroring src/domain/<area>), in the order its
 * routes are tried: the only place that mounts pages. Within an area, its index.ts lists its
 * routes. Order matters only where a static path and a parameter share a position: targets
 * (/resultater/pejlemaerker) come before the results of a year (/resultater/:year).
 */
const WEB_AREAS: readonly ((app: Hono<AppEnv>) => void)[] = [
  registerSiteArea,
  registerAccountsArea,
  registerPersonalDataArea,
  registerAdminArea,
  registerLandingArea,
  registerWorkspaceArea,
  registerCatalogueArea,
  registerClusterServicesArea,
  registerLabelsArea,
  registerLandscapeArea,
  registerSearchArea,
  registerContentArea,
  registerMatchmakingArea,
  registerCallsArea,
  registerReportingArea,
  registerActionPlansArea,
  registerTargetsArea,
  registerStrategyArea,
  registerPerformanceArea,
  registerEvaluationArea,
  registerCoordinationArea,
  registerGrantsArea,
  registerReferralsArea,
  registerHubsArea,
  registerCompaniesArea,
  registerMarketplaceArea,
  registerNotificationsArea,
  registerSurveysArea,
  registerSupportArea,
  // Before the knowledge base: /viden/god-praksis is the catalogue's, not an article's /viden/:slug
  registerPracticesArea,
  registerKnowledgeArea,
  registerNewsletterArea,
];

/** Builds the whole web application from its dependencies; no globals, so tests build their own. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    requestMetrics(deps.metrics),
    ...requestLogging(deps),
    securityHeaders(deps.config.secureCookies),
    compression,
    pageRevalidation,
    requestInput,
  );

  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(deps.db);
      return c.json({ status: 'ok', database: deps.database.driver });
    } catch (err) {
      c.get('log').error({ err }, 'health check failed');
      return c.json({ status: 'error', database: deps.database.driver }, 503);
    }
  });

  // Readiness, for a load balancer: send traffic only once the database answers and has every
  // migration of this build (an instance of a newer version waits for `klynge migrate`).
  app.get('/readyz', async (c) => {
    const database = deps.database.driver;
    try {
      const pending = await pendingMigrations(deps.db);
      if (pending > 0) return c.json({ status: 'not ready', database, pendingMigrations: pending }, 503);
      return c.json({ status: 'ready', database, pendingMigrations: 0 });
    } catch (err) {
      c.get('log').error({ err }, 'readiness check failed');
      return c.json({ status: 'not ready', database, error: 'database unavailable' }, 503);
    }
  });

  registerAssets(app);
  app.use(
    '/dkfds/*',
    serveStatic({
      root: DKFDS_DIST,
      rewriteRequestPath: (p) => p.replace(/^\/dkfds/, ''),
      onFound: (_p, c) => c.header('Cache-Control', ONE_DAY),
    }),
  );
  app.use(
    '/static/*',
    serveStatic({
      root: OWN_STATIC,
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
      onFound: (_p, c) => c.header('Cache-Control', ONE_DAY),
    }),
  );

  app.use('*', language, requestBodyLimit, session, csrf, formInput);
  for (const register of WEB_AREAS) register(app);
  app.route('/api', apiRoutes());

  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}
