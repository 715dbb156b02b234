import type { Hono } from 'hono';
import { z } from 'zod';
import {
  clusterServiceListing,
  LISTING_CSV_COLUMNS,
  listingCsvRow,
  nationalServiceListing,
  type ServiceListingRow,
  toListing,
} from '../../domain/cluster-services/listing.ts';
import { notFound } from '../../domain/errors.ts';
import { toCsv } from '../../reports/csv-writer.ts';
import { type AppContext, type AppEnv, today } from '../context.ts';
import { pageHref } from '../paths.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  NOT_FOUND_RESPONSE,
  schemaRef,
} from './openapi.ts';
import { siteUrl } from './request.ts';

/** The listing as docs/virksomhedsguiden.md describes it, field by field. */
const listingSchema = z.object({
  id: z.string().meta({ description: 'klyngeportalen: followed by the service id; stable across exports' }),
  titel: z.string(),
  beskrivelse: z.string(),
  titelEngelsk: z.string().meta({ description: 'Empty when the cluster gave no English title' }),
  beskrivelseEngelsk: z.string(),
  maalgruppe: z.string().meta({ description: "One of Virksomhedsguiden's target groups, in Danish" }),
  pris: z.string().meta({ description: '"Gratis", or the price as the cluster words it' }),
  gratis: z.boolean(),
  udbyder: z.object({
    navn: z.string(),
    cvr: z.string().nullable(),
    type: z.literal('Klyngeorganisation'),
    region: z.string().nullable(),
    hjemmeside: z.string().nullable(),
  }),
  kontakt: z.object({ navn: z.string(), email: z.string() }),
  link: z.url().meta({ description: "The service's own page, or else the cluster's page on the portal" }),
  sprog: z.literal('da'),
  sidstOpdateret: z.iso.date(),
});
const listingListSchema = z.object({ data: z.array(listingSchema), meta: z.object({ count: z.int() }) });

const present = (c: AppContext, rows: ServiceListingRow[]) =>
  rows.map((r) => toListing(r, (slug) => siteUrl(c, pageHref('cluster', 'da', { slug }))));

function json(c: AppContext, rows: ServiceListingRow[]) {
  const data = present(c, rows);
  return c.json({ data, meta: { count: data.length } });
}

function csv(c: AppContext, rows: ServiceListingRow[], filename: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(toCsv(LISTING_CSV_COLUMNS, present(c, rows).map(listingCsvRow)));
}

async function ofCluster(c: AppContext) {
  const rows = await clusterServiceListing(c.get('deps').db, c.req.param('id') ?? '', today(c));
  if (!rows) throw notFound('cluster');
  return rows;
}

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/cluster-services', async (c) =>
    json(c, await nationalServiceListing(c.get('deps').db, today(c))),
  );
  app.get('/v1/cluster-services.csv', async (c) =>
    csv(c, await nationalServiceListing(c.get('deps').db, today(c)), 'klyngeydelser.csv'),
  );
  app.get('/v1/clusters/:id/services', async (c) => json(c, await ofCluster(c)));
  app.get('/v1/clusters/:id/services.csv', async (c) => csv(c, await ofCluster(c), 'ydelser.csv'));
}

const CSV_DESCRIPTION =
  'CSV (RFC 4180, UTF-8, comma, CRLF, header row) with the columns ' +
  `${LISTING_CSV_COLUMNS.join(', ')}: the JSON fields flattened, gratis as ja/nej.`;
const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
});
const clusterParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The cluster's slug or id (uuid)",
  schema: { type: 'string' },
  example: 'odense-robotics',
} as const;

export const clusterServicesApi: ApiModule = {
  tag: {
    name: 'Cluster services',
    description:
      'The services clusters offer companies, in the structure Virksomhedsguiden lists services in (Danish field names). Clusters that have ended are left out.',
  },
  mount,
  paths: {
    '/v1/cluster-services': {
      get: {
        operationId: 'listClusterServices',
        summary: "Every cluster's services",
        description: "All listed services of all clusters, by cluster name and each cluster's own order.",
        tags: ['Cluster services'],
        parameters: [],
        responses: {
          '200': jsonResponse('The services', schemaRef('ServiceListingList')),
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/cluster-services.csv': {
      get: {
        operationId: 'downloadClusterServicesCsv',
        summary: "Every cluster's services as CSV",
        description: CSV_DESCRIPTION,
        tags: ['Cluster services'],
        parameters: [],
        responses: { '200': csvResponse('The services'), ...ERROR_RESPONSES },
      },
    },
    '/v1/clusters/{id}/services': {
      get: {
        operationId: 'listServicesOfCluster',
        summary: "One cluster's services",
        description: "The cluster's services in its own order.",
        tags: ['Cluster services'],
        parameters: [clusterParameter],
        responses: {
          '200': jsonResponse('The services', schemaRef('ServiceListingList')),
          ...NOT_FOUND_RESPONSE,
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/clusters/{id}/services.csv': {
      get: {
        operationId: 'downloadServicesOfClusterCsv',
        summary: "One cluster's services as CSV",
        description: CSV_DESCRIPTION,
        tags: ['Cluster services'],
        parameters: [clusterParameter],
        responses: { '200': csvResponse('The services'), ...NOT_FOUND_RESPONSE, ...ERROR_RESPONSES },
      },
    },
  },
  schemas: {
    ServiceListing: jsonSchema(listingSchema),
    ServiceListingList: jsonSchema(listingListSchema),
  },
};
