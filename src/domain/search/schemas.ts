import { z } from 'zod';
import { clusterLeague, labelLevel } from '../../db/schema/organisations.ts';
import { searchKind } from '../../db/schema/search.ts';
import { THEMES, type ThemeKey } from '../catalogue/themes.ts';

export const SEARCH_KINDS = searchKind.enumValues;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const LEAGUES = clusterLeague.enumValues;
export type League = (typeof LEAGUES)[number];
export const LABEL_LEVELS = labelLevel.enumValues;
export type LabelLevel = (typeof LABEL_LEVELS)[number];
export const THEME_KEYS = THEMES.map((t) => t.key) as [ThemeKey, ...ThemeKey[]];
/** The five Danish regions; the region of a cluster is the region of its seat. */
export const REGION_CODES = [1081, 1082, 1083, 1084, 1085] as const;

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 50;
export const SEARCH_PAGE_SIZE = 20;

/** An empty query parameter (`?theme=`, what a form's "all" option sends) means "not given". */
export const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);

const region = z.coerce.number().int().min(1081).max(1085);

/** The filters a cluster can be narrowed by; shared by search, the cluster list and the CSV. */
export const clusterFilterShape = {
  theme: z
    .preprocess(blankAsMissing, z.enum(THEME_KEYS).optional())
    .meta({ description: 'Theme key, e.g. `energy` (see the list of themes)', example: 'energy' }),
  region: z
    .preprocess(blankAsMissing, region.optional())
    .meta({ description: 'Region code of the cluster seat (1081-1085)', example: 1083 }),
  league: z
    .preprocess(blankAsMissing, z.enum(LEAGUES).optional())
    .meta({ description: 'Cluster league', example: 'world_class' }),
  label: z
    .preprocess(blankAsMissing, z.enum(LABEL_LEVELS).optional())
    .meta({ description: 'Level of the label valid today (the best one, if several)', example: 'gold' }),
};

/** The search parameters as the JSON API takes them: anything that does not fit is refused. */
export const searchQuery = z.object({
  q: z.string().trim().min(1, 'Give a search text in q').max(MAX_QUERY_LENGTH).meta({
    description: 'Search text, Danish or English; typos and missing æ, ø, å are tolerated',
    example: 'energi',
  }),
  type: z
    .preprocess(blankAsMissing, z.enum(SEARCH_KINDS).optional())
    .meta({ description: 'Only results of this kind', example: 'cluster' }),
  ...clusterFilterShape,
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(1)
    .meta({ description: `Page number, ${SEARCH_PAGE_SIZE} results a page`, example: 1 }),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/**
 * The same parameters from the search page's form: a value that does not fit is ignored rather
 * than refused, so an edited or outdated link still shows results.
 */
export const searchPageQuery = z.object({
  q: z
    .string()
    .trim()
    .transform((v) => v.slice(0, MAX_QUERY_LENGTH))
    .catch(''),
  type: searchQuery.shape.type.catch(undefined),
  theme: clusterFilterShape.theme.catch(undefined),
  region: clusterFilterShape.region.catch(undefined),
  league: clusterFilterShape.league.catch(undefined),
  label: clusterFilterShape.label.catch(undefined),
  page: searchQuery.shape.page.catch(1),
});
export type SearchPageQuery = z.infer<typeof searchPageQuery>;
