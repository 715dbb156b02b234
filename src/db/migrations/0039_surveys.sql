CREATE TYPE "public"."company_size_band" AS ENUM('micro', 'small', 'medium', 'large');--> statement-breakpoint
CREATE TYPE "public"."survey_results_audience" AS ENUM('owners', 'funders', 'public');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "company_contacts" (
	"cluster_id" uuid NOT NULL,
	"cvr" char(8) NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"supplied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"supplied_by" uuid,
	CONSTRAINT "company_contacts_cluster_id_cvr_pk" PRIMARY KEY("cluster_id","cvr"),
	CONSTRAINT "company_contacts_email_lower" CHECK ("company_contacts"."email" = lower("company_contacts"."email"))
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_versions_number_positive" CHECK ("questionnaire_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"row_key" text DEFAULT '' NOT NULL,
	"choice" text DEFAULT '' NOT NULL,
	"number" numeric,
	"text" text,
	CONSTRAINT "survey_answers_response_id_question_key_row_key_choice_pk" PRIMARY KEY("response_id","question_key","row_key","choice")
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"cvr" char(8),
	"cluster_id" uuid,
	"region_code" smallint,
	"size_band" "company_size_band",
	"league" "cluster_league",
	"lang" char(2) DEFAULT 'da' NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"reminders" smallint DEFAULT 0 NOT NULL,
	"responded_at" timestamp with time zone,
	"opted_out_at" timestamp with time zone,
	CONSTRAINT "survey_invitations_email_lower" CHECK ("survey_invitations"."email" = lower("survey_invitations"."email")),
	CONSTRAINT "survey_invitations_lang" CHECK ("survey_invitations"."lang" in ('da', 'en'))
);
--> statement-breakpoint
CREATE TABLE "survey_opt_outs" (
	"email_hash" char(64) PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"questionnaire_version_id" uuid NOT NULL,
	"edit_key" char(64) NOT NULL,
	"anonymous" boolean NOT NULL,
	"region_code" smallint,
	"size_band" "company_size_band",
	"cluster_id" uuid,
	"league" "cluster_league",
	"respondent_email" text,
	"respondent_name" text,
	"respondent_cvr" char(8),
	"submitted_at" timestamp with time zone,
	CONSTRAINT "survey_responses_anonymous_has_no_respondent" CHECK (not "survey_responses"."anonymous" or ("survey_responses"."respondent_email" is null and "survey_responses"."respondent_name" is null
          and "survey_responses"."respondent_cvr" is null and "survey_responses"."submitted_at" is null))
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"invitation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"questionnaire_version_id" uuid NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"results_audience" "survey_results_audience" DEFAULT 'owners' NOT NULL,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"covers_from" smallint,
	"covers_to" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "surveys_covers_order" CHECK ("surveys"."covers_to" >= "surveys"."covers_from"),
	CONSTRAINT "surveys_covers_both" CHECK (("surveys"."covers_from" is null) = ("surveys"."covers_to" is null))
);
--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_cvr_companies_cvr_fk" FOREIGN KEY ("cvr") REFERENCES "public"."companies"("cvr") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_supplied_by_users_id_fk" FOREIGN KEY ("supplied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_questionnaire_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("questionnaire_version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tokens" ADD CONSTRAINT "survey_tokens_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_questionnaire_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("questionnaire_version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_contacts_cvr_idx" ON "company_contacts" USING btree ("cvr");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_versions_number_key" ON "questionnaire_versions" USING btree ("questionnaire_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_email_key" ON "survey_invitations" USING btree ("survey_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_edit_key" ON "survey_responses" USING btree ("edit_key");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_tokens_invitation_idx" ON "survey_tokens" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "surveys_owner_idx" ON "surveys" USING btree ("owner_id");