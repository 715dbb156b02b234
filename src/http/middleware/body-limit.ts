import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../domain/errors.ts';
import type { AppEnv } from '../context.ts';
import { PAGES } from '../paths.ts';

const MB = 1024 * 1024;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Ordinary forms are small; uploads get their own, larger limits. */
const DEFAULT_LIMIT = 1 * MB;
const UPLOAD_LIMITS: { paths: readonly string[]; bytes: number }[] = [
  { paths: Object.values(PAGES.labelImport), bytes: 2 * MB + 64 * 1024 },
  // A web delivery is read into memory by the form parser; larger deliveries go through the CLI or API.
  { paths: Object.values(PAGES.deliveries), bytes: 50 * MB },
  // The reporting API's deliveries are read into memory the same way (multipart or JSON).
  { paths: ['/api/v1/deliveries'], bytes: 50 * MB },
];

function limitFor(path: string): number {
  return UPLOAD_LIMITS.find((u) => u.paths.includes(path))?.bytes ?? DEFAULT_LIMIT;
}

/**
 * Refuses request bodies over the limit before anything reads them (the CSRF check parses the
 * form), so a large upload cannot fill memory.
 */
export const requestBodyLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  // Reading the body stream of a GET would make the server build a full Request for nothing.
  BODYLESS.has(c.req.method)
    ? next()
    : bodyLimit({
        maxSize: limitFor(c.req.path),
        onError: () => {
          throw new AppError('too_large', 'The request body is too large');
        },
      })(c, next);
