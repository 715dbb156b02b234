CREATE TYPE "public"."strategy_initiative_status" AS ENUM('not_started', 'in_progress', 'completed', 'discontinued');--> statement-breakpoint
CREATE TABLE "strategy_focus_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"position" smallint NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_da" text NOT NULL,
	"summary_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_initiative_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_code" text NOT NULL,
	"activity_id" bigint,
	"cluster_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_initiative_links_one_target" CHECK (num_nonnulls("strategy_initiative_links"."activity_id", "strategy_initiative_links"."cluster_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "strategy_initiatives" (
	"code" text PRIMARY KEY NOT NULL,
	"focus_area_code" text NOT NULL,
	"number" smallint NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_da" text NOT NULL,
	"summary_en" text NOT NULL,
	"status" "strategy_initiative_status" DEFAULT 'not_started' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_code" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_milestones_done_after_created" CHECK ("strategy_milestones"."done_on" >= ("strategy_milestones"."created_at" at time zone 'UTC')::date)
);
--> statement-breakpoint
CREATE TABLE "strategy_responsible_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_code" text NOT NULL,
	"position" smallint NOT NULL,
	"name_da" text NOT NULL,
	"name_en" text NOT NULL,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "strategy_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_code" text NOT NULL,
	"from_status" "strategy_initiative_status" NOT NULL,
	"to_status" "strategy_initiative_status" NOT NULL,
	"note" text NOT NULL,
	"changed_by" uuid,
	"changed_by_label" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_status_changes_differs" CHECK ("strategy_status_changes"."from_status" <> "strategy_status_changes"."to_status")
);
--> statement-breakpoint
ALTER TABLE "strategy_initiative_links" ADD CONSTRAINT "strategy_initiative_links_initiative_code_strategy_initiatives_code_fk" FOREIGN KEY ("initiative_code") REFERENCES "public"."strategy_initiatives"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_initiative_links" ADD CONSTRAINT "strategy_initiative_links_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_initiative_links" ADD CONSTRAINT "strategy_initiative_links_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_initiatives" ADD CONSTRAINT "strategy_initiatives_focus_area_code_strategy_focus_areas_code_fk" FOREIGN KEY ("focus_area_code") REFERENCES "public"."strategy_focus_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_milestones" ADD CONSTRAINT "strategy_milestones_initiative_code_strategy_initiatives_code_fk" FOREIGN KEY ("initiative_code") REFERENCES "public"."strategy_initiatives"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_responsible_parties" ADD CONSTRAINT "strategy_responsible_parties_initiative_code_strategy_initiatives_code_fk" FOREIGN KEY ("initiative_code") REFERENCES "public"."strategy_initiatives"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_responsible_parties" ADD CONSTRAINT "strategy_responsible_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_status_changes" ADD CONSTRAINT "strategy_status_changes_initiative_code_strategy_initiatives_code_fk" FOREIGN KEY ("initiative_code") REFERENCES "public"."strategy_initiatives"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_initiative_links_activity_key" ON "strategy_initiative_links" USING btree ("initiative_code","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_initiative_links_cluster_key" ON "strategy_initiative_links" USING btree ("initiative_code","cluster_id");--> statement-breakpoint
CREATE INDEX "strategy_initiative_links_activity_idx" ON "strategy_initiative_links" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_initiatives_area_number_key" ON "strategy_initiatives" USING btree ("focus_area_code","number");--> statement-breakpoint
CREATE INDEX "strategy_milestones_initiative_idx" ON "strategy_milestones" USING btree ("initiative_code","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_responsible_parties_position_key" ON "strategy_responsible_parties" USING btree ("initiative_code","position");--> statement-breakpoint
CREATE INDEX "strategy_status_changes_initiative_idx" ON "strategy_status_changes" USING btree ("initiative_code","changed_at");