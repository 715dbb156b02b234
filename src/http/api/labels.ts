import type { Hono } from 'hono';
import { z } from 'zod';
import { listLabels } from '../../domain/labels/queries.ts';
import { blankAsMissing, LABEL_LEVELS } from '../../domain/search/schemas.ts';
import type { AppEnv } from '../context.ts';
import { clusterLinks } from './catalogue.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { parseQuery } from './request.ts';

const labelQueryShape = {
  level: z
    .preprocess(blankAsMissing, z.enum(LABEL_LEVELS).optional())
    .meta({ description: 'Only labels of this level', example: 'gold' }),
  validOn: z.preprocess(blankAsMissing, z.iso.date().optional()).meta({
    description: 'Only labels valid on this day (YYYY-MM-DD), both ends included',
    example: '2025-01-01',
  }),
  cluster: z
    .preprocess(blankAsMissing, z.string().min(1).max(200).optional())
    .meta({ description: "Only this cluster's labels, by slug or id", example: 'odense-robotics' }),
};
const labelQuery = z.object(labelQueryShape);

export const labelSchema = z.object({
  id: z.uuid(),
  cluster: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    links: z.object({ self: z.url(), html: z.url(), htmlEn: z.url() }),
  }),
  level: z.enum(LABEL_LEVELS),
  awardedOn: z.iso.date(),
  validUntil: z.iso.date().meta({ description: 'Last day the label is valid' }),
  assessingBody: z.string(),
});

export const labelListSchema = z.object({ data: z.array(labelSchema), meta: z.object({ count: z.int() }) });

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/labels', async (c) => {
    const filters = parseQuery(c, labelQuery);
    const rows = await listLabels(c.get('deps').db, filters);
    const data = rows.map((r) => ({
      id: r.id,
      cluster: {
        id: r.clusterId,
        slug: r.clusterSlug,
        name: r.clusterName,
        links: clusterLinks(c, r.clusterSlug),
      },
      level: r.level,
      awardedOn: r.awardedOn,
      validUntil: r.validUntil,
      assessingBody: r.assessingBody,
    }));
    return c.json({ data, meta: { count: data.length } });
  });
}

export const labelsApi: ApiModule = {
  tag: {
    name: 'Labels',
    description:
      'The register of European Cluster Excellence labels (Bronze, Silver, Gold) held by Danish clusters.',
  },
  mount,
  paths: {
    '/v1/labels': {
      get: {
        operationId: 'listLabels',
        summary: 'The label register',
        description:
          'Labels of cluster organisations, by cluster name and newest award first. Filters combine.',
        tags: ['Labels'],
        parameters: queryParameters(labelQueryShape),
        responses: { '200': jsonResponse('The labels', schemaRef('LabelList')), ...ERROR_RESPONSES },
      },
    },
  },
  schemas: { Label: jsonSchema(labelSchema), LabelList: jsonSchema(labelListSchema) },
};
