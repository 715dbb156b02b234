CREATE TYPE "public"."practice_model" AS ENUM('referral_partnership', 'joint_events', 'joint_programme', 'division_of_labour', 'shared_staff', 'other');--> statement-breakpoint
CREATE TYPE "public"."practice_status" AS ENUM('proposed', 'published', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."search_kind" ADD VALUE 'practice';--> statement-breakpoint
CREATE TABLE "practice_case_actors" (
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "practice_case_actors_pkey" PRIMARY KEY("case_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "practice_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" "practice_status" DEFAULT 'proposed' NOT NULL,
	"model" "practice_model" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"what_was_done" text NOT NULL,
	"what_worked" text NOT NULL,
	"what_did_not" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"regions" smallint[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"proposer_organisation_id" uuid NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"reject_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "practice_cases_regions" CHECK (cardinality("practice_cases"."regions") > 0),
	CONSTRAINT "practice_cases_review" CHECK (("practice_cases"."status" = 'rejected') = ("practice_cases"."reject_reason" is not null) and ("practice_cases"."status" = 'published') = ("practice_cases"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "practice_case_actors" ADD CONSTRAINT "practice_case_actors_case_id_practice_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."practice_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_case_actors" ADD CONSTRAINT "practice_case_actors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_proposer_organisation_id_organisations_id_fk" FOREIGN KEY ("proposer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_case_actors_organisation_idx" ON "practice_case_actors" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_cases_slug_idx" ON "practice_cases" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "practice_cases_status_idx" ON "practice_cases" USING btree ("status","published_at");