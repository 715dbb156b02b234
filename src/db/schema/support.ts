import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/** Who a service of the support function is for. */
export const serviceTargetGroup = pgEnum('service_target_group', [
  'cluster_leaders',
  'staff',
  'boards',
  'emerging_clusters',
  'business_advisers',
]);
/** How a service is delivered. */
export const serviceForm = pgEnum('service_form', [
  'course',
  'module_programme',
  'workshop',
  'sparring',
  'tool',
  'analysis',
]);
/** What a participant pays: nothing (paid by the programme), a user payment, or the full price. */
export const servicePayment = pgEnum('service_payment', ['free', 'user_payment', 'price']);
export const serviceLanguage = pgEnum('service_language', ['da', 'en', 'da_en']);

/**
 * The catalogue of the national support function (Cluster Excellence Denmark): what it offers
 * the clusters. A retired service keeps its page for old links but leaves the list and the search.
 */
export const supportServices = pgTable(
  'support_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The support function organisation that offers it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Fixed once created, so links keep working when the title is edited. */
    slug: text('slug').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull(),
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en').notNull(),
    descriptionDa: text('description_da').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    targetGroups: serviceTargetGroup('target_groups').array().notNull(),
    form: serviceForm('form').notNull(),
    payment: servicePayment('payment').notNull(),
    /** Per participant, in whole kroner; null when free. */
    priceDkk: integer('price_dkk'),
    /** Participants (or clusters, for sparring and analyses) per run; null when not limited. */
    capacity: integer('capacity'),
    language: serviceLanguage('language').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_services_slug_idx').on(t.slug),
    index('support_services_form_idx').on(t.form),
    check('support_services_target_groups', sql`cardinality(${t.targetGroups}) > 0`),
    check('support_services_price', sql`(${t.payment} = 'free') = (${t.priceDkk} is null)`),
    check('support_services_price_positive', sql`${t.priceDkk} is null or ${t.priceDkk} > 0`),
    check('support_services_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);
