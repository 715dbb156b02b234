import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { municipalities } from './reference.ts';

export const activityCategory = pgEnum('activity_category', [
  'innovation_collaboration',
  'internationalisation',
  'knowledge_dissemination',
  'access_to_finance',
  'entrepreneurs',
  'networking',
  'organisation_development',
]);

export const participantType = pgEnum('participant_type', [
  'company',
  'knowledge_institution',
  'public',
  'other',
  'foreign',
]);

/** The kind of a knowledge institution (reporting format 1.1). */
export const institutionKind = pgEnum('institution_kind', [
  'university',
  'business_academy',
  'university_college',
  'gts',
  'artistic',
  'other',
]);

/**
 * Every CVR holder that took part in an activity (companies, knowledge institutions, public
 * bodies). What a participant is like (name, employees, address, industry) is kept with each
 * participation, as the reporting cluster gave it (reporting format 1.1).
 */
export const companies = pgTable(
  'companies',
  {
    cvr: char('cvr', { length: 8 }).primaryKey(),
    /** Generated for the demo data set; the UI marks such companies as synthetic. */
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('companies_cvr_format', sql`${t.cvr} ~ '^[1-9][0-9]{7}$'`)],
);

export const activities = pgTable(
  'activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    activityRef: text('activity_ref').notNull(),
    title: text('title').notNull(),
    category: activityCategory('category').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** The year the activity counts in: the year of its start date. */
    year: smallint('year').notNull().generatedAlwaysAs(sql`(extract(year from start_date))::smallint`),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    grantDkk: bigint('grant_dkk', { mode: 'number' }),
    externalFundingDkk: bigint('external_funding_dkk', { mode: 'number' }),
    privateCofinancingHours: numeric('private_cofinancing_hours', {
      precision: 14,
      scale: 2,
      mode: 'number',
    }),
    /** Private co-financing in DKK by source (format 1.1): fees, sponsors, private foundations. */
    cofinancingFeesDkk: bigint('cofinancing_fees_dkk', { mode: 'number' }),
    cofinancingSponsorshipDkk: bigint('cofinancing_sponsorship_dkk', { mode: 'number' }),
    cofinancingFoundationsDkk: bigint('cofinancing_foundations_dkk', { mode: 'number' }),
    /** The activity helped develop an application to an EU programme (format 1.1). */
    euApplication: boolean('eu_application').notNull().default(false),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activities_cluster_ref_key').on(t.clusterId, t.activityRef),
    index('activities_year_idx').on(t.year, t.clusterId),
    check('activities_end_after_start', sql`${t.endDate} >= ${t.startDate}`),
    check('activities_grant_nonnegative', sql`${t.grantDkk} >= 0`),
    check('activities_external_nonnegative', sql`${t.externalFundingDkk} >= 0`),
    check('activities_hours_nonnegative', sql`${t.privateCofinancingHours} >= 0`),
    check(
      'activities_cofinancing_nonnegative',
      sql`${t.cofinancingFeesDkk} >= 0 and ${t.cofinancingSponsorshipDkk} >= 0 and ${t.cofinancingFoundationsDkk} >= 0`,
    ),
  ],
);

/**
 * One participant in one activity. `cluster_id` and `year` are copies of the activity's, so that
 * an account for one year reads only that year's rows through an index.
 */
export const participations = pgTable(
  'participations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    activityId: bigint('activity_id', { mode: 'number' })
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    clusterId: uuid('cluster_id').notNull(),
    year: smallint('year').notNull(),
    participantType: participantType('participant_type').notNull(),
    cvr: char('cvr', { length: 8 }).references(() => companies.cvr),
    /** Only for foreign participants, who have no CVR. */
    country: char('country', { length: 2 }),
    newCompetence: boolean('new_competence').notNull().default(false),
    newIdea: boolean('new_idea').notNull().default(false),
    newProduct: boolean('new_product').notNull().default(false),
    /*
     * The participant as the reporting cluster described it in this participation (format 1.1:
     * company data belongs to the delivery that reported it). A company is classified per scope
     * and year by its latest participation there (docs/reporting-format.md).
     */
    name: text('name').notNull(),
    employees: integer('employees'),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    industryCode: char('industry_code', { length: 6 }),
    /** Knowledge institutions only. */
    institutionKind: institutionKind('institution_kind'),
    /** When these values were last delivered: "the latest delivery" of the classification rule. */
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participations_activity_cvr_key').on(t.activityId, t.cvr).where(sql`${t.cvr} is not null`),
    uniqueIndex('participations_activity_foreign_key')
      .on(t.activityId, t.name, t.country)
      .where(sql`${t.cvr} is null`),
    // Replacing an activity's participant list deletes by activity, foreign participants included.
    index('participations_activity_idx').on(t.activityId),
    // (year, participant_type, cvr) with the columns the account reads is in migration 0025.
    index('participations_cluster_year_idx').on(t.clusterId, t.year),
    check('participations_employees_nonnegative', sql`${t.employees} >= 0`),
    check('participations_industry_code_format', sql`${t.industryCode} ~ '^[0-9]{6}$'`),
    check(
      'participations_institution_kind_only_knowledge',
      sql`${t.institutionKind} is null or ${t.participantType} = 'knowledge_institution'`,
    ),
    check(
      'participations_identity',
      sql`(${t.participantType} = 'foreign' and ${t.cvr} is null and ${t.country} is not null and ${t.country} <> 'DK')
       or (${t.participantType} <> 'foreign' and ${t.cvr} is not null and ${t.country} is null)`,
    ),
  ],
);

/**
 * What the national performance account needs of one company in one year, kept by triggers on
 * participations, activities, clusters and reporting periods in the transaction of every change
 * (migration 0032), twice: over every participation (the preliminary account) and over those of
 * the (cluster, year) periods that are approved or locked (`official`, the official account).
 * The year's company participations are folded into `flags` (bits: 1 new competence, 2 new idea,
 * 4 new product, 8 an internationalisation activity, 16 an innovation collaboration with a
 * knowledge institution) and the clusters it took part in as a bit set of 64 clusters per word
 * (`clusters.account_bit`): `word_bits[i]` holds the bits of word `word_ids[i]`, non-zero words
 * only. `employees`, `municipality_code` and `industry_code` are those of the company's latest
 * participation among them, which classifies it nationally. One row per company instead of ~5
 * participations per company.
 */
export const companyYearFacts = pgTable(
  'company_year_facts',
  {
    year: smallint('year').notNull(),
    official: boolean('official').notNull(),
    cvr: char('cvr', { length: 8 }).notNull(),
    flags: integer('flags').notNull(),
    wordIds: smallint('word_ids').array().notNull(),
    wordBits: bigint('word_bits', { mode: 'bigint' }).array().notNull(),
    employees: integer('employees'),
    municipalityCode: smallint('municipality_code'),
    industryCode: char('industry_code', { length: 6 }),
  },
  (t) => [primaryKey({ columns: [t.year, t.official, t.cvr] })],
);
