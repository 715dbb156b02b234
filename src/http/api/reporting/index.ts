import type { Hono } from 'hono';
import { TABLE_ORDER } from '../../../domain/reporting/format/records.ts';
import type { AppEnv } from '../../context.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from '../openapi.ts';
import { activitiesShape, listActivitiesRoute } from './activities.ts';
import { getDeliveryRoute, listDeliveriesRoute, postDelivery } from './deliveries.ts';
import { pagingShape } from './paging.ts';
import {
  activityListSchema,
  activitySchema,
  deliveryDetailSchema,
  deliveryErrorSchema,
  deliveryListSchema,
  deliveryRowsSchema,
  deliverySchema,
  ROW_SCHEMA,
  rowSchema,
} from './schemas.ts';

/**
 * The reporting API: deliveries of activities and participants with an organisation's API token
 * (the same all-or-nothing import as the CLI and the web upload, channel 'api'), the delivery
 * log, and the organisation's activities. Every decision on who may do what is the domain's,
 * with the token acting as its organisation (tokenCaller).
 */
function mount(app: Hono<AppEnv>): void {
  app.post('/v1/deliveries', postDelivery);
  app.get('/v1/deliveries', listDeliveriesRoute);
  app.get('/v1/deliveries/:id', getDeliveryRoute);
  app.get('/v1/activities', listActivitiesRoute);
}

// ---- The description in the OpenAPI document ----

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
            'Too many deliveries with this token, or with all tokens of its organisation, in the last minute (API_DELIVERY_RATE_LIMIT, API_DELIVERY_ORGANISATION_RATE_LIMIT); the Retry-After header says how many seconds to wait.',
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
    ...Object.fromEntries(TABLE_ORDER.map((t) => [ROW_SCHEMA[t], rowSchema(t)])),
    Activity: jsonSchema(activitySchema),
    ActivityList: jsonSchema(activityListSchema),
  },
};
