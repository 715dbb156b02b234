import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * Actors outside the portal a cluster refers companies to (Eksportrådet, Innovationsfonden, ...):
 * a list the support function keeps, with the address of each actor's own guidance.
 */
export const referralTargets = pgTable('referral_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionDa: text('description_da').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  url: text('url').notNull(),
  /** Retired targets stay on the referrals made to them but are no longer offered. */
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const referralStatus = pgEnum('referral_status', [
  'sent',
  'accepted',
  'declined',
  'contacted',
  'completed',
]);
export const referralOutcome = pgEnum('referral_outcome', ['joined_activity', 'project_started', 'no_match']);

/**
 * A company referred by one organisation (a business hub or a cluster) to a cluster, a business hub
 * or an outside actor. The contact person, the need and the free texts are personal data kept
 * only until the retention rule deletes them (src/domain/referrals/retention.ts); the rest is kept
 * for the figures. `from_region_code`/`to_region_code` are the regions of the two organisations when
 * the referral was sent, so later moves do not change old figures.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Referrals sent together to several recipients share this id. */
    batchId: uuid('batch_id').notNull(),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id').references(() => organisations.id),
    toTargetId: uuid('to_target_id').references(() => referralTargets.id),
    fromRegionCode: smallint('from_region_code'),
    toRegionCode: smallint('to_region_code'),
    cvr: char('cvr', { length: 8 }).notNull(),
    companyName: text('company_name').notNull(),
    /** A theme key of src/domain/catalogue/themes.ts. */
    theme: text('theme').notNull(),
    // Personal data: emptied by the retention rule.
    need: text('need'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** When the sender recorded that the company agreed to be referred and to share its contact. */
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }).notNull(),
    status: referralStatus('status').notNull().default('sent'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** The day the recipient first contacted the company, as it recorded it. */
    contactedOn: date('contacted_on'),
    outcome: referralOutcome('outcome'),
    outcomeOn: date('outcome_on'),
    /** Declined or outcome recorded: the retention period runs from here. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The waiting status a reminder was sent for (claimed before the mail goes out). */
    remindedStatus: referralStatus('reminded_status'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    personalDataDeletedAt: timestamp('personal_data_deleted_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('referrals_from_idx').on(t.fromOrganisationId, t.sentAt),
    index('referrals_to_idx').on(t.toOrganisationId, t.status),
    index('referrals_cvr_idx').on(t.cvr),
    index('referrals_batch_idx').on(t.batchId),
    check('referrals_one_recipient', sql`(${t.toOrganisationId} is null) <> (${t.toTargetId} is null)`),
    check('referrals_cvr_format', sql`${t.cvr} ~ '^[1-9][0-9]{7}$'`),
    check('referrals_outcome_completed', sql`(${t.outcome} is null) = (${t.status} <> 'completed')`),
    check('referrals_outcome_dated', sql`(${t.outcome} is null) = (${t.outcomeOn} is null)`),
  ],
);

export const referralEventKind = pgEnum('referral_event_kind', [
  'sent',
  'accepted',
  'declined',
  'contacted',
  'completed',
  'reminded',
  'personal_data_deleted',
]);

/** The history both sides of a referral see: who did what, when, with an optional note. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    kind: referralEventKind('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The organisation that acted; null for the system (reminders, retention). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Who acted, by name, or the system's label. */
    actorName: text('actor_name').notNull(),
    /** Personal data may be in it (a reason, a note): emptied by the retention rule. */
    note: text('note'),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);
