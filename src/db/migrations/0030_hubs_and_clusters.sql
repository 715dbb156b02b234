CREATE TYPE "public"."collaboration_model" AS ENUM('referral_agreement', 'joint_events', 'local_node', 'shared_staff', 'joint_project', 'merger', 'other');--> statement-breakpoint
CREATE TYPE "public"."practice_case_status" AS ENUM('proposed', 'published');--> statement-breakpoint
CREATE TYPE "public"."requirement_evidence" AS ENUM('virksomhedsguiden');--> statement-breakpoint
CREATE TYPE "public"."service_coverage" AS ENUM('national', 'regional');--> statement-breakpoint
CREATE TYPE "public"."service_price" AS ENUM('free', 'paid');--> statement-breakpoint
CREATE TYPE "public"."meeting_purpose" AS ENUM('before_call', 'follow_up', 'other');--> statement-breakpoint
CREATE TYPE "public"."co_organiser_answer" AS ENUM('invited', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."referral_event_kind" AS ENUM('sent', 'accepted', 'declined', 'contacted', 'completed', 'reminded', 'personal_data_deleted');--> statement-breakpoint
CREATE TYPE "public"."referral_outcome" AS ENUM('joined_activity', 'project_started', 'no_match');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('sent', 'accepted', 'declined', 'contacted', 'completed');--> statement-breakpoint
CREATE TABLE "practice_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"model" "collaboration_model" NOT NULL,
	"levels" text[] NOT NULL,
	"actors" text NOT NULL,
	"what_worked" text NOT NULL,
	"pitfalls" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" "practice_case_status" DEFAULT 'proposed' NOT NULL,
	"proposer_id" uuid NOT NULL,
	"proposed_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', summary || ' ' || actors), 'B') || setweight(to_tsvector('danish', what_worked || ' ' || pitfalls), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_da" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"target_groups" text[] NOT NULL,
	"price" "service_price" NOT NULL,
	"price_text" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"coverage" "service_coverage" NOT NULL,
	"region_codes" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_services_regions_when_regional" CHECK (("cluster_services"."coverage" = 'regional') = (cardinality("cluster_services"."region_codes") > 0)),
	CONSTRAINT "cluster_services_target_groups_present" CHECK (cardinality("cluster_services"."target_groups") > 0)
);
--> statement-breakpoint
CREATE TABLE "coordination_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"done_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convener_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" "meeting_purpose" NOT NULL,
	"meets_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"agenda" text NOT NULL,
	"minutes" text,
	"participant_ids" uuid[] NOT NULL,
	"funding_plan_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"call_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"minutes_at" timestamp with time zone,
	CONSTRAINT "coordination_meetings_participants_present" CHECK (cardinality("coordination_meetings"."participant_ids") > 0)
);
--> statement-breakpoint
CREATE TABLE "joint_event_co_organisers" (
	"proposal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"answer" "co_organiser_answer" DEFAULT 'invited' NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "joint_event_co_organisers_proposal_id_organisation_id_pk" PRIMARY KEY("proposal_id","organisation_id"),
	CONSTRAINT "joint_event_co_organisers_answered" CHECK (("joint_event_co_organisers"."answer" = 'invited') = ("joint_event_co_organisers"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "joint_event_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"proposed_date" date NOT NULL,
	"municipality_code" smallint,
	"theme" text NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "call_requirements" ADD COLUMN "evidence_source" "requirement_evidence";--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_proposer_id_organisations_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_cases" ADD CONSTRAINT "practice_cases_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_services" ADD CONSTRAINT "cluster_services_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_responsible_id_organisations_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_convener_id_organisations_id_fk" FOREIGN KEY ("convener_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_co_organisers" ADD CONSTRAINT "joint_event_co_organisers_proposal_id_joint_event_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."joint_event_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_co_organisers" ADD CONSTRAINT "joint_event_co_organisers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_proposer_id_organisations_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_target_id_referral_targets_id_fk" FOREIGN KEY ("to_target_id") REFERENCES "public"."referral_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_cases_document_idx" ON "practice_cases" USING gin ("document");--> statement-breakpoint
CREATE INDEX "practice_cases_status_idx" ON "practice_cases" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "cluster_services_cluster_idx" ON "cluster_services" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "coordination_decisions_meeting_idx" ON "coordination_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coordination_decisions_open_idx" ON "coordination_decisions" USING btree ("responsible_id") WHERE "coordination_decisions"."done_at" is null;--> statement-breakpoint
CREATE INDEX "coordination_meetings_meets_on_idx" ON "coordination_meetings" USING btree ("meets_on");--> statement-breakpoint
CREATE INDEX "joint_event_co_organisers_organisation_idx" ON "joint_event_co_organisers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "joint_event_proposals_proposer_idx" ON "joint_event_proposals" USING btree ("proposer_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("from_organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "referrals_cvr_idx" ON "referrals" USING btree ("cvr");--> statement-breakpoint
CREATE INDEX "referrals_batch_idx" ON "referrals" USING btree ("batch_id");