import type { Hono } from 'hono';
import { z } from 'zod';
import {
  type ClusterDetailRow,
  type ClusterRow,
  clusterByKey,
  listClusters,
} from '../../domain/catalogue/api-queries.ts';
import { notFound } from '../../domain/errors.ts';
import { clusterFilterShape, LABEL_LEVELS, LEAGUES, THEME_KEYS } from '../../domain/search/schemas.ts';
import { toCsv } from '../../reports/csv-writer.ts';
import { type AppContext, type AppEnv, today } from '../context.ts';
import { pageHref } from '../paths.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  NOT_FOUND_RESPONSE,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { parseQuery, siteUrl } from './request.ts';

const clusterFilters = z.object(clusterFilterShape);

const date = z.iso.date();
const bilingual = z.object({ da: z.string(), en: z.string() });

export const clusterSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  cvr: z
    .string()
    .regex(/^[1-9][0-9]{7}$/)
    .nullable()
    .meta({
      description:
        "The cluster organisation's CVR number, the key reporting and the public registers use; null when it has none",
    }),
  league: z.enum(LEAGUES),
  themes: z.array(z.enum(THEME_KEYS)),
  seat: z
    .object({
      municipality: z.object({ code: z.int(), name: z.string() }),
      region: z.object({ code: z.int(), name: z.string() }),
    })
    .nullable(),
  website: z.string().nullable(),
  label: z
    .object({ level: z.enum(LABEL_LEVELS), validUntil: date })
    .nullable()
    .meta({ description: 'The best label valid today; null when the cluster has none' }),
  summary: bilingual,
  endedOn: date.nullable().meta({ description: 'When the cluster organisation ended, if it did' }),
  links: z.object({ self: z.url(), html: z.url(), htmlEn: z.url() }),
});

const labelHistorySchema = z.object({
  id: z.uuid(),
  level: z.enum(LABEL_LEVELS),
  awardedOn: date,
  validUntil: date,
  assessingBody: z.string(),
});

export const clusterDetailSchema = clusterSchema.extend({
  description: bilingual,
  labels: z.array(labelHistorySchema).meta({ description: 'Every label the cluster has had, newest first' }),
});

export const clusterListSchema = z.object({
  data: z.array(clusterSchema),
  meta: z.object({ count: z.int() }),
});

export type ApiCluster = z.infer<typeof clusterSchema>;

export const clusterLinks = (c: AppContext, slug: string) => ({
  self: siteUrl(c, `/api/v1/clusters/${encodeURIComponent(slug)}`),
  html: siteUrl(c, pageHref('cluster', 'da', { slug })),
  htmlEn: siteUrl(c, pageHref('cluster', 'en', { slug })),
});

function presentCluster(c: AppContext, r: ClusterRow): ApiCluster {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    cvr: r.cvr,
    league: r.league,
    themes: r.themes,
    seat:
      r.municipalityCode !== null && r.regionCode !== null
        ? {
            municipality: { code: r.municipalityCode, name: r.municipalityName ?? '' },
            region: { code: r.regionCode, name: r.regionName ?? '' },
          }
        : null,
    website: r.website,
    label: r.labelLevel && r.labelValidUntil ? { level: r.labelLevel, validUntil: r.labelValidUntil } : null,
    summary: { da: r.summaryDa, en: r.summaryEn },
    endedOn: r.endedOn,
    links: clusterLinks(c, r.slug),
  };
}

function presentDetail(c: AppContext, r: ClusterDetailRow): z.infer<typeof clusterDetailSchema> {
  return {
    ...presentCluster(c, r),
    description: { da: r.descriptionDa, en: r.descriptionEn },
    labels: r.labels,
  };
}

export const CSV_COLUMNS = [
  'id',
  'slug',
  'name',
  'cvr',
  'league',
  'themes',
  'municipality_code',
  'municipality',
  'region_code',
  'region',
  'website',
  'label_level',
  'label_valid_until',
  'ended_on',
  'summary_da',
  'summary_en',
  'url',
] as const;

function csvRow(c: AppContext, r: ClusterRow) {
  return [
    r.id,
    r.slug,
    r.name,
    r.cvr,
    r.league,
    r.themes.join(';'),
    r.municipalityCode,
    r.municipalityName,
    r.regionCode,
    r.regionName,
    r.website,
    r.labelLevel,
    r.labelValidUntil,
    r.endedOn,
    r.summaryDa,
    r.summaryEn,
    siteUrl(c, pageHref('cluster', 'da', { slug: r.slug })),
  ];
}

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/clusters', async (c) => {
    const filters = parseQuery(c, clusterFilters);
    const rows = await listClusters(c.get('deps').db, filters, today(c));
    return c.json({ data: rows.map((r) => presentCluster(c, r)), meta: { count: rows.length } });
  });

  app.get('/v1/clusters.csv', async (c) => {
    const filters = parseQuery(c, clusterFilters);
    const rows = await listClusters(c.get('deps').db, filters, today(c));
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', 'attachment; filename="klynger.csv"');
    return c.body(
      toCsv(
        CSV_COLUMNS,
        rows.map((r) => csvRow(c, r)),
      ),
    );
  });

  app.get('/v1/clusters/:id', async (c) => {
    const row = await clusterByKey(c.get('deps').db, c.req.param('id'), today(c));
    if (!row) throw notFound('cluster');
    return c.json({ data: presentDetail(c, row) });
  });
}

const filterParameters = queryParameters(clusterFilterShape);

export const clustersApi: ApiModule = {
  tag: {
    name: 'Clusters',
    description: 'The cluster catalogue: every cluster organisation with its current label.',
  },
  mount,
  paths: {
    '/v1/clusters': {
      get: {
        operationId: 'listClusters',
        summary: 'List clusters',
        description: 'All clusters, ended ones included, by name. Filters combine (AND).',
        tags: ['Clusters'],
        parameters: filterParameters,
        responses: { '200': jsonResponse('The clusters', schemaRef('ClusterList')), ...ERROR_RESPONSES },
      },
    },
    '/v1/clusters.csv': {
      get: {
        operationId: 'downloadClustersCsv',
        summary: 'Download the catalogue as CSV',
        description:
          'The cluster list as CSV (RFC 4180, UTF-8, comma, CRLF, header row), with the same filters. ' +
          `Columns: ${CSV_COLUMNS.join(', ')}; themes are separated by semicolons. Text that starts like a ` +
          'spreadsheet formula is prefixed with an apostrophe.',
        tags: ['Clusters'],
        parameters: filterParameters,
        responses: {
          '200': { description: 'The catalogue', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/clusters/{id}': {
      get: {
        operationId: 'getCluster',
        summary: 'One cluster',
        description: 'A cluster by slug or id, with its description and label history.',
        tags: ['Clusters'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: "The cluster's slug or id (uuid)",
            schema: { type: 'string' },
            example: 'odense-robotics',
          },
        ],
        responses: {
          '200': jsonResponse('The cluster', {
            type: 'object',
            properties: { data: schemaRef('ClusterDetail') },
            required: ['data'],
          }),
          ...NOT_FOUND_RESPONSE,
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  schemas: {
    Cluster: jsonSchema(clusterSchema),
    ClusterDetail: jsonSchema(clusterDetailSchema),
    ClusterList: jsonSchema(clusterListSchema),
  },
};
