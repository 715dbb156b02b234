import { z } from 'zod';
import { isValidCvr } from '../reference/identifiers.ts';
import type { AccountBasis, AccountScope } from './account.ts';

export const LEAGUES = ['world_class', 'regional', 'emerging'] as const;
export const REGION_CODES = [1081, 1082, 1083, 1084, 1085] as const;

const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);
const count = z.int().min(0);

const dkk = z.number();

/** The account exactly as `klynge report --format json` prints it (reporting spec). */
export const performanceAccountSchema = z.object({
  year: z.int(),
  preliminary: z.boolean().meta({
    description:
      'false: the official account, counting only the (cluster, year) periods funders have approved or locked; ' +
      'true: the preliminary account of everything delivered (format 1.1)',
  }),
  activities: count,
  participating_companies: count,
  small_participating_companies: count.meta({ description: 'Of those, fewer than 50 employees' }),
  new_competence_companies: count,
  new_idea_companies: count,
  innovating_companies: count.meta({ description: 'Developed a new product, service or process (target 1)' }),
  small_innovating_companies: count,
  collaborating_companies: count.meta({
    description: 'In innovation collaboration with a knowledge institution (target 3)',
  }),
  international_companies: count.meta({ description: 'In internationalisation activities (target 4)' }),
  knowledge_institution_participations: count,
  activities_with_knowledge_institution: count,
  innovating_companies_by_region: z.record(z.string(), count).meta({
    description:
      'innovating_companies by region code (1081-1085) of the company address; "unknown" when missing',
  }),
  gold_clusters: count,
  silver_clusters: count,
  bronze_clusters: count,
  grant_dkk: z.number(),
  external_funding_dkk: z.number(),
  private_cofinancing_dkk: z.number().meta({ description: 'Staff hours × 600 DKK' }),
  eu_applications: count.meta({
    description: 'Activities that helped develop an application to an EU programme (1.1)',
  }),
  private_cofinancing_by_source_dkk: z
    .object({ hours: dkk, fees: dkk, sponsorship: dkk, foundations: dkk })
    .meta({
      description:
        'Private co-financing by source (1.1): hours equals private_cofinancing_dkk; fees, sponsorship and private foundations in DKK',
    }),
  knowledge_institution_participations_by_kind: z.record(z.string(), count).meta({
    description:
      'knowledge_institution_participations by institution_kind (university, business_academy, university_college, gts, artistic, other); "unknown" when missing (1.1)',
  }),
  share_outside_strongholds: z.number().min(0).max(1).nullable(),
});

/** The query of GET /api/v1/performance: a year and at most one of cluster, region, league. */
export const accountQueryShape = {
  year: z.coerce
    .number({ error: 'must be a year, e.g. 2023' })
    .int('must be a year, e.g. 2023')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier')
    .meta({ description: 'The year; activities count in the year of their start date', example: 2023 }),
  cluster: z
    .preprocess(
      blankAsMissing,
      z.string().refine(isValidCvr, 'must be a valid CVR number (8 digits, mod 11)').optional(),
    )
    .meta({ description: "One cluster organisation's account, by its CVR", example: '30000005' }),
  region: z
    .preprocess(
      blankAsMissing,
      z.coerce
        .number()
        .int()
        .refine((n) => (REGION_CODES as readonly number[]).includes(n), 'must be a region code 1081-1085')
        .optional(),
    )
    .meta({
      description:
        'The companies with an address in this region (1081-1085), counted once across all clusters; activity figures cover the activities they took part in, label figures the clusters seated in the region',
      example: 1083,
    }),
  league: z
    .preprocess(
      blankAsMissing,
      z.enum(LEAGUES, { error: 'must be world_class, regional or emerging' }).optional(),
    )
    .meta({ description: 'The clusters of one league', example: 'world_class' }),
  preliminary: z
    .preprocess(blankAsMissing, z.enum(['true', 'false'], { error: 'must be true or false' }).optional())
    .meta({
      description:
        'true: the preliminary account of everything delivered, for those who may see it: a cluster its own ' +
        "(with its API token or a session of its staff), a funder its clusters', the support function and administrators " +
        'every account. Without a token or session 401, with one that may not see it 403.',
      example: 'true',
    }),
};

export const accountQuery = z
  .object(accountQueryShape)
  .refine((q) => [q.cluster, q.region, q.league].filter((v) => v !== undefined).length <= 1, {
    message: 'give at most one of cluster, region and league',
    path: ['query'],
  });

/** The basis a query asks for: official unless `preliminary=true`. */
export const basisOf = (q: z.infer<typeof accountQuery>): AccountBasis =>
  q.preliminary === 'true' ? 'preliminary' : 'official';

export function scopeOf(q: z.infer<typeof accountQuery>): AccountScope {
  if (q.cluster) return { kind: 'cluster', cvr: q.cluster };
  if (q.region !== undefined) return { kind: 'region', regionCode: q.region };
  if (q.league) return { kind: 'league', league: q.league };
  return { kind: 'national' };
}
