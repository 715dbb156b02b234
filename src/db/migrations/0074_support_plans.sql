CREATE TABLE "support_plan_services" (
	"year" smallint NOT NULL,
	"service_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"runs" boolean,
	"reason" text DEFAULT '' NOT NULL,
	"planned_courses" smallint DEFAULT 0 NOT NULL,
	"budget_dkk" integer DEFAULT 0 NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "support_plan_services_year_service_id_pk" PRIMARY KEY("year","service_id"),
	CONSTRAINT "support_plan_services_courses" CHECK ("support_plan_services"."planned_courses" >= 0),
	CONSTRAINT "support_plan_services_budget" CHECK ("support_plan_services"."budget_dkk" >= 0),
	CONSTRAINT "support_plan_services_not_run_costs_nothing" CHECK ("support_plan_services"."runs" is not false or ("support_plan_services"."planned_courses" = 0 and "support_plan_services"."budget_dkk" = 0))
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"year" smallint PRIMARY KEY NOT NULL,
	"needs_survey_id" uuid NOT NULL,
	"demand_threshold" smallint NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_plans_threshold" CHECK ("support_plans"."demand_threshold" >= 1),
	CONSTRAINT "support_plans_year" CHECK ("support_plans"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "support_steering_contributions" (
	"funder_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"amount_dkk" bigint NOT NULL,
	CONSTRAINT "support_steering_contributions_funder_id_year_pk" PRIMARY KEY("funder_id","year"),
	CONSTRAINT "support_steering_contributions_amount" CHECK ("support_steering_contributions"."amount_dkk" >= 0)
);
--> statement-breakpoint
ALTER TABLE "support_plan_services" ADD CONSTRAINT "support_plan_services_year_support_plans_year_fk" FOREIGN KEY ("year") REFERENCES "public"."support_plans"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_services" ADD CONSTRAINT "support_plan_services_service_id_support_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."support_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_needs_survey_id_surveys_id_fk" FOREIGN KEY ("needs_survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_steering_contributions" ADD CONSTRAINT "support_steering_contributions_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_services_question_idx" ON "support_plan_services" USING btree ("year","question_key");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plans_survey_idx" ON "support_plans" USING btree ("needs_survey_id");