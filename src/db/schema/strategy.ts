import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { organisations } from './organisations.ts';
import { activities } from './reporting.ts';

/**
 * The national cluster strategy's focus areas (indsatsområder) and its 20 initiatives, followed up
 * by Klyngeforum (seed 001). Areas and initiatives are reference data loaded by a migration; their
 * status, milestones, responsible parties and linked activities are kept here with history.
 */
export const strategyFocusAreas = pgTable('strategy_focus_areas', {
  /** 'A'..'E' as in the strategy. */
  code: text('code').primaryKey(),
  position: smallint('position').notNull(),
  titleDa: text('title_da').notNull(),
  titleEn: text('title_en').notNull(),
  summaryDa: text('summary_da').notNull(),
  summaryEn: text('summary_en').notNull(),
});

export const strategyInitiativeStatus = pgEnum('strategy_initiative_status', [
  'not_started',
  'in_progress',
  'completed',
  'discontinued',
]);

export const strategyInitiatives = pgTable(
  'strategy_initiatives',
  {
    /** Focus area and number, e.g. 'A1'; also the initiative's path segment. */
    code: text('code').primaryKey(),
    focusAreaCode: text('focus_area_code')
      .notNull()
      .references(() => strategyFocusAreas.code),
    number: smallint('number').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en').notNull(),
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en').notNull(),
    status: strategyInitiativeStatus('status').notNull().default('not_started'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('strategy_initiatives_area_number_key').on(t.focusAreaCode, t.number)],
);

/** Who is responsible: an organisation of the portal where it exists, otherwise a name. */
export const strategyResponsibleParties = pgTable(
  'strategy_responsible_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeCode: text('initiative_code')
      .notNull()
      .references(() => strategyInitiatives.code, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('strategy_responsible_parties_position_key').on(t.initiativeCode, t.position)],
);

/** Every change of an initiative's status, with who changed it and why. */
export const strategyStatusChanges = pgTable(
  'strategy_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeCode: text('initiative_code')
      .notNull()
      .references(() => strategyInitiatives.code, { onDelete: 'cascade' }),
    fromStatus: strategyInitiativeStatus('from_status').notNull(),
    toStatus: strategyInitiativeStatus('to_status').notNull(),
    note: text('note').notNull(),
    changedBy: uuid('changed_by'),
    changedByLabel: text('changed_by_label').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('strategy_status_changes_initiative_idx').on(t.initiativeCode, t.changedAt),
    check('strategy_status_changes_differs', sql`${t.fromStatus} <> ${t.toStatus}`),
  ],
);

export const strategyMilestones = pgTable(
  'strategy_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeCode: text('initiative_code')
      .notNull()
      .references(() => strategyInitiatives.code, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('strategy_milestones_initiative_idx').on(t.initiativeCode, t.dueOn),
    check(
      'strategy_milestones_done_after_created',
      sql`${t.doneOn} >= (${t.createdAt} at time zone 'UTC')::date`,
    ),
  ],
);

/** A reported activity, or a whole cluster, that carries out an initiative. */
export const strategyInitiativeLinks = pgTable(
  'strategy_initiative_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeCode: text('initiative_code')
      .notNull()
      .references(() => strategyInitiatives.code, { onDelete: 'cascade' }),
    activityId: bigint('activity_id', { mode: 'number' }).references(() => activities.id, {
      onDelete: 'cascade',
    }),
    clusterId: uuid('cluster_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('strategy_initiative_links_activity_key').on(t.initiativeCode, t.activityId),
    uniqueIndex('strategy_initiative_links_cluster_key').on(t.initiativeCode, t.clusterId),
    index('strategy_initiative_links_activity_idx').on(t.activityId),
    check('strategy_initiative_links_one_target', sql`num_nonnulls(${t.activityId}, ${t.clusterId}) = 1`),
  ],
);
