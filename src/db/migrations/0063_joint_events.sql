CREATE TYPE "public"."joint_event_status" AS ENUM('proposed', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "joint_event_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hub_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"municipality_code" smallint,
	"status" "joint_event_status" DEFAULT 'proposed' NOT NULL,
	"decline_reason" text,
	"event_id" uuid,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "joint_event_proposals_end_after_start" CHECK ("joint_event_proposals"."ends_at" >= "joint_event_proposals"."starts_at"),
	CONSTRAINT "joint_event_proposals_answer" CHECK (("joint_event_proposals"."status" = 'declined') = ("joint_event_proposals"."decline_reason" is not null) and ("joint_event_proposals"."status" = 'accepted') = ("joint_event_proposals"."event_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "co_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_hub_id_organisations_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_event_proposals" ADD CONSTRAINT "joint_event_proposals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_event_proposals_cluster_idx" ON "joint_event_proposals" USING btree ("cluster_id","status");--> statement-breakpoint
CREATE INDEX "joint_event_proposals_hub_idx" ON "joint_event_proposals" USING btree ("hub_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_co_organisation_id_organisations_id_fk" FOREIGN KEY ("co_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;