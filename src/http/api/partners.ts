import type { Hono } from 'hono';
import { z } from 'zod';
import {
  PARTNER_KINDS,
  PARTNER_PAGE_SIZE,
  partnerQuery,
  partnerQueryShape,
  searchPartners,
} from '../../domain/companies/partner-search.ts';
import { marketplaceList } from '../../domain/marketplace/queries.ts';
import {
  MARKETPLACE_DIRECTIONS,
  MARKETPLACE_PAGE_SIZE,
  MARKETPLACE_TYPES,
  marketplaceQuery,
  marketplaceQueryShape,
} from '../../domain/marketplace/schemas.ts';
import { type AppEnv, today } from '../context.ts';
import { pageHref } from '../paths.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { parseQuery, siteUrl } from './request.ts';

const pageMeta = z.object({
  total: z.int().meta({ description: 'How many match in all' }),
  page: z.int(),
  pageSize: z.int(),
});

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PARTNER_KINDS),
  name: z.string(),
  slug: z.string(),
  country: z.string().meta({ description: 'ISO 3166-1 alpha-2', example: 'DK' }),
  regionCode: z.int().nullable().meta({ description: 'Danish region code of the seat; null abroad' }),
  description: z.string(),
  seeks: z.string().meta({ description: 'What the organisation seeks (companies)' }),
  themes: z.array(z.string()),
  technologies: z.array(z.string()),
  languages: z.array(z.string()).meta({ description: 'ISO 639-1 codes' }),
});
const organisationListSchema = z.object({ data: z.array(organisationSchema), meta: pageMeta });

export const marketplaceItemSchema = z.object({
  id: z.uuid(),
  direction: z.enum(MARKETPLACE_DIRECTIONS),
  type: z.enum(MARKETPLACE_TYPES),
  title: z.string(),
  description: z.string(),
  themes: z.array(z.string()),
  technologies: z.array(z.string()),
  validFrom: z.iso.date(),
  validUntil: z.iso.date().meta({ description: 'Last day the item is listed' }),
  owner: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(PARTNER_KINDS),
    country: z.string(),
    regionCode: z.int().nullable(),
  }),
  url: z.url().meta({ description: "The item's page" }),
});
const marketplaceListSchema = z.object({ data: z.array(marketplaceItemSchema), meta: pageMeta });

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/organisations', async (c) => {
    const q = parseQuery(c, partnerQuery);
    const { partners, total } = await searchPartners(c.get('deps').db, q);
    return c.json({ data: partners, meta: { total, page: q.page, pageSize: PARTNER_PAGE_SIZE } });
  });
  app.get('/v1/marketplace', async (c) => {
    const q = parseQuery(c, marketplaceQuery);
    const { items, total } = await marketplaceList(c.get('deps').db, q, today(c));
    const data = items.map(({ owner: { slug: _, ...owner }, ...item }) => ({
      ...item,
      owner,
      url: siteUrl(c, pageHref('marketplaceItem', 'da', { id: item.id })),
    }));
    return c.json({ data, meta: { total, page: q.page, pageSize: MARKETPLACE_PAGE_SIZE } });
  });
}

export const partnersApi: ApiModule = {
  tag: {
    name: 'Partners',
    description:
      'International partner search: the public profiles of clusters and of companies and organisations in Denmark and abroad, and the marketplace of their offers and requests.',
  },
  mount,
  paths: {
    '/v1/organisations': {
      get: {
        operationId: 'listOrganisations',
        summary: 'Public partner profiles',
        description:
          'Clusters and the companies and organisations with a partner profile, by name, a page at a time. Filters combine.',
        tags: ['Partners'],
        parameters: queryParameters(partnerQueryShape),
        responses: {
          '200': jsonResponse('One page of organisations', schemaRef('OrganisationList')),
          ...ERROR_RESPONSES,
        },
      },
    },
    '/v1/marketplace': {
      get: {
        operationId: 'listMarketplaceItems',
        summary: 'Marketplace offers and requests valid today',
        description:
          'Offers and requests of companies and clusters that are valid today, newest first, a page at a time. Expired items are not listed.',
        tags: ['Partners'],
        parameters: queryParameters(marketplaceQueryShape),
        responses: {
          '200': jsonResponse('One page of items', schemaRef('MarketplaceItemList')),
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  schemas: {
    Organisation: jsonSchema(organisationSchema),
    OrganisationList: jsonSchema(organisationListSchema),
    MarketplaceItem: jsonSchema(marketplaceItemSchema),
    MarketplaceItemList: jsonSchema(marketplaceListSchema),
  },
};
