CREATE TYPE "public"."call_status" AS ENUM('draft', 'published', 'open', 'closed', 'assessed', 'decided');--> statement-breakpoint
CREATE TYPE "public"."content_lang" AS ENUM('da', 'en');--> statement-breakpoint
CREATE TYPE "public"."post_kind" AS ENUM('news', 'success_story');--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"deadline" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"lang" "content_lang" DEFAULT 'da' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"municipality_code" smallint,
	"online_url" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_end_after_start" CHECK ("events"."ends_at" >= "events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "post_kind" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"lang" "content_lang" DEFAULT 'da' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_profile_drafts" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"profile" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "description_da" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "site_municipalities" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "members_count" integer;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "dedicated_companies" integer;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "board_companies" smallint;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "board_knowledge_institutions" smallint;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "board_public" smallint;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "innovation_purpose" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "label_in_process" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_profile_drafts" ADD CONSTRAINT "cluster_profile_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_slug_key" ON "calls" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "calls_deadline_idx" ON "calls" USING btree ("status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_key" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "events_org_idx" ON "events" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "posts_published_idx" ON "posts" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "posts_org_idx" ON "posts" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_counts_nonnegative" CHECK ("clusters"."members_count" >= 0 and "clusters"."dedicated_companies" >= 0);--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_board_nonnegative" CHECK ("clusters"."board_companies" >= 0 and "clusters"."board_knowledge_institutions" >= 0 and "clusters"."board_public" >= 0);