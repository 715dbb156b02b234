CREATE TYPE "public"."target_direction" AS ENUM('at_least', 'at_most', 'none');--> statement-breakpoint
CREATE TABLE "target_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"name_da" text NOT NULL,
	"name_en" text NOT NULL,
	"period_from" smallint NOT NULL,
	"period_to" smallint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_sets_period_order" CHECK ("target_sets"."period_to" >= "target_sets"."period_from")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"metric" text NOT NULL,
	"label_da" text NOT NULL,
	"label_en" text NOT NULL,
	"baseline_year" smallint,
	"baseline_value" numeric(14, 2),
	"target_value" numeric(14, 2),
	"direction" "target_direction" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "targets_value_given" CHECK ("targets"."direction" = 'none' or "targets"."target_value" is not null)
);
--> statement-breakpoint
ALTER TABLE "target_sets" ADD CONSTRAINT "target_sets_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_set_id_target_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."target_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_sets_period_idx" ON "target_sets" USING btree ("period_from","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_set_code_version_key" ON "targets" USING btree ("set_id","code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_set_code_current_key" ON "targets" USING btree ("set_id","code") WHERE "targets"."superseded_at" is null;