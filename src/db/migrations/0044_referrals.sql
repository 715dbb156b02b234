CREATE TYPE "public"."referral_event_kind" AS ENUM('sent', 'accepted', 'declined', 'contacted', 'completed', 'reminded', 'personal_data_deleted');--> statement-breakpoint
CREATE TYPE "public"."referral_outcome" AS ENUM('joined_activity', 'project_started', 'no_match');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('sent', 'accepted', 'declined', 'contacted', 'completed');--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "referral_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"referral_id" uuid NOT NULL,
	"kind" "referral_event_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"organisation_id" uuid,
	"actor_name" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "referral_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description_da" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"url" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid,
	"to_target_id" uuid,
	"from_region_code" smallint,
	"to_region_code" smallint,
	"cvr" char(8) NOT NULL,
	"company_name" text NOT NULL,
	"theme" text NOT NULL,
	"need" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"consent_recorded_at" timestamp with time zone NOT NULL,
	"status" "referral_status" DEFAULT 'sent' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"contacted_on" date,
	"outcome" "referral_outcome",
	"outcome_on" date,
	"closed_at" timestamp with time zone,
	"reminded_status" "referral_status",
	"reminded_at" timestamp with time zone,
	"personal_data_deleted_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "referrals_one_recipient" CHECK (("referrals"."to_organisation_id" is null) <> ("referrals"."to_target_id" is null)),
	CONSTRAINT "referrals_cvr_format" CHECK ("referrals"."cvr" ~ '^[1-9][0-9]{7}$'),
	CONSTRAINT "referrals_outcome_completed" CHECK (("referrals"."outcome" is null) = ("referrals"."status" <> 'completed')),
	CONSTRAINT "referrals_outcome_dated" CHECK (("referrals"."outcome" is null) = ("referrals"."outcome_on" is null))
);
--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_target_id_referral_targets_id_fk" FOREIGN KEY ("to_target_id") REFERENCES "public"."referral_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("from_organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "referrals_cvr_idx" ON "referrals" USING btree ("cvr");--> statement-breakpoint
CREATE INDEX "referrals_batch_idx" ON "referrals" USING btree ("batch_id");