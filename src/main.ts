import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { createDeps } from './deps.ts';
import { sealStoredTotpSecrets } from './domain/accounts/second-factor.ts';
import { precompressAssets } from './http/assets.ts';
import type { Logger } from './logger.ts';
import { collectProcessMetrics, type Metrics } from './metrics.ts';

export interface RunningServer {
  url: string;
  /** Where Prometheus scrapes `/metrics`, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Prometheus metrics on a port of their own, apart from the site: the figures (routes, volumes)
 * are for operators, and a separate listener on an internal address needs no credentials.
 */
async function startMetricsServer(
  metrics: Metrics,
  port: number,
  host: string,
): Promise<{ url: string; server: Server }> {
  collectProcessMetrics(metrics);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: metrics are at /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`, server };
}

/** Starts the HTTP server: the only place in the code base that listens on a port. */
export async function startServer(
  config: Config,
  database: Database,
  logger: Logger,
): Promise<RunningServer> {
  const deps = createDeps(config, database, logger);
  const app = createApp(deps);
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsServer(deps.metrics, config.metricsPort, config.metricsHost);
  // Jobs queued before a restart (or by another instance) are taken up at once; the recurring
  // work (reminders, retention) is queued by the queue's schedules (src/jobs/schedules.ts).
  await deps.jobs.start();
  // TOTP secrets written before they were sealed, or sealed with a previous key, are sealed now.
  const sealed = await sealStoredTotpSecrets(database.db, deps.secrets);
  if (sealed > 0) logger.info({ sealed }, 'sealed stored TOTP secrets with the current key');
  // In the background: the first visitors get the static files compressed without waiting.
  precompressAssets().catch((err: unknown) => logger.warn({ err }, 'precompressing static files failed'));
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host },
      (info: AddressInfo) => {
        const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        resolve({
          url: `http://${host}:${info.port}`,
          metricsUrl: metricsServer?.url,
          close: async () => {
            // Requests under way are answered (they may still queue jobs), then the running jobs
            // finish while no new one is taken; what is still queued waits for the next instance.
            await new Promise<void>((done) => server.close(() => done()));
            await deps.jobs.stop();
            if (metricsServer) await new Promise<void>((done) => metricsServer.server.close(() => done()));
          },
        });
      },
    );
  });
}
