import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalities, regions } from './reference.ts';

export const organisationKind = pgEnum('organisation_kind', [
  'cluster_organisation',
  'funder',
  'support_function',
  'business_service',
  /** A university or a research and technology organisation (GTS institute); no part in the account. */
  'knowledge_institution',
  /** A company or other organisation that signed in itself (MitID Erhverv with its CVR; matchmaking). */
  'company',
]);
export const funderLevel = pgEnum('funder_level', ['national', 'regional', 'municipal']);
export const clusterLeague = pgEnum('cluster_league', ['world_class', 'regional', 'emerging']);
export const labelLevel = pgEnum('label_level', ['bronze', 'silver', 'gold']);
/** Where a grant's money comes from: budgets with different cadences (seed 000). */
export const grantSource = pgEnum('grant_source', [
  'finance_act',
  'regional_development_funds',
  'eu_structural_funds',
  'municipal_budget',
  'other',
]);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organisationKind('kind').notNull(),
    /** Only for funders: which level of government funds through this organisation. */
    funderLevel: funderLevel('funder_level'),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    cvr: char('cvr', { length: 8 }),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    /** Regional funders: the region whose money they administer. */
    regionCode: smallint('region_code').references(() => regions.code),
    website: text('website'),
    /** Street address with postal code and town, as written on letters. */
    address: text('address'),
    /** The organisation ended (closed or merged) on this day; it stays for its history. */
    endedOn: date('ended_on'),
    /** Who carries on an ended organisation's work: the cluster a cluster merged into (docs/organisations.md). */
    successorId: uuid('successor_id').references((): AnyPgColumn => organisations.id),
    /** Invented for the demo where public facts are missing; shown as such in the UI. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    uniqueIndex('organisations_cvr_key').on(t.cvr),
    index('organisations_kind_idx').on(t.kind),
    check(
      'organisations_funder_level_only_for_funders',
      sql`(${t.kind} = 'funder') = (${t.funderLevel} is not null)`,
    ),
    check('organisations_cvr_format', sql`${t.cvr} ~ '^[1-9][0-9]{7}$'`),
    check('organisations_successor_when_ended', sql`${t.successorId} is null or ${t.endedOn} is not null`),
    check('organisations_successor_not_itself', sql`${t.successorId} <> ${t.id}`),
  ],
);

/** The cluster profile of an organisation of kind cluster_organisation (1:1). */
export const clusters = pgTable(
  'clusters',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    league: clusterLeague('league').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** DB07 code prefixes (2-6 digits) of the cluster's stronghold industries. */
    strongholdIndustries: text('stronghold_industries').array().notNull().default(sql`'{}'::text[]`),
    summaryDa: text('summary_da').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    staffFte: numeric('staff_fte', { precision: 6, scale: 1, mode: 'number' }),
    /** National cluster organisation for a programme period, e.g. 2021-2024. */
    nationalFrom: smallint('national_from'),
    nationalTo: smallint('national_to'),
    endedOn: date('ended_on'),
    // Public profile (issue: public entry). Long texts are Markdown, rendered sanitised.
    descriptionDa: text('description_da').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Municipalities of local offices and hubs besides the seat. */
    siteMunicipalities: smallint('site_municipalities').array().notNull().default(sql`'{}'::smallint[]`),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    membersCount: integer('members_count'),
    /** Private companies dedicated to the cluster (criterion 4: at least 20). */
    dedicatedCompanies: integer('dedicated_companies'),
    boardCompanies: smallint('board_companies'),
    boardKnowledgeInstitutions: smallint('board_knowledge_institutions'),
    boardPublic: smallint('board_public'),
    /** Criterion 1: the cluster states an innovation purpose. */
    innovationPurpose: boolean('innovation_purpose').notNull().default(false),
    /** Criterion 5 alternative: a label certification is under way. */
    labelInProcess: boolean('label_in_process').notNull().default(false),
    /**
     * A fixed number per cluster from 0 up: its bit in `company_year_facts.clusters` (word
     * `account_bit / 64`, bit `account_bit % 64`). Never reused or changed.
     */
    accountBit: smallint('account_bit')
      .notNull()
      .unique()
      .generatedAlwaysAsIdentity({ startWith: 0, minValue: 0 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('clusters_staff_fte_nonnegative', sql`${t.staffFte} >= 0`),
    check('clusters_counts_nonnegative', sql`${t.membersCount} >= 0 and ${t.dedicatedCompanies} >= 0`),
    check(
      'clusters_board_nonnegative',
      sql`${t.boardCompanies} >= 0 and ${t.boardKnowledgeInstitutions} >= 0 and ${t.boardPublic} >= 0`,
    ),
  ],
);

/**
 * An unpublished edit of a cluster profile: the whole editable profile as JSON, validated by the
 * same schema as a published one. Publishing copies it into `clusters` and deletes the draft.
 */
export const clusterProfileDrafts = pgTable('cluster_profile_drafts', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  profile: jsonb('profile').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** European Cluster Excellence labels (ESCA): Bronze, Silver, Gold with their validity. */
export const clusterLabels = pgTable(
  'cluster_labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    level: labelLevel('level').notNull(),
    awardedOn: date('awarded_on').notNull(),
    validUntil: date('valid_until').notNull(),
    assessingBody: text('assessing_body').notNull(),
  },
  (t) => [
    index('cluster_labels_org_idx').on(t.organisationId),
    // One award of a level on a day per cluster: re-importing a label list cannot duplicate it.
    uniqueIndex('cluster_labels_award_key').on(t.organisationId, t.level, t.awardedOn),
    check('cluster_labels_valid_after_award', sql`${t.validUntil} > ${t.awardedOn}`),
  ],
);

/** Who funds which cluster organisation, per year, with the amount. */
export const fundingGrants = pgTable(
  'funding_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
    /** The funder primarily responsible for this cluster in its league (seed 000). */
    responsible: boolean('responsible').notNull().default(false),
    source: grantSource('source').notNull().default('other'),
    /**
     * Why a funder outside the league rule is the responsible one (docs/grants.md); set only when
     * the rule is overridden.
     */
    responsibleOverrideReason: text('responsible_override_reason'),
  },
  (t) => [
    uniqueIndex('funding_grants_funder_cluster_year_key').on(t.funderId, t.clusterId, t.year),
    index('funding_grants_cluster_idx').on(t.clusterId, t.year),
    check('funding_grants_amount_nonnegative', sql`${t.amountDkk} >= 0`),
    check(
      'funding_grants_override_only_when_responsible',
      sql`${t.responsibleOverrideReason} is null or ${t.responsible}`,
    ),
  ],
);

/**
 * Two records of one organisation merged into one (docs/organisations.md): the removed record is
 * gone, its references point at the survivor, and this row keeps what it was called.
 */
export const organisationMerges = pgTable(
  'organisation_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => organisations.id),
    /** The removed record's id: no reference, the row is deleted by the merge. */
    removedId: uuid('removed_id').notNull(),
    removedKind: organisationKind('removed_kind').notNull(),
    removedName: text('removed_name').notNull(),
    removedCvr: char('removed_cvr', { length: 8 }),
    /** How many rows of other tables now point at the survivor instead. */
    movedReferences: integer('moved_references').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_merges_survivor_idx').on(t.survivorId)],
);
