import { char, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Danish regions (1081-1085); rows are loaded by migration from src/reference/regions.csv. */
export const regions = pgTable('regions', {
  code: smallint('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});

/** The 98 municipalities with their 3-digit codes, loaded by migration. */
export const municipalities = pgTable('municipalities', {
  code: smallint('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: smallint('region_code')
    .notNull()
    .references(() => regions.code),
});

/** Sections A-U of DB07 (Danish NACE rev. 2), used to label industry codes. */
export const db07Sections = pgTable('db07_sections', {
  section: char('section', { length: 1 }).primaryKey(),
  fromDivision: smallint('from_division').notNull(),
  toDivision: smallint('to_division').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});
