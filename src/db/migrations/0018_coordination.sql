CREATE TYPE "public"."initiative_status" AS ENUM('planned', 'decided', 'abandoned');--> statement-breakpoint
CREATE TABLE "initiative_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_organisation_id" uuid,
	"recipient_user_id" uuid,
	"text" text NOT NULL,
	"text_en" text NOT NULL,
	"link" text NOT NULL,
	"read" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_one_recipient" CHECK (("notifications"."recipient_organisation_id" is null) <> ("notifications"."recipient_user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "planned_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"theme" text NOT NULL,
	"region_codes" smallint[] NOT NULL,
	"budget_dkk" bigint NOT NULL,
	"decision_date" date NOT NULL,
	"related_cluster_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "initiative_status" DEFAULT 'planned' NOT NULL,
	"outcome_note" text,
	"proposed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "planned_initiatives_budget_nonnegative" CHECK ("planned_initiatives"."budget_dkk" >= 0),
	CONSTRAINT "planned_initiatives_regions_present" CHECK (cardinality("planned_initiatives"."region_codes") > 0)
);
--> statement-breakpoint
ALTER TABLE "initiative_comments" ADD CONSTRAINT "initiative_comments_initiative_id_planned_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."planned_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_comments" ADD CONSTRAINT "initiative_comments_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_comments" ADD CONSTRAINT "initiative_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_initiatives" ADD CONSTRAINT "planned_initiatives_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_initiatives" ADD CONSTRAINT "planned_initiatives_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_comments_initiative_idx" ON "initiative_comments" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_organisation_idx" ON "notifications" USING btree ("recipient_organisation_id","read");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("recipient_user_id","read");--> statement-breakpoint
CREATE INDEX "planned_initiatives_funder_idx" ON "planned_initiatives" USING btree ("funder_id");