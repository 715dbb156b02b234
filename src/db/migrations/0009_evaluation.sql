CREATE TYPE "public"."evaluation_conclusion" AS ENUM('continue', 'adjust', 'withdraw');--> statement-breakpoint
CREATE TABLE "cluster_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"period_from" smallint NOT NULL,
	"period_to" smallint NOT NULL,
	"conclusion" "evaluation_conclusion" NOT NULL,
	"reasoning" text NOT NULL,
	"funder_id" uuid,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_evaluations_period" CHECK ("cluster_evaluations"."period_to" >= "cluster_evaluations"."period_from")
);
--> statement-breakpoint
CREATE TABLE "cluster_goals" (
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_goals_cluster_id_year_key_pk" PRIMARY KEY("cluster_id","year","key"),
	CONSTRAINT "cluster_goals_value_nonnegative" CHECK ("cluster_goals"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "cluster_evaluations" ADD CONSTRAINT "cluster_evaluations_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_evaluations" ADD CONSTRAINT "cluster_evaluations_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_goals" ADD CONSTRAINT "cluster_goals_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_evaluations_cluster_idx" ON "cluster_evaluations" USING btree ("cluster_id","period_from","period_to","decided_at");