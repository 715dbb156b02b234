import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  jsonb,
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
import { users } from './accounts.ts';
import { clusterLeague, organisations } from './organisations.ts';
import { regions } from './reference.ts';
import { companies } from './reporting.ts';

export const surveyStatus = pgEnum('survey_status', ['draft', 'open', 'closed']);
/** Who sees a survey's results besides those who manage it: nobody, the funders, everyone. */
export const surveyResultsAudience = pgEnum('survey_results_audience', ['owners', 'funders', 'public']);
/** Company size by employees: under 10, 10-49, 50-249, 250 and more (unknown: null). */
export const companySizeBand = pgEnum('company_size_band', ['micro', 'small', 'medium', 'large']);

/**
 * A questionnaire (spørgeskema) an organisation keeps, e.g. the company effect survey: its
 * questions live in numbered versions, so one questionnaire serves several survey rounds.
 */
export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  /** What the questionnaire is for (src/domain/surveys/questionnaire.ts), so later features find theirs. */
  purpose: text('purpose').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One version of a questionnaire's questions (JSON, validated by the domain's schema). A
 * published version never changes: a database trigger refuses it (migration surveys_audit);
 * changes make a new version.
 */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    number: smallint('number').notNull(),
    definition: jsonb('definition').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_number_key').on(t.questionnaireId, t.number),
    check('questionnaire_versions_number_positive', sql`${t.number} >= 1`),
  ],
);

/** One round of asking: a questionnaire version sent to an audience until a closing time. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => organisations.id),
    questionnaireVersionId: uuid('questionnaire_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull(),
    /** Anonymous: answers are stored with no link to the invitation or the person (docs/surveys.md). */
    anonymous: boolean('anonymous').notNull(),
    resultsAudience: surveyResultsAudience('results_audience').notNull().default('owners'),
    status: surveyStatus('status').notNull().default('draft'),
    /** Answers are taken, and links work, until this moment. */
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** The reporting years a survey asks about, e.g. the company effect survey's two previous years. */
    coversFrom: smallint('covers_from'),
    coversTo: smallint('covers_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('surveys_owner_idx').on(t.ownerId),
    check('surveys_covers_order', sql`${t.coversTo} >= ${t.coversFrom}`),
    check('surveys_covers_both', sql`(${t.coversFrom} is null) = (${t.coversTo} is null)`),
  ],
);

/**
 * One invitee of a survey: where the invitation goes and the respondent attributes results are
 * broken down by (taken from the platform when the invitation is made). E-mail is stored in
 * lower case: one invitation per address and survey.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    cvr: char('cvr', { length: 8 }),
    /** The cluster the invitee belongs to or took part with. */
    clusterId: uuid('cluster_id').references(() => organisations.id),
    regionCode: smallint('region_code').references(() => regions.code),
    sizeBand: companySizeBand('size_band'),
    league: clusterLeague('league'),
    lang: char('lang', { length: 2 }).notNull().default('da'),
    /** Where the invitee came from: an audience source of src/domain/surveys/audiences.ts, or csv. */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminders: smallint('reminders').notNull().default(0),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_invitations_email_key').on(t.surveyId, t.email),
    check('survey_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('survey_invitations_lang', sql`${t.lang} in ('da', 'en')`),
  ],
);

/**
 * The personal links of an invitation: only the SHA-256 of each token is stored. A reminder
 * brings a new link and the earlier ones keep working; all expire with the survey.
 */
export const surveyTokens = pgTable(
  'survey_tokens',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_tokens_invitation_idx').on(t.invitationId)],
);

/** Answers saved but not yet sent ("save and continue later"); deleted when the response is sent. */
export const surveyDrafts = pgTable('survey_drafts', {
  invitationId: uuid('invitation_id')
    .primaryKey()
    .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A sent response. No column refers to an invitation, a token or a person: the respondent finds
 * it again by `edit_key`, a hash of the link's token under another prefix than the invitation's
 * (docs/surveys.md). Only a named survey keeps who answered, as plain values.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    questionnaireVersionId: uuid('questionnaire_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    editKey: char('edit_key', { length: 64 }).notNull(),
    anonymous: boolean('anonymous').notNull(),
    regionCode: smallint('region_code').references(() => regions.code),
    sizeBand: companySizeBand('size_band'),
    clusterId: uuid('cluster_id').references(() => organisations.id),
    league: clusterLeague('league'),
    respondentEmail: text('respondent_email'),
    respondentName: text('respondent_name'),
    respondentCvr: char('respondent_cvr', { length: 8 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_responses_edit_key').on(t.editKey),
    index('survey_responses_survey_idx').on(t.surveyId),
    check(
      'survey_responses_anonymous_has_no_respondent',
      sql`not ${t.anonymous} or (${t.respondentEmail} is null and ${t.respondentName} is null
          and ${t.respondentCvr} is null and ${t.submittedAt} is null)`,
    ),
  ],
);

/**
 * One answer value: a chosen option (single, multiple, matrix row, scale step), a number or a
 * text. Results count these rows in SQL.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    /** The row of a matrix question; '' otherwise. */
    rowKey: text('row_key').notNull().default(''),
    /** The chosen option or scale step; '' for numbers and texts. */
    choice: text('choice').notNull().default(''),
    number: numeric('number', { mode: 'number' }),
    text: text('text'),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionKey, t.rowKey, t.choice] })],
);

/**
 * E-mail addresses that opted out of survey invitations from the portal, as SHA-256 of the
 * lower-case address: enough to leave them out of later audiences, nothing to mail them with.
 */
export const surveyOptOuts = pgTable('survey_opt_outs', {
  emailHash: char('email_hash', { length: 64 }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The contact e-mail a cluster supplies for a company that takes part in its activities, for
 * survey invitations only (not part of the public reporting format; purpose and retention in
 * docs/surveys.md). One per company and cluster.
 */
export const companyContacts = pgTable(
  'company_contacts',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    cvr: char('cvr', { length: 8 })
      .notNull()
      .references(() => companies.cvr, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    suppliedAt: timestamp('supplied_at', { withTimezone: true }).notNull().defaultNow(),
    suppliedBy: uuid('supplied_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.cvr] }),
    index('company_contacts_cvr_idx').on(t.cvr),
    check('company_contacts_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);
