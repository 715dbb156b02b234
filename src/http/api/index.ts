import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { clustersApi } from './catalogue.ts';
import { clusterServicesApi } from './cluster-services.ts';
import { labelsApi } from './labels.ts';
import { type ApiModule, type OpenApiDocument, openApiDocument, operationsOf } from './openapi.ts';
import { partnersApi } from './partners.ts';
import { performanceApi } from './performance.ts';
import { reportingApi } from './reporting/index.ts';
import { apiErrorHandler, openData, tokenApi } from './request.ts';
import { searchApi } from './search.ts';

/** Version of the API description; bump the minor for additions, the path's /v1 for breaking changes. */
export const API_VERSION = '1.3.0';

/**
 * The API's areas. A new area (performance, deliveries, …) adds its module here: its routes are
 * mounted and its paths join the OpenAPI document at /api/openapi.json and the page at /api.
 */
export const API_MODULES: readonly ApiModule[] = [
  clustersApi,
  clusterServicesApi,
  labelsApi,
  searchApi,
  performanceApi,
  partnersApi,
  reportingApi,
];

const documents = new Map<string, OpenApiDocument>();

/** The OpenAPI document for a site address; built once, since it only depends on the code. */
export function apiDocument(publicUrl: string): OpenApiDocument {
  let document = documents.get(publicUrl);
  if (!document) {
    document = openApiDocument(API_MODULES, {
      version: API_VERSION,
      serverUrl: new URL('/api', publicUrl).toString(),
    });
    documents.set(publicUrl, document);
  }
  return document;
}

/** Paths (below /api) of the modules that need an API token, as patterns. */
const TOKEN_PATHS: RegExp[] = API_MODULES.filter((m) => m.access === 'token').flatMap((m) =>
  Object.keys(m.paths).map((p) => new RegExp(`^/api${p.replace(/\{[^}]+\}/g, '[^/]+')}$`)),
);

const needsToken = (path: string) => TOKEN_PATHS.some((r) => r.test(path));

/**
 * The API's path parameters that are uuids (`format: uuid` in its description), by path pattern
 * below /api: the request check (src/http/middleware/input.ts) answers 404 for any other value.
 */
export const API_UUID_PARAMETERS: { pattern: RegExp; names: string[]; uuids: string[] }[] =
  API_MODULES.flatMap((m) =>
    operationsOf(m.paths).map(({ path, op }) => ({
      pattern: new RegExp(`^/api${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      names: [...path.matchAll(/\{([^}]+)\}/g)].map((n) => n[1] as string),
      uuids: op.parameters.filter((p) => p.in === 'path' && p.schema.format === 'uuid').map((p) => p.name),
    })),
  ).filter((p) => p.uuids.length > 0);

/** Middleware that runs only on the token API's paths (or only on the others). */
const only =
  (token: boolean) =>
  (handler: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
  (c, next) =>
    needsToken(c.req.path) === token ? handler(c, next) : next();

/** The JSON API under /api: open data (v1), the token-authenticated reporting API and the OpenAPI document. */
export function apiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/*', ...openData().map(only(false)), ...tokenApi().map(only(true)));
  app.use('/openapi.json', ...openData());
  for (const module of API_MODULES) module.mount(app);
  app.get('/openapi.json', (c) => c.json(apiDocument(c.get('deps').config.publicUrl)));
  app.onError(apiErrorHandler);
  return app;
}
