import type { Hono } from 'hono';
import { z } from 'zod';
import type { Caller } from '../../domain/caller.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { activitiesOfYear } from '../../domain/reporting/activities/of-year.ts';
import { jsonDeliveryFiles, jsonDeliverySchema } from '../../domain/reporting/delivery/json.ts';
import type { DeliveryFile } from '../../domain/reporting/delivery/load.ts';
import { type DeliveryLogRow, getDelivery, listDeliveries } from '../../domain/reporting/delivery/log.ts';
import { submitDelivery } from '../../domain/reporting/delivery/submit.ts';
import { type DeliveryError, errorMessage } from '../../domain/reporting/format/errors.ts';
import {
  ACTIVITY_CATEGORIES,
  COLUMNS,
  REQUIRED_COLUMNS,
  type TableName,
} from '../../domain/reporting/format/rows.ts';
import { deliveryRights } from '../../domain/reporting/policy.ts';
import {
  type ApiClient,
  authenticateApiToken,
  tokenCaller,
} from '../../domain/reporting/tokens/authenticate.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { bodyLimitOf } from '../middleware/body-limit.ts';
import { deliveryFile, isMultipart, withMultipartForm } from '../multipart.ts';
import { pageHref } from '../paths.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  type JsonSchema,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { ApiRateLimited, ApiStatusError, ApiTokenRefused, parseQuery, siteUrl } from './request.ts';

/**
 * The reporting API: deliveries of activities and participants with an organisation's API token
 * (the same all-or-nothing import as the CLI and the web upload, channel 'api'), the delivery
 * log, and the organisation's activities. Every decision on who may do what is the policy's,
 * with the token acting as its organisation (tokenPrincipal).
 */
/** As many errors as the delivery log keeps. */
const ANSWERED_ERRORS = 1_000;
const TABLES: TableName[] = ['clusters', 'activities', 'participants'];

/** The token of the request (its organisation) and the caller it acts as; 401 without a valid one. */
async function caller(c: AppContext): Promise<{ client: ApiClient; caller: Caller }> {
  const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '');
  const { db, clock } = c.get('deps');
  const check = match?.[1] ? await authenticateApiToken(db, match[1], clock()) : null;
  if (check && 'refused' in check && check.refused === 'expired')
    throw new ApiTokenRefused('The API token has expired; create a new one in the workspace (API tokens)');
  if (!check || 'refused' in check)
    throw new AppError('unauthenticated', 'A valid API token is required: Authorization: Bearer <token>');
  const { client } = check;
  c.get('log').info({ token: client.tokenPrefix, organisation: client.organisationId }, 'api token');
  return { client, caller: tokenCaller(client, c.get('requestId')) };
}

const badRequest = (message: string, issues: { field: string; message: string }[] = []) =>
  new ApiStatusError(400, message, issues);

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type ApiError = DeliveryError & { message: string; index?: number; pointer?: string };

function presentDelivery(c: AppContext, d: DeliveryLogRow) {
  return {
    id: d.id,
    status: d.status,
    channel: d.channel,
    submittedBy: d.actorLabel,
    organisationId: d.organisationId,
    startedAt: iso(d.startedAt),
    finishedAt: iso(d.finishedAt),
    files: d.files,
    counts: d.counts,
    errorCount: d.errorCount,
    links: {
      self: siteUrl(c, `/api/v1/deliveries/${d.id}`),
      html: siteUrl(c, pageHref('delivery', 'da', { id: d.id })),
    },
  };
}

const withMessage = (e: DeliveryError & { index?: number; pointer?: string }): ApiError => ({
  ...e,
  message: errorMessage(e.code, 'en'),
});

/**
 * Hands the files of a request to `use`: multipart form data (CSV or XLSX files, streamed to
 * temporary files that are removed when `use` settles) or JSON rows per table.
 */
async function withDeliveryFiles(
  c: AppContext,
  use: (files: DeliveryFile[], locate: (e: DeliveryError) => DeliveryError) => Promise<Response>,
): Promise<Response> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (isMultipart(type)) {
    return withMultipartForm(c.req.raw, { maxBytes: bodyLimitOf(c) }, async (form) => {
      const given = form.files.filter((f) => f.bytes > 0);
      if (given.length === 0) throw badRequest('No files: send the CSV or XLSX files as multipart parts');
      return use(given.map(deliveryFile), (e) => e);
    }).catch((error) => {
      if (error instanceof AppError && error.code === 'validation') throw badRequest(error.message);
      throw error;
    });
  }
  if (type.startsWith('application/json')) {
    const raw = await c.req.json().catch(() => {
      throw badRequest('The body is not valid JSON');
    });
    const parsed = jsonDeliverySchema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest(
        'The body is not a delivery: { clusters?, activities?, participants? }, each a list of rows',
        parsed.error.issues.map((i) => ({
          field: i.path.map(String).join('.') || 'body',
          message: i.message,
        })),
      );
    }
    const { files, locate } = jsonDeliveryFiles(parsed.data);
    return use(files, locate);
  }
  throw new ApiStatusError(415, 'Send multipart/form-data or application/json');
}

async function postDelivery(c: AppContext) {
  const { client, caller: token } = await caller(c);
  // Refused before the rate limit counts it or the body is read; submitDelivery asks again.
  deliveryRights(token.principal);
  const deps = c.get('deps');
  // Counted per token before the body is read: a refused delivery costs next to nothing.
  const limiter = deps.limiters.apiDeliveries;
  try {
    await limiter.consume(client.tokenId);
  } catch (res) {
    const wait = Math.max(1, Math.ceil(((res as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000));
    throw new ApiRateLimited(
      wait,
      `This token has sent ${limiter.points} deliveries in the last minute; try again in ${wait} seconds`,
    );
  }
  return withDeliveryFiles(c, async (files, locate) => {
    const outcome = await submitDelivery(deps.database, token, { channel: 'api', files, now: deps.clock });
    const data = presentDelivery(c, await getDelivery(deps.db, token, outcome.deliveryId));
    c.header('Location', data.links.self);
    if (outcome.ok) return c.json({ data }, 201);
    const errors = outcome.errors.slice(0, ANSWERED_ERRORS).map((e) => withMessage(locate(e)));
    const foreign = outcome.errors.some((e) => e.code === 'notYourCluster');
    return c.json(
      {
        error: {
          code: foreign ? 'forbidden' : 'delivery_rejected',
          message: foreign
            ? 'The delivery has rows for a cluster organisation this token may not report for; nothing was written'
            : `The delivery was rejected with ${outcome.errorCount} errors; nothing was written`,
        },
        data: { ...data, errors },
      },
      foreign ? 403 : 422,
    );
  });
}

async function getDeliveryRoute(c: AppContext) {
  const { caller: token } = await caller(c);
  const d = await getDelivery(c.get('deps').db, token, c.req.param('id') ?? '').catch((err) => {
    // Another organisation's delivery is answered as missing: its id tells nothing.
    if (err instanceof AppError && err.code === 'forbidden') throw notFound('delivery');
    throw err;
  });
  return c.json({ data: { ...presentDelivery(c, d), errors: d.errors.map((e) => withMessage(e)) } });
}

const pagingShape = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .meta({ description: 'Page, from 1', example: 1 }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .meta({ description: 'Rows per page, at most 1000', example: 100 }),
};
const deliveriesQuery = z.object(pagingShape);

function pageLinks(c: AppContext, page: number, perPage: number, total: number) {
  const url = new URL(c.req.url);
  const at = (p: number) => {
    url.searchParams.set('page', String(p));
    return siteUrl(c, `${url.pathname}${url.search}`);
  };
  return {
    next: page * perPage < total ? at(page + 1) : null,
    prev: page > 1 ? at(page - 1) : null,
  };
}

async function listDeliveriesRoute(c: AppContext) {
  const { caller: token } = await caller(c);
  const { page, perPage } = parseQuery(c, deliveriesQuery);
  const { total, rows } = await listDeliveries(c.get('deps').db, token, {
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return c.json({
    data: rows.map((r) => presentDelivery(c, r)),
    meta: { total, page, perPage },
    links: pageLinks(c, page, perPage, total),
  });
}

const activitiesShape = {
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .meta({ description: 'Activities that start in this year', example: 2025 }),
  cluster: z
    .string()
    .regex(/^\d{8}$/, 'must be a CVR number of 8 digits')
    .optional()
    .meta({ description: "Only this cluster organisation's activities, by CVR (funders' tokens)" }),
  ...pagingShape,
};
const activitiesQuery = z.object(activitiesShape);

async function listActivitiesRoute(c: AppContext) {
  const { caller: token } = await caller(c);
  const q = parseQuery(c, activitiesQuery);
  const { total, rows } = await activitiesOfYear(c.get('deps').db, token, {
    year: q.year,
    clusterCvr: q.cluster,
    limit: q.perPage,
    offset: (q.page - 1) * q.perPage,
  });
  return c.json({
    data: rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })),
    meta: { year: q.year, total, page: q.page, perPage: q.perPage },
    links: pageLinks(c, q.page, q.perPage, total),
  });
}

function mount(app: Hono<AppEnv>): void {
  app.post('/v1/deliveries', postDelivery);
  app.get('/v1/deliveries', listDeliveriesRoute);
  app.get('/v1/deliveries/:id', getDeliveryRoute);
  app.get('/v1/activities', listActivitiesRoute);
}

// ---- The description in the OpenAPI document ----

const fileSchema = z.object({
  name: z.string().meta({
    description: 'File name; `request.json#activities` for JSON rows, `book.xlsx#sheet` for sheets',
  }),
  table: z.enum(['clusters', 'activities', 'participants', 'workbook']).nullable(),
  bytes: z.int(),
  sha256: z.string(),
  rows: z.int(),
});
const countsSchema = z.object({ clusters: z.int(), activities: z.int(), participants: z.int() });
export const deliverySchema = z.object({
  id: z.uuid(),
  status: z.enum(['loaded', 'rejected']),
  channel: z.enum(['cli', 'web', 'api']),
  submittedBy: z.string().meta({ description: 'Who delivered: a user, or an API token by prefix and name' }),
  organisationId: z.uuid().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  files: z.array(fileSchema),
  counts: countsSchema.meta({ description: 'Rows read per table' }),
  errorCount: z.int(),
  links: z.object({ self: z.url(), html: z.url() }),
});
export const deliveryErrorSchema = z.object({
  file: z.string(),
  line: z.int().meta({ description: 'Line in the file (header = 1); 0 for the file as a whole' }),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string().meta({ examples: ['cvr', 'required', 'unknownActivity', 'notYourCluster'] }),
  message: z.string(),
  index: z
    .int()
    .optional()
    .meta({ description: 'JSON deliveries: position of the row in its array, from 0' }),
  pointer: z
    .string()
    .optional()
    .meta({ description: 'JSON deliveries: JSON Pointer to the value, e.g. /activities/3/title' }),
});
export const deliveryDetailSchema = deliverySchema.extend({
  errors: z.array(deliveryErrorSchema).meta({ description: 'At most the first 1,000 errors' }),
});
const pageMeta = z.object({ total: z.int(), page: z.int(), perPage: z.int() });
const pageLinksSchema = z.object({ next: z.url().nullable(), prev: z.url().nullable() });
export const deliveryListSchema = z.object({
  data: z.array(deliverySchema),
  meta: pageMeta,
  links: pageLinksSchema,
});
export const activitySchema = z.object({
  clusterCvr: z.string(),
  clusterName: z.string(),
  activityRef: z.string(),
  title: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  municipalityCode: z.int().nullable(),
  grantDkk: z.int().nullable(),
  externalFundingDkk: z.int().nullable(),
  privateCofinancingHours: z.number().nullable(),
  participants: z.int(),
  companies: z.int(),
  knowledgeInstitutions: z.int(),
  foreignParticipants: z.int(),
  innovatingCompanies: z.int().meta({ description: 'Company participants with new_product = 1' }),
  updatedAt: z.iso.datetime(),
});
export const activityListSchema = z.object({
  data: z.array(activitySchema),
  meta: pageMeta.extend({ year: z.int() }),
  links: pageLinksSchema,
});

/** A JSON row of a table: the columns of the reporting format as keys. */
function rowSchema(table: TableName): JsonSchema {
  const properties = Object.fromEntries(
    COLUMNS[table].map((column) => [
      column,
      column === 'stronghold_industries'
        ? { type: ['array', 'string', 'null'], items: { type: 'string' } }
        : { type: ['string', 'number', 'boolean', 'null'] },
    ]),
  );
  return { type: 'object', properties, required: [...REQUIRED_COLUMNS[table]], additionalProperties: false };
}

const ROW_SCHEMA: Record<TableName, string> = {
  clusters: 'ClusterRow',
  activities: 'ActivityRow',
  participants: 'ParticipantRow',
};

const deliveryRowsSchema: JsonSchema = {
  type: 'object',
  description:
    'Rows per table with the columns of the reporting format as keys. Numbers may be JSON numbers or text, ' +
    'flags true/false or 0/1, null or a missing key is an empty cell. The rules are those of the files.',
  properties: Object.fromEntries(TABLES.map((t) => [t, { type: 'array', items: schemaRef(ROW_SCHEMA[t]) }])),
  additionalProperties: false,
};

const errorResponse = (description: string) => jsonResponse(description, schemaRef('Error'));
const UNAUTHORIZED = { '401': errorResponse('No token, or an unknown, revoked or expired token.') };
const SECURITY = [{ bearerAuth: [] as string[] }];
const TAG = 'Reporting';

export const reportingApi: ApiModule = {
  access: 'token',
  tag: {
    name: TAG,
    description:
      "Activity reporting with an organisation's API token: deliveries of activities and participants " +
      '(all or nothing, exactly as the CLI and the upload in the workspace), the delivery log and the activities.',
  },
  mount,
  paths: {
    '/v1/deliveries': {
      get: {
        operationId: 'listDeliveries',
        summary: 'The delivery log',
        description:
          "Deliveries by or for the token's organisation, newest first; a funder's token sees every delivery.",
        tags: [TAG],
        security: SECURITY,
        parameters: queryParameters(pagingShape),
        responses: {
          '200': jsonResponse('A page of deliveries', schemaRef('DeliveryList')),
          ...UNAUTHORIZED,
          ...ERROR_RESPONSES,
        },
      },
      post: {
        operationId: 'createDelivery',
        summary: 'Deliver activities and participants',
        description:
          'One delivery, all or nothing: either the files of the reporting format (activities.csv, ' +
          'participants.csv or an .xlsx workbook) as multipart/form-data, or the same rows as JSON. ' +
          "A cluster organisation's token reports for that cluster only. Every delivery is recorded in the log.",
        tags: [TAG],
        security: SECURITY,
        parameters: [],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: schemaRef('DeliveryRows') },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  files: {
                    type: 'array',
                    items: { type: 'string', contentMediaType: 'application/octet-stream' },
                    description: 'CSV files (recognised by their header) and/or one .xlsx workbook',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': jsonResponse('Loaded; `Location` is the delivery', {
            type: 'object',
            properties: { data: schemaRef('Delivery') },
          }),
          '400': errorResponse(
            'The body is not a delivery (malformed JSON, unknown keys, no rows, no files).',
          ),
          ...UNAUTHORIZED,
          '403': jsonResponse(
            'The token may not deliver, or rows are for another cluster organisation (recorded as rejected).',
            schemaRef('DeliveryRejection'),
          ),
          '413': errorResponse(
            'The body is too large: over 1 GB as multipart/form-data (the files are streamed to disk), or over 50 MB as JSON (parsed in memory); deliver larger files with the command line.',
          ),
          '415': errorResponse('Neither multipart/form-data nor application/json.'),
          '422': jsonResponse(
            'Rejected: nothing was written; every error with file, line, column and value.',
            schemaRef('DeliveryRejection'),
          ),
          '429': errorResponse(
            'Too many deliveries with this token in the last minute (API_DELIVERY_RATE_LIMIT); the Retry-After header says how many seconds to wait.',
          ),
          '500': ERROR_RESPONSES['500'],
        },
      },
    },
    '/v1/deliveries/{id}': {
      get: {
        operationId: 'getDelivery',
        summary: 'One delivery with its errors',
        description:
          "A delivery by or for the token's organisation (any delivery for a funder's token), with its errors.",
        tags: [TAG],
        security: SECURITY,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': jsonResponse('The delivery', {
            type: 'object',
            properties: { data: schemaRef('DeliveryDetail') },
          }),
          ...UNAUTHORIZED,
          '404': errorResponse("No such delivery, or another organisation's."),
          '500': ERROR_RESPONSES['500'],
        },
      },
    },
    '/v1/activities': {
      get: {
        operationId: 'listActivities',
        summary: 'Activities of a year',
        description:
          "The token organisation's activities that start in the year, with participant counts, by cluster CVR " +
          "and activity_ref; a funder's token gets every cluster's, or one cluster's with `cluster`.",
        tags: [TAG],
        security: SECURITY,
        parameters: queryParameters(activitiesShape, ['year']),
        responses: {
          '200': jsonResponse('A page of activities', schemaRef('ActivityList')),
          ...UNAUTHORIZED,
          '403': errorResponse("The token may not read that cluster's activities."),
          '404': errorResponse('No cluster organisation with that CVR.'),
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  schemas: {
    Delivery: jsonSchema(deliverySchema),
    DeliveryDetail: jsonSchema(deliveryDetailSchema),
    DeliveryError: jsonSchema(deliveryErrorSchema),
    DeliveryList: jsonSchema(deliveryListSchema),
    DeliveryRejection: {
      type: 'object',
      properties: {
        error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
        data: schemaRef('DeliveryDetail'),
      },
    },
    DeliveryRows: deliveryRowsSchema,
    ...Object.fromEntries(TABLES.map((t) => [ROW_SCHEMA[t], rowSchema(t)])),
    Activity: jsonSchema(activitySchema),
    ActivityList: jsonSchema(activityListSchema),
  },
};
