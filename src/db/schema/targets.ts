import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * Targets (pejlemærker): a funder's set of targets for a strategy period, e.g. Klyngeforum's
 * 2016-2018 set. Each target is measured by one key of the performance account.
 */
export const targetSets = pgTable(
  'target_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => organisations.id),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    periodFrom: smallint('period_from').notNull(),
    periodTo: smallint('period_to').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('target_sets_period_idx').on(t.periodFrom, t.periodTo),
    check('target_sets_period_order', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/** at_least: the actual should reach the target; at_most: stay at or below it; none: shown without a number. */
export const targetDirection = pgEnum('target_direction', ['at_least', 'at_most', 'none']);

/**
 * One version of one target. An edit never overwrites: it closes the current version
 * (`superseded_at`) and inserts the next, so the history of every target is kept.
 */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => targetSets.id, { onDelete: 'cascade' }),
    /** Stable within the set across versions, e.g. '1' or '5a'; shown as the target's number. */
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    position: smallint('position').notNull().default(0),
    /** A key of the performance account (reporting spec), e.g. 'innovating_companies'. */
    metric: text('metric').notNull(),
    labelDa: text('label_da').notNull(),
    labelEn: text('label_en').notNull(),
    baselineYear: smallint('baseline_year'),
    baselineValue: numeric('baseline_value', { precision: 14, scale: 2, mode: 'number' }),
    targetValue: numeric('target_value', { precision: 14, scale: 2, mode: 'number' }),
    direction: targetDirection('direction').notNull(),
    /** Why the target is measured the way it is, e.g. where the account key only approximates it. */
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('targets_set_code_version_key').on(t.setId, t.code, t.version),
    uniqueIndex('targets_set_code_current_key').on(t.setId, t.code).where(sql`${t.supersededAt} is null`),
    check('targets_value_given', sql`${t.direction} = 'none' or ${t.targetValue} is not null`),
  ],
);
