import { pino } from 'pino';
import type { Config } from './config.ts';

export type Logger = pino.Logger;

/** The one logger: JSON lines on stdout (or `destination`); secrets and cookies are redacted. */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: pino.DestinationStream = process.stdout,
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app: 'klyngeportalen' },
      redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'],
    },
    destination,
  );
}
