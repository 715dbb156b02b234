import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

export const servicePrice = pgEnum('service_price', ['free', 'paid']);
export const serviceCoverage = pgEnum('service_coverage', ['national', 'regional']);

/**
 * A service a cluster organisation offers companies (what, for whom, price, contact), part of its
 * public profile and exported in the structure of Virksomhedsguiden's service listings
 * (docs/virksomhedsguiden.md).
 */
export const clusterServices = pgTable(
  'cluster_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionDa: text('description_da').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    /** Keys of src/domain/hubs/target-groups.ts. */
    targetGroups: text('target_groups').array().notNull(),
    price: servicePrice('price').notNull(),
    /** What it costs, as the cluster says it ("1.500 kr. pr. deltager"); empty when free. */
    priceText: text('price_text').notNull().default(''),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    coverage: serviceCoverage('coverage').notNull(),
    /** The regions served when the coverage is regional. */
    regionCodes: smallint('region_codes').array().notNull().default(sql`'{}'::smallint[]`),
    /** The service's own page on the cluster's website. */
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cluster_services_cluster_idx').on(t.clusterId),
    check(
      'cluster_services_regions_when_regional',
      sql`(${t.coverage} = 'regional') = (cardinality(${t.regionCodes}) > 0)`,
    ),
    check('cluster_services_target_groups_present', sql`cardinality(${t.targetGroups}) > 0`),
  ],
);
