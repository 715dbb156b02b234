import { z } from 'zod';
import { marketplaceDirection, marketplaceType } from '../../db/schema/index.ts';
import { PARTNER_KINDS } from '../companies/partner-search.ts';
import { COUNTRIES, technologyList } from '../companies/schemas.ts';
import { blankAsMissing, MAX_QUERY_LENGTH, THEME_KEYS } from '../search/schemas.ts';

export const MARKETPLACE_DIRECTIONS = marketplaceDirection.enumValues;
export const MARKETPLACE_TYPES = marketplaceType.enumValues;
export type MarketplaceDirection = (typeof MARKETPLACE_DIRECTIONS)[number];
export type MarketplaceType = (typeof MARKETPLACE_TYPES)[number];
export const MARKETPLACE_PAGE_SIZE = 20;
export const MAX_MARKETPLACE_PAGE = 100;
/** How long an item may stay on the marketplace at most. */
export const MAX_VALIDITY_DAYS = 730;

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** An offer or a request as its owner writes it; messages are keys of the UI's validation texts. */
export const itemForm = z
  .object({
    direction: z.enum(MARKETPLACE_DIRECTIONS, 'required'),
    type: z.enum(MARKETPLACE_TYPES, 'required'),
    title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    description: z.string().trim().min(1, 'required').max(4000, 'tooLong'),
    themes: z.preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(THEME_KEYS, 'invalid')),
    ),
    technologies: technologyList,
    validFrom: z.iso.date('invalidDate'),
    validUntil: z.iso.date('invalidDate'),
  })
  .superRefine((v, ctx) => {
    const days = dayOf(v.validUntil) - dayOf(v.validFrom);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'beforeStart' });
    else if (days > MAX_VALIDITY_DAYS)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'tooLong' });
  });
export type ItemInput = z.infer<typeof itemForm>;

export const interestForm = z.object({
  message: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

/** The filters of the public list and the open data API; a value that does not fit is refused. */
export const marketplaceQueryShape = {
  q: z
    .preprocess(blankAsMissing, z.string().trim().max(MAX_QUERY_LENGTH).optional())
    .meta({ description: 'Search text in titles, descriptions and technologies', example: 'sensor' }),
  direction: z
    .preprocess(blankAsMissing, z.enum(MARKETPLACE_DIRECTIONS).optional())
    .meta({ description: 'Offers or requests', example: 'offer' }),
  type: z
    .preprocess(blankAsMissing, z.enum(MARKETPLACE_TYPES).optional())
    .meta({ description: 'Kind of offer or request', example: 'partnership' }),
  theme: z
    .preprocess(blankAsMissing, z.enum(THEME_KEYS).optional())
    .meta({ description: 'Theme key, e.g. `energy`', example: 'energy' }),
  technology: z
    .preprocess(blankAsMissing, z.string().trim().toLowerCase().max(40).optional())
    .meta({ description: 'A technology the item names', example: 'iot' }),
  country: z
    .preprocess(blankAsMissing, z.enum(COUNTRIES).optional())
    .meta({ description: "The owner's country (ISO 3166-1 alpha-2)", example: 'DK' }),
  region: z
    .preprocess(blankAsMissing, z.coerce.number().int().min(1081).max(1085).optional())
    .meta({ description: "Region code of a Danish owner's municipality (1081-1085)", example: 1083 }),
  cluster: z
    .preprocess(blankAsMissing, z.string().trim().max(200).optional())
    .meta({ description: 'Only items of this cluster (by slug)', example: 'odense-robotics' }),
  ownerKind: z
    .preprocess(blankAsMissing, z.enum(PARTNER_KINDS).optional())
    .meta({ description: 'Owned by a company or by a cluster', example: 'company' }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_MARKETPLACE_PAGE)
    .default(1)
    .meta({ description: `Page number, ${MARKETPLACE_PAGE_SIZE} a page`, example: 1 }),
};
export const marketplaceQuery = z.object(marketplaceQueryShape);
export type MarketplaceQuery = z.infer<typeof marketplaceQuery>;
