CREATE TYPE "public"."action_plan_status" AS ENUM('draft', 'submitted', 'accepted', 'returned');--> statement-breakpoint
CREATE TABLE "action_plan_activities" (
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"category" "activity_category" NOT NULL,
	"planned_count" integer NOT NULL,
	"budget_dkk" double precision NOT NULL,
	CONSTRAINT "action_plan_activities_cluster_id_year_category_pk" PRIMARY KEY("cluster_id","year","category"),
	CONSTRAINT "action_plan_activities_nonnegative" CHECK ("action_plan_activities"."planned_count" >= 0 and "action_plan_activities"."budget_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" "action_plan_status" DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"comment" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_cluster_id_year_pk" PRIMARY KEY("cluster_id","year")
);
--> statement-breakpoint
ALTER TABLE "action_plan_activities" ADD CONSTRAINT "action_plan_activities_cluster_id_year_action_plans_cluster_id_year_fk" FOREIGN KEY ("cluster_id","year") REFERENCES "public"."action_plans"("cluster_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;