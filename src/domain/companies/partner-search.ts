/**
 * International partner search (issue 21): the clusters and the companies and organisations,
 * Danish and foreign, that keep a partner profile, searchable by text, country, theme and
 * technology. Everything shown is public: the page and the open data API use the same query.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Queryable, queryRows } from '../../db/client.ts';
import { prefixMatch } from '../search/prefix-match.ts';
import { blankAsMissing, MAX_QUERY_LENGTH, THEME_KEYS } from '../search/schemas.ts';
import { COUNTRIES } from './schemas.ts';

export const PARTNER_KINDS = ['company', 'cluster'] as const;
export const PARTNER_PAGE_SIZE = 20;
export const MAX_PARTNER_PAGE = 100;

export const partnerQueryShape = {
  q: z.preprocess(blankAsMissing, z.string().trim().max(MAX_QUERY_LENGTH).optional()).meta({
    description: 'Search text in names, descriptions, what they seek and technologies',
    example: 'robot',
  }),
  kind: z
    .preprocess(blankAsMissing, z.enum(PARTNER_KINDS).optional())
    .meta({ description: 'Only companies and other organisations, or only clusters', example: 'company' }),
  country: z
    .preprocess(blankAsMissing, z.enum(COUNTRIES).optional())
    .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'DE' }),
  theme: z
    .preprocess(blankAsMissing, z.enum(THEME_KEYS).optional())
    .meta({ description: 'Theme key, e.g. `energy`', example: 'energy' }),
  technology: z
    .preprocess(blankAsMissing, z.string().trim().toLowerCase().max(40).optional())
    .meta({ description: 'A technology the profile names, e.g. `iot`', example: 'iot' }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PARTNER_PAGE)
    .default(1)
    .meta({ description: `Page number, ${PARTNER_PAGE_SIZE} a page`, example: 1 }),
};
export const partnerQuery = z.object(partnerQueryShape);
export type PartnerQuery = z.infer<typeof partnerQuery>;

export interface Partner {
  kind: (typeof PARTNER_KINDS)[number];
  id: string;
  name: string;
  slug: string;
  country: string;
  regionCode: number | null;
  description: string;
  seeks: string;
  themes: string[];
  technologies: string[];
  languages: string[];
}

/** Clusters (in Denmark, their seat's region) and companies with a profile, as one list of partners. */
const PARTNERS = sql`
  select 'cluster' as kind, o.id, o.name, o.slug, 'DK' as country, m.region_code::int as "regionCode",
         c.summary_en as description, '' as seeks, c.themes, '{}'::text[] as technologies,
         '{}'::text[] as languages
  from organisations o join clusters c on c.organisation_id = o.id
  left join municipalities m on m.code = o.municipality_code
  where o.ended_on is null and c.ended_on is null
  union all
  select 'company', o.id, o.name, o.slug, p.country, m.region_code::int, p.description, p.seeks,
         p.themes, p.technologies, p.languages
  from organisations o join company_profiles p on p.organisation_id = o.id
  left join municipalities m on m.code = o.municipality_code
  where o.kind = 'company' and o.ended_on is null`;

/** One page of the partners matching the query, by name, and how many match in all. */
export async function searchPartners(
  db: Queryable,
  q: PartnerQuery,
): Promise<{ partners: Partner[]; total: number }> {
  const text = prefixMatch(
    sql`p.name || ' ' || p.description || ' ' || p.seeks || ' ' || array_to_string(p.technologies, ' ')`,
    q.q,
  );
  const where = sql.join(
    [
      sql`true`,
      q.kind ? sql`p.kind = ${q.kind}` : undefined,
      q.country ? sql`p.country = ${q.country}` : undefined,
      q.theme ? sql`${q.theme} = any(p.themes)` : undefined,
      q.technology ? sql`${q.technology} = any(p.technologies)` : undefined,
      text ?? undefined,
    ].filter((c) => c !== undefined),
    sql` and `,
  );
  const partners = await queryRows<Partner>(
    db,
    sql`select p.* from (${PARTNERS}) p where ${where}
        order by p.name, p.id limit ${PARTNER_PAGE_SIZE} offset ${(q.page - 1) * PARTNER_PAGE_SIZE}`,
  );
  const [counted] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from (${PARTNERS}) p where ${where}`,
  );
  return { partners, total: counted?.total ?? 0 };
}
