import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
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
import { organisations } from './organisations.ts';
import { activityCategory } from './reporting.ts';

/**
 * Funding calls: the call itself (its public page: text, owner, dates and status), then its
 * application flow: set-up (English texts, funding period, budgets per funder and year,
 * requirements, weighted criteria, assessors), applications, eligibility, assessment, decision
 * and allocation. A call without a set-up takes its applications outside the portal, as its text says.
 */

export const callStatus = pgEnum('call_status', [
  'draft',
  'published',
  'open',
  'closed',
  'assessed',
  'decided',
]);

/** Funding calls (opslag): the public entry lists every call but drafts, with its deadline. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => organisations.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    status: callStatus('status').notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    /** A moment in time; shown and entered as Europe/Copenhagen local time. */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /**
     * The later phases' dates (seed 003: applications in March, assessment in May, decision in
     * September, grants from January), each a day and each after the one before.
     */
    assessmentDeadline: date('assessment_deadline', { mode: 'string' }),
    decisionDate: date('decision_date', { mode: 'string' }),
    grantsStartOn: date('grants_start_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    /** The case officer who recorded the decision: named with their e-mail in the decision letters. */
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The organisation whose funders select the applications when the call follows the joint
     * decision chain (docs/grants.md); none: the owner decides in one step, as before.
     */
    deciderId: uuid('decider_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calls_slug_key').on(t.slug), index('calls_deadline_idx').on(t.status, t.deadline)],
);

/** English texts and the funded period of a call; one row per call that is set up for applications. */
export const callSetups = pgTable(
  'call_setups',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    titleEn: text('title_en').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    firstYear: smallint('first_year').notNull(),
    lastYear: smallint('last_year').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('call_setups_period', sql`${t.lastYear} >= ${t.firstYear}`)],
);

/** Each funder's budget for a year of the call; a joint call has budget rows from several funders. */
export const callBudgets = pgTable(
  'call_budgets',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.funderId, t.year] }),
    check('call_budgets_amount', sql`${t.amountDkk} >= 0`),
  ],
);

/** Pass/fail requirements, checked before assessment, each with the evidence the applicant must give. */
export const callRequirements = pgTable(
  'call_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en').notNull(),
    evidenceDa: text('evidence_da').notNull().default(''),
    evidenceEn: text('evidence_en').notNull().default(''),
    /** The evidence is the cluster's services as listed for Virksomhedsguiden: the form links to its export. */
    servicesListing: boolean('services_listing').notNull().default(false),
  },
  (t) => [uniqueIndex('call_requirements_position_key').on(t.callId, t.position)],
);

/** Scored criteria; `weight` is a share in per cent, the scores run from 0 to `scaleMax`. */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull(),
    weight: smallint('weight').notNull(),
    scaleMax: smallint('scale_max').notNull().default(5),
  },
  (t) => [
    uniqueIndex('call_criteria_position_key').on(t.callId, t.position),
    check('call_criteria_weight', sql`${t.weight} > 0 and ${t.weight} <= 100`),
    check('call_criteria_scale', sql`${t.scaleMax} between 1 and 100`),
  ],
);

export const callAssessors = pgTable(
  'call_assessors',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] })],
);

export const applicationStatus = pgEnum('application_status', [
  'draft',
  'submitted',
  'withdrawn',
  'ineligible',
  'eligible',
  'selected',
  'not_selected',
]);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: applicationStatus('status').notNull().default('draft'),
    title: text('title').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    /**
     * The applicant's declaration on "Tjek og indsend" that the information is correct, made at
     * submission: who (their name as it was then, kept even if the account changes) and when.
     */
    declaredCorrectBy: uuid('declared_correct_by'),
    declaredCorrectByName: text('declared_correct_by_name'),
    declaredCorrectAt: timestamp('declared_correct_at', { withTimezone: true }),
    /** The reasoned rejection of an ineligible application. */
    eligibilityReason: text('eligibility_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_call_org_key').on(t.callId, t.organisationId),
    index('applications_status_idx').on(t.callId, t.status),
  ],
);

/** The applicant's statement and evidence for each requirement. */
export const applicationAnswers = pgTable(
  'application_answers',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => callRequirements.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.requirementId] })],
);

/** The applicant's text for each criterion. */
export const applicationCriterionTexts = pgTable(
  'application_criterion_texts',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    text: text('text').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.criterionId] })],
);

/** Budget applied for per year and activity category. */
export const applicationBudgetLines = pgTable(
  'application_budget_lines',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    category: activityCategory('category').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.year, t.category] }),
    check('application_budget_lines_amount', sql`${t.amountDkk} >= 0`),
  ],
);

/** Files live under the data directory, outside the web root; `storageKey` names the file there. */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_attachments_app_idx').on(t.applicationId)],
);

/** The call owner's pass/fail check of each requirement. */
export const eligibilityChecks = pgTable(
  'eligibility_checks',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => callRequirements.id, { onDelete: 'cascade' }),
    passed: boolean('passed').notNull(),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.requirementId] })],
);

/** Declared before an assessor may open an application; a conflict blocks access for good. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    hasConflict: boolean('has_conflict').notNull(),
    note: text('note').notNull().default(''),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.assessorId] })],
);

export const assessmentScores = pgTable(
  'assessment_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.assessorId, t.criterionId] }),
    check('assessment_scores_score', sql`${t.score} >= 0`),
  ],
);

/** The call owner's agreed score per criterion, set after seeing the spread of individual scores. */
export const consensusScores = pgTable(
  'consensus_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: uuid('decided_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.criterionId] }),
    check('consensus_scores_score', sql`${t.score} >= 0`),
  ],
);

/** Each funder's allocation of its own budget to a selected application, per year. */
export const callAllocations = pgTable(
  'call_allocations',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.funderId, t.year] }),
    check('call_allocations_amount', sql`${t.amountDkk} >= 0`),
  ],
);

/**
 * The call deadline reminders sent (claimed): one per call, phase, days-before edge and person,
 * so no one is reminded twice of the same deadline and a failed mail can be claimed again.
 */
export const callDeadlineReminders = pgTable(
  'call_deadline_reminders',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** Whose deadline: 'application' (applicants), 'assessment' (assessors), 'decision' (funders). */
    phase: text('phase').notNull(),
    /** Days before the deadline: 7 or 1. */
    edge: smallint('edge').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.phase, t.edge, t.userId] }),
    check('call_deadline_reminders_phase', sql`${t.phase} in ('application', 'assessment', 'decision')`),
    check('call_deadline_reminders_edge', sql`${t.edge} in (7, 1)`),
  ],
);

/** The steps of the joint decision chain after the joint assessment, in their order. */
export const callChainStep = pgEnum('call_chain_step', [
  'recommendation',
  'sign_off',
  'selection',
  'allocation',
  'grants',
]);

/**
 * Who took each step of a call's joint decision chain, and when. `organisationId` is the party
 * the step was taken for: the owner (recommendation, grants), each funder of the call (sign-off,
 * allocation) and the decider (selection); a step is taken once per party.
 */
export const callChainSteps = pgTable(
  'call_chain_steps',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    step: callChainStep('step').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.step, t.organisationId] })],
);

/** The applications the recommendation (indstilling) puts forward, in the order of the ranking. */
export const callRecommendations = pgTable(
  'call_recommendations',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.applicationId] }),
    uniqueIndex('call_recommendations_position_key').on(t.callId, t.position),
  ],
);
