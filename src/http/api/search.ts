import type { Hono } from 'hono';
import { z } from 'zod';
import { cachedSearch, VersionedCache } from '../../domain/search/cache.ts';
import type { SearchHit, SearchResult } from '../../domain/search/queries.ts';
import {
  blankAsMissing,
  LEAGUES,
  MAX_PAGE,
  SEARCH_KINDS,
  type SearchQuery,
  searchQuery,
} from '../../domain/search/schemas.ts';
import { excerpt, highlight, type Segment, segmentsToHtml } from '../../domain/search/text.ts';
import { type AppContext, type AppEnv, today } from '../context.ts';
import { type Lang, pageHref } from '../paths.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { parseQuery, siteUrl } from './request.ts';

/** The page of an item: activities have none and are shown on their cluster's page. */
export function hitPath(hit: SearchHit, lang: Lang): string {
  switch (hit.kind) {
    case 'cluster':
      return pageHref('cluster', lang, { slug: hit.slug ?? hit.organisation.slug });
    case 'activity':
      return pageHref('cluster', lang, { slug: hit.organisation.slug });
    case 'news':
      return pageHref('newsItem', lang, { slug: hit.slug ?? '' });
    case 'story':
      return pageHref('story', lang, { slug: hit.slug ?? '' });
    case 'event':
      return pageHref('event', lang, { slug: hit.slug ?? '' });
    case 'call':
      return pageHref('call', lang, { slug: hit.slug ?? '' });
    case 'service':
      return pageHref('service', lang, { slug: hit.slug ?? '' });
    case 'knowledge':
      return pageHref('knowledgeItem', lang, { slug: hit.slug ?? '' });
    case 'practice':
      return pageHref('practice', lang, { slug: hit.slug ?? '' });
  }
}

/** A hit's title and summary cut to an excerpt, both split into marked and unmarked text. */
export function hitText(
  hit: SearchHit,
  marks: ReadonlySet<string>,
): { title: Segment[]; summary: Segment[] } {
  return { title: highlight(hit.title, marks), summary: highlight(excerpt(hit.summary, marks), marks) };
}

/** Runs a search for a page or an API request. */
export function runSearch(c: AppContext, q: SearchQuery, lang: Lang): Promise<SearchResult> {
  const { db, clock } = c.get('deps');
  return cachedSearch(db, q, { now: clock(), today: today(c), lang });
}

const apiQueryShape = {
  ...searchQuery.shape,
  lang: z
    .preprocess(blankAsMissing, z.enum(['da', 'en']).default('da'))
    .meta({ description: 'Language of summaries and page links', example: 'da' }),
};
const apiQuery = z.object(apiQueryShape);

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string().meta({ description: 'Id of the item: a uuid, or the number of an activity' }),
  title: z.string(),
  titleHtml: z.string().meta({ description: 'The title as HTML: escaped, matched words in <mark>' }),
  summary: z.string().meta({ description: 'An excerpt of the summary around the first match' }),
  summaryHtml: z.string().meta({ description: 'The excerpt as HTML: escaped, matched words in <mark>' }),
  url: z.url().meta({ description: "The item's page; an activity's is its cluster's page" }),
  occursAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: 'Event start, call deadline, activity start or publication' }),
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  league: z
    .enum(LEAGUES)
    .nullable()
    .meta({ description: "League of the owning cluster; null if the owner isn't one" }),
  score: z.number().meta({ description: 'Relevance; higher is better' }),
});

const kindCounts = z.object(Object.fromEntries(SEARCH_KINDS.map((k) => [k, z.int()])));

export const searchResponseSchema = z.object({
  data: z.array(searchHitSchema),
  meta: z.object({
    query: z.string(),
    total: z.int().meta({ description: 'Matches of the requested kind (all kinds without `type`)' }),
    page: z.int(),
    pageSize: z.int(),
    pages: z.int(),
    counts: kindCounts.meta({ description: 'Matches per kind, before the `type` filter' }),
    themes: z.array(z.string()).meta({ description: 'Theme keys whose name matched the search text' }),
  }),
  links: z.object({ self: z.url(), next: z.url().nullable(), prev: z.url().nullable() }),
});

const pagesOf = (r: SearchResult) => Math.min(MAX_PAGE, Math.max(1, Math.ceil(r.total / r.pageSize)));

type ApiSearchQuery = z.infer<typeof apiQuery>;

async function searchResponse(c: AppContext, { lang, ...q }: ApiSearchQuery) {
  const result = await runSearch(c, q, lang);
  const marks = new Set(result.marks);
  const pages = pagesOf(result);
  const pageLink = (page: number) => {
    const url = new URL(siteUrl(c, '/api/v1/search'));
    for (const [k, v] of Object.entries({ ...q, lang, page }))
      if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  };
  const data = result.hits.map((hit) => {
    const text = hitText(hit, marks);
    return {
      kind: hit.kind,
      id: hit.id,
      title: hit.title,
      titleHtml: segmentsToHtml(text.title),
      summary: text.summary.map((s) => s.text).join(''),
      summaryHtml: segmentsToHtml(text.summary),
      url: siteUrl(c, hitPath(hit, lang)),
      occursAt: hit.occursAt,
      organisation: hit.organisation,
      league: hit.league,
      score: hit.score,
    };
  });
  const meta = { query: q.q, total: result.total, page: q.page, pageSize: result.pageSize, pages };
  return {
    data,
    meta: { ...meta, counts: result.counts, themes: result.themes },
    links: {
      self: pageLink(q.page),
      next: q.page < pages ? pageLink(q.page + 1) : null,
      prev: q.page > 1 ? pageLink(Math.min(q.page - 1, pages)) : null,
    },
  };
}

// The same for every client, so the JSON is kept ready (as bytes, keyed by the address as sent)
// like the search page. Only answers are kept: invalid parameters throw before anything is stored.
const responses = new VersionedCache<Uint8Array<ArrayBuffer>>(500);
const utf8 = new TextEncoder();

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/search', async (c) => {
    const { db, clock } = c.get('deps');
    const body = await responses.get(db, c.req.url, clock(), async () =>
      utf8.encode(JSON.stringify(await searchResponse(c, parseQuery(c, apiQuery)))),
    );
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
}

export const searchApi: ApiModule = {
  tag: {
    name: 'Search',
    description: 'One search across clusters, activities, news, success stories, events, calls and services.',
  },
  mount,
  paths: {
    '/v1/search': {
      get: {
        operationId: 'search',
        summary: 'Search the public entry',
        description:
          'Danish full-text search with prefix matching, widened by trigram similarity for typos, words typed ' +
          'without æ, ø and å, and parts of compound words; theme names in Danish and English match the ' +
          'clusters of that theme. Only published items. Theme, region, league and label narrow to clusters and ' +
          'their own items. Results are ranked, clusters first.',
        tags: ['Search'],
        parameters: queryParameters(apiQueryShape, ['q']),
        responses: { '200': jsonResponse('The results', schemaRef('SearchResults')), ...ERROR_RESPONSES },
      },
    },
  },
  schemas: { SearchHit: jsonSchema(searchHitSchema), SearchResults: jsonSchema(searchResponseSchema) },
};
