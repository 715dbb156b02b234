import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { createDeps } from './deps.ts';
import { precompressAssets } from './http/assets.ts';
import { startRetentionTimer } from './jobs/retention.ts';
import { startTokenReminderTimer } from './jobs/token-reminders.ts';
import type { Logger } from './logger.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server: the only place in the code base that listens on a port. */
export function startServer(config: Config, database: Database, logger: Logger): Promise<RunningServer> {
  const deps = createDeps(config, database, logger);
  const app = createApp(deps);
  const stopReminders = config.tokenReminders ? startTokenReminderTimer(deps) : () => {};
  const stopRetention = config.retentionJob ? startRetentionTimer(deps) : () => {};
  // In the background: the first visitors get the static files compressed without waiting.
  precompressAssets().catch((err: unknown) => logger.warn({ err }, 'precompressing static files failed'));
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host },
      (info: AddressInfo) => {
        const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        resolve({
          url: `http://${host}:${info.port}`,
          close: async () => {
            stopReminders();
            stopRetention();
            await new Promise<void>((done) => server.close(() => done()));
            // Mail already promised to a visitor (a password reset) still goes out.
            await deps.mailQueue.idle();
          },
        });
      },
    );
  });
}
