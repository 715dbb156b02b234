CREATE TYPE "public"."action_plan_section" AS ENUM('narrative', 'goals', 'activities');--> statement-breakpoint
CREATE TABLE "action_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"section" "action_plan_section",
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	CONSTRAINT "action_plan_comments_handled_together" CHECK (("action_plan_comments"."handled_at" is null) = ("action_plan_comments"."handled_by" is null))
);
--> statement-breakpoint
CREATE TABLE "label_expiry_reminders" (
	"label_id" uuid NOT NULL,
	"months_before" smallint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "label_expiry_reminders_label_id_months_before_pk" PRIMARY KEY("label_id","months_before")
);
--> statement-breakpoint
CREATE TABLE "label_improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_self_assessments" (
	"cluster_id" uuid PRIMARY KEY NOT NULL,
	"scores" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_plan_comments" ADD CONSTRAINT "action_plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_comments" ADD CONSTRAINT "action_plan_comments_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_comments" ADD CONSTRAINT "action_plan_comments_cluster_id_year_action_plans_cluster_id_year_fk" FOREIGN KEY ("cluster_id","year") REFERENCES "public"."action_plans"("cluster_id","year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_expiry_reminders" ADD CONSTRAINT "label_expiry_reminders_label_id_cluster_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."cluster_labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_improvement_actions" ADD CONSTRAINT "label_improvement_actions_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_self_assessments" ADD CONSTRAINT "label_self_assessments_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_comments_plan_idx" ON "action_plan_comments" USING btree ("cluster_id","year");--> statement-breakpoint
CREATE INDEX "label_improvement_actions_cluster_idx" ON "label_improvement_actions" USING btree ("cluster_id","due_on");