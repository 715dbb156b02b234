CREATE TABLE "reporting_deadline_rules" (
	"funder_id" uuid PRIMARY KEY NOT NULL,
	"month" smallint NOT NULL,
	"day" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_deadline_rules_date" CHECK ("reporting_deadline_rules"."month" between 1 and 12 and "reporting_deadline_rules"."day" between 1 and (case when "reporting_deadline_rules"."month" = 2 then 28 when "reporting_deadline_rules"."month" in (4, 6, 9, 11) then 30 else 31 end))
);
--> statement-breakpoint
CREATE TABLE "reporting_reminders" (
	"cluster_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"edge" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_reminders_cluster_id_year_edge_pk" PRIMARY KEY("cluster_id","year","edge"),
	CONSTRAINT "reporting_reminders_edge" CHECK ("reporting_reminders"."edge" in (30, 7, -1))
);
--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD COLUMN "no_activities_reason" text;--> statement-breakpoint
ALTER TABLE "reporting_deadline_rules" ADD CONSTRAINT "reporting_deadline_rules_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_reminders" ADD CONSTRAINT "reporting_reminders_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;