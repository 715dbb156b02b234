import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clusters } from './organisations.ts';

/** Who a cluster's service is for; the export maps each to Virksomhedsguiden's target groups (docs/virksomhedsguiden.md). */
export const clusterServiceAudience = pgEnum('cluster_service_audience', [
  'all_companies',
  'startups',
  'smes',
  'large_companies',
  'knowledge_institutions',
]);
export const clusterServicePrice = pgEnum('cluster_service_price', ['free', 'paid']);

/**
 * The services a cluster offers companies (matchmaking, test facilities, courses, ...), described
 * in its profile and exported in the structure Virksomhedsguiden lists services in. Not the
 * support function's own services (support_services).
 */
export const clusterServices = pgTable(
  'cluster_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => clusters.organisationId, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionDa: text('description_da').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    targetGroup: clusterServiceAudience('target_group').notNull(),
    priceKind: clusterServicePrice('price_kind').notNull(),
    /** What a paid service costs, as the cluster words it ("2.500 kr. pr. deltager"); empty when free. */
    priceText: text('price_text').notNull().default(''),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** The cluster's own page about the service, if any. */
    url: text('url'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cluster_services_organisation_idx').on(t.organisationId, t.position),
    check('cluster_services_price', sql`${t.priceKind} = 'free' or ${t.priceText} <> ''`),
  ],
);
