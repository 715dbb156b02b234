import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { municipalities } from './reference.ts';

export const companySize = pgEnum('company_size', ['micro', 'small', 'medium', 'large']);

/**
 * The partner profile of an organisation of kind `company` (1:1): what it does and seeks, shown
 * in the partner search and the open data API. A Danish company is known by its CVR (on the
 * organisation); a foreign one by its country and its own registration number.
 */
export const companyProfiles = pgTable(
  'company_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** ISO 3166-1 alpha-2. */
    country: char('country', { length: 2 }).notNull().default('DK'),
    /** A foreign organisation's number in its own country's register; Danish ones have the CVR. */
    registrationNumber: text('registration_number'),
    description: text('description').notNull().default(''),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** DB07 industry code (2-6 digits). */
    industryCode: text('industry_code'),
    size: companySize('size'),
    /** ISO 639-1 codes of the languages the organisation works in. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    seeks: text('seeks').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('company_profiles_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('company_profiles_country_idx').on(t.country),
  ],
);

/**
 * A sign-up waiting for its e-mail to be verified: nothing else exists until the person opens the
 * one-time link (only the token's SHA-256 is kept), so an unverified address never holds an
 * account. A cluster's invitation of a member company is one too, made by the cluster
 * (`invitedBy`) without a password: the person chooses theirs when they accept.
 */
export const companySignups = pgTable(
  'company_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string, moved to the user at verification; null in an invitation. */
    passwordHash: text('password_hash'),
    organisationName: text('organisation_name').notNull(),
    country: char('country', { length: 2 }).notNull(),
    cvr: char('cvr', { length: 8 }),
    registrationNumber: text('registration_number'),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The cluster organisation that invited the company, for an invitation. */
    invitedBy: uuid('invited_by').references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('company_signups_token_key').on(t.tokenHash),
    check('company_signups_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check(
      'company_signups_identified',
      sql`(${t.country} = 'DK' and ${t.cvr} is not null) or (${t.country} <> 'DK' and ${t.registrationNumber} is not null)`,
    ),
  ],
);

export const marketplaceDirection = pgEnum('marketplace_direction', ['offer', 'request']);
export const marketplaceType = pgEnum('marketplace_type', [
  'product_service',
  'expertise',
  'partnership',
  'rd_project',
  'investment',
  'supplier',
]);

/**
 * An offer or a request of the marketplace, owned by an organisation (a company or a cluster);
 * public from `validFrom` to `validUntil` (both included), then it leaves the public list. The
 * owner may withdraw it before then (`withdrawnAt`): it leaves the list, search and API at once.
 */
export const marketplaceItems = pgTable(
  'marketplace_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    direction: marketplaceDirection('direction').notNull(),
    type: marketplaceType('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('marketplace_items_valid_idx').on(t.validUntil, t.validFrom),
    index('marketplace_items_organisation_idx').on(t.organisationId),
    check('marketplace_items_valid_order', sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);
