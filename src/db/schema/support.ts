import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { surveys } from './surveys.ts';

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

/**
 * One run of a service with sign-up (a course, a workshop, a module programme): when, where,
 * how many seats and until when a registrant may cancel. Its evaluation survey (survey engine)
 * is created when it is sent to the attendees after the course.
 */
export const supportCourses = pgTable(
  'support_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => supportServices.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The address, or the words the organiser uses for an online course. */
    place: text('place').notNull(),
    online: boolean('online').notNull().default(false),
    seats: integer('seats').notNull(),
    /** Registrants may cancel until this moment; later, a seat stays taken. */
    cancellationDeadline: timestamp('cancellation_deadline', { withTimezone: true }).notNull(),
    evaluationSurveyId: uuid('evaluation_survey_id').references(() => surveys.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_courses_service_idx').on(t.serviceId, t.startsAt),
    check('support_courses_seats', sql`${t.seats} > 0`),
    check('support_courses_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('support_courses_deadline_before_start', sql`${t.cancellationDeadline} <= ${t.startsAt}`),
  ],
);

export const courseRegistrationStatus = pgEnum('course_registration_status', [
  'registered',
  'waitlisted',
  'cancelled',
]);

/**
 * A person's registration for a course, made by themselves or by a colleague of their cluster
 * organisation. The waitlist is the waitlisted registrations in the order they were made.
 */
export const courseRegistrations = pgTable(
  'course_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => supportCourses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The organisation the person registered for. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    status: courseRegistrationStatus('status').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Null until attendance is taken on the day. */
    attended: boolean('attended'),
    /** The reminders sent, 7 and 1 days before the start (claimed before the mail goes out). */
    remindedWeekAt: timestamp('reminded_week_at', { withTimezone: true }),
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('course_registrations_active_idx')
      .on(t.courseId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('course_registrations_queue_idx').on(t.courseId, t.status, t.registeredAt),
    index('course_registrations_user_idx').on(t.userId),
  ],
);
