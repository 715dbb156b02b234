import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';

/**
 * The OpenAPI 3.1 document is assembled from API modules: each area (catalogue, labels, search,
 * later performance and deliveries) exports one ApiModule with its routes and the OpenAPI paths
 * that describe them, and src/http/api/index.ts lists the modules. Routes and their description
 * live side by side, and a test checks that every route is described.
 */
export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: JsonSchema;
  /** `[{ bearerAuth: [] }]` for operations that need an API token. */
  security?: Record<string, string[]>[];
  responses: Record<string, JsonSchema>;
}

export const HTTP_METHODS = ['get', 'post'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Path items keyed by path below /api in OpenAPI syntax, e.g. '/v1/clusters/{id}'. */
export type OpenApiPaths = Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;

/** The operations of a document in path order, GET before POST. */
export function operationsOf(paths: OpenApiPaths) {
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ path, method, op }] : [];
    }),
  );
}

export interface ApiModule {
  tag: { name: string; description: string };
  /** 'open' (default): open data, CORS and public caching. 'token': needs an API token, never cached. */
  access?: 'open' | 'token';
  /** Registers the module's routes on the /api sub-app, with paths below /api ('/v1/…'). */
  mount(app: Hono<AppEnv>): void;
  paths: OpenApiPaths;
  /** Schemas the paths refer to as `#/components/schemas/<name>`. */
  schemas: Record<string, JsonSchema>;
}

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, without the $schema header. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * Query parameters from the shape of a zod object: the same schema validates the request, so
 * the document cannot drift from what the handler accepts. `.meta({ description, example })`
 * on a field becomes the parameter's description and example.
 */
export function queryParameters(
  shape: Record<string, z.ZodType>,
  required: string[] = [],
): OpenApiParameter[] {
  return Object.entries(shape).map(([name, field]) => {
    const { description, example, ...schema } = jsonSchema(field, 'input');
    return {
      name,
      in: 'query' as const,
      required: required.includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema,
      ...(example !== undefined ? { example } : {}),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: schemaRef('Error') } },
});

/** Responses every GET may give besides its own 200. */
export const ERROR_RESPONSES = {
  '400': errorResponse('Invalid query parameters; `issues` names each parameter and what is wrong.'),
  '500': errorResponse('Unexpected error; `requestId` identifies it in our logs.'),
};
export const NOT_FOUND_RESPONSE = { '404': errorResponse('Nothing with that id or slug.') };

export const jsonResponse = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});

const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ examples: ['bad_request', 'not_found', 'internal'] }),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

export interface DocumentInfo {
  version: string;
  /** Absolute URL of the API root, e.g. https://klyngeportalen.dk/api. */
  serverUrl: string;
}

export function openApiDocument(modules: readonly ApiModule[], info: DocumentInfo) {
  const paths: OpenApiPaths = {};
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(errorSchema) };
  for (const module of modules) {
    for (const [path, item] of Object.entries(module.paths)) {
      if (paths[path]) throw new Error(`OpenAPI path ${path} is described twice`);
      paths[path] = item;
    }
    Object.assign(schemas, module.schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Klyngeportalen API',
      version: info.version,
      description:
        "Open data of Denmark's cluster programme: clusters, labels, a search across the public entry, the performance account, partner profiles and the marketplace. " +
        'Read-only, no authentication, CORS open to every origin, responses cacheable for a minute. ' +
        'The reporting API (deliveries and activities) needs an API token of the organisation, created in ' +
        'the workspace and sent as `Authorization: Bearer <token>`; its responses are never cached.',
      license: { name: 'CC BY 4.0', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: info.serverUrl }],
    tags: modules.map((m) => m.tag),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token of a cluster organisation or funder (`klynge_…`), created and revoked in the workspace, ' +
            'valid for 30, 90, 180 or 365 days as chosen when it is created. A missing, unknown or revoked token ' +
            'gives 401; an expired one gives 401 with `error="invalid_token"` and a description in `WWW-Authenticate`.',
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
