CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn', 'ineligible', 'eligible', 'selected', 'not_selected');--> statement-breakpoint
CREATE TABLE "application_answers" (
	"application_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	CONSTRAINT "application_answers_application_id_requirement_id_pk" PRIMARY KEY("application_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_budget_lines" (
	"application_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"category" "activity_category" NOT NULL,
	"amount_dkk" bigint NOT NULL,
	CONSTRAINT "application_budget_lines_application_id_year_category_pk" PRIMARY KEY("application_id","year","category"),
	CONSTRAINT "application_budget_lines_amount" CHECK ("application_budget_lines"."amount_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "application_criterion_texts" (
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	CONSTRAINT "application_criterion_texts_application_id_criterion_id_pk" PRIMARY KEY("application_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"eligibility_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"application_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_application_id_assessor_id_criterion_id_pk" PRIMARY KEY("application_id","assessor_id","criterion_id"),
	CONSTRAINT "assessment_scores_score" CHECK ("assessment_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "call_allocations" (
	"application_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"amount_dkk" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_allocations_application_id_funder_id_year_pk" PRIMARY KEY("application_id","funder_id","year"),
	CONSTRAINT "call_allocations_amount" CHECK ("call_allocations"."amount_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "call_assessors" (
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "call_assessors_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "call_budgets" (
	"call_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"amount_dkk" bigint NOT NULL,
	CONSTRAINT "call_budgets_call_id_funder_id_year_pk" PRIMARY KEY("call_id","funder_id","year"),
	CONSTRAINT "call_budgets_amount" CHECK ("call_budgets"."amount_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"weight" smallint NOT NULL,
	"scale_max" smallint DEFAULT 5 NOT NULL,
	CONSTRAINT "call_criteria_weight" CHECK ("call_criteria"."weight" > 0 and "call_criteria"."weight" <= 100),
	CONSTRAINT "call_criteria_scale" CHECK ("call_criteria"."scale_max" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "call_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text_da" text NOT NULL,
	"text_en" text NOT NULL,
	"evidence_da" text DEFAULT '' NOT NULL,
	"evidence_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_setups" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"first_year" smallint NOT NULL,
	"last_year" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_setups_period" CHECK ("call_setups"."last_year" >= "call_setups"."first_year")
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"application_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"has_conflict" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_declarations_application_id_assessor_id_pk" PRIMARY KEY("application_id","assessor_id")
);
--> statement-breakpoint
CREATE TABLE "consensus_scores" (
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consensus_scores_application_id_criterion_id_pk" PRIMARY KEY("application_id","criterion_id"),
	CONSTRAINT "consensus_scores_score" CHECK ("consensus_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eligibility_checks" (
	"application_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_checks_application_id_requirement_id_pk" PRIMARY KEY("application_id","requirement_id")
);
--> statement-breakpoint
ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_answers" ADD CONSTRAINT "application_answers_requirement_id_call_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."call_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_budget_lines" ADD CONSTRAINT "application_budget_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_criterion_texts" ADD CONSTRAINT "application_criterion_texts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_criterion_texts" ADD CONSTRAINT "application_criterion_texts_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_allocations" ADD CONSTRAINT "call_allocations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_allocations" ADD CONSTRAINT "call_allocations_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_assessors" ADD CONSTRAINT "call_assessors_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_assessors" ADD CONSTRAINT "call_assessors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_budgets" ADD CONSTRAINT "call_budgets_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_budgets" ADD CONSTRAINT "call_budgets_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_requirements" ADD CONSTRAINT "call_requirements_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_setups" ADD CONSTRAINT "call_setups_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_scores" ADD CONSTRAINT "consensus_scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_scores" ADD CONSTRAINT "consensus_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_requirement_id_call_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."call_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_app_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_call_org_key" ON "applications" USING btree ("call_id","organisation_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "call_criteria_position_key" ON "call_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "call_requirements_position_key" ON "call_requirements" USING btree ("call_id","position");