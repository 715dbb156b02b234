CREATE TYPE "public"."course_registration_status" AS ENUM('registered', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "course_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"registered_by" uuid,
	"status" "course_registration_status" NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attended" boolean,
	"reminded_week_at" timestamp with time zone,
	"reminded_day_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"seats" integer NOT NULL,
	"cancellation_deadline" timestamp with time zone NOT NULL,
	"evaluation_survey_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_courses_seats" CHECK ("support_courses"."seats" > 0),
	CONSTRAINT "support_courses_ends_after_start" CHECK ("support_courses"."ends_at" > "support_courses"."starts_at"),
	CONSTRAINT "support_courses_deadline_before_start" CHECK ("support_courses"."cancellation_deadline" <= "support_courses"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "course_registrations" ADD CONSTRAINT "course_registrations_course_id_support_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."support_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_registrations" ADD CONSTRAINT "course_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_registrations" ADD CONSTRAINT "course_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_registrations" ADD CONSTRAINT "course_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_courses" ADD CONSTRAINT "support_courses_service_id_support_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."support_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_courses" ADD CONSTRAINT "support_courses_evaluation_survey_id_surveys_id_fk" FOREIGN KEY ("evaluation_survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_registrations_active_idx" ON "course_registrations" USING btree ("course_id","user_id") WHERE "course_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "course_registrations_queue_idx" ON "course_registrations" USING btree ("course_id","status","registered_at");--> statement-breakpoint
CREATE INDEX "course_registrations_user_idx" ON "course_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_courses_service_idx" ON "support_courses" USING btree ("service_id","starts_at");