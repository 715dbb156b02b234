CREATE TYPE "public"."knowledge_access" AS ENUM('public', 'signed_in');--> statement-breakpoint
CREATE TYPE "public"."knowledge_kind" AS ENUM('article', 'template');--> statement-breakpoint
CREATE TYPE "public"."knowledge_topic" AS ENUM('collaboration', 'ipr', 'financing', 'governance', 'internationalisation');--> statement-breakpoint
ALTER TYPE "public"."search_kind" ADD VALUE 'knowledge';--> statement-breakpoint
CREATE TABLE "knowledge_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" "knowledge_kind" NOT NULL,
	"topic" "knowledge_topic" NOT NULL,
	"access" "knowledge_access" NOT NULL,
	"title_da" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_da" text NOT NULL,
	"summary_en" text NOT NULL,
	"body_da" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"changes_da" text NOT NULL,
	"changes_en" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "template_versions_version_positive" CHECK ("template_versions"."version" > 0),
	CONSTRAINT "template_versions_size" CHECK ("template_versions"."size_bytes" = octet_length("template_versions"."content"))
);
--> statement-breakpoint
ALTER TABLE "knowledge_items" ADD CONSTRAINT "knowledge_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_item_id_knowledge_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_items_slug_idx" ON "knowledge_items" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "knowledge_items_topic_idx" ON "knowledge_items" USING btree ("topic");--> statement-breakpoint
CREATE UNIQUE INDEX "template_versions_item_version_idx" ON "template_versions" USING btree ("item_id","version");