CREATE TABLE "organisation_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"removed_id" uuid NOT NULL,
	"removed_kind" "organisation_kind" NOT NULL,
	"removed_name" text NOT NULL,
	"removed_cvr" char(8),
	"moved_references" integer NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_merges" ADD CONSTRAINT "organisation_merges_survivor_id_organisations_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_merges_survivor_idx" ON "organisation_merges" USING btree ("survivor_id");