CREATE TYPE "public"."coordination_decision_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."coordination_meeting_kind" AS ENUM('before_call', 'follow_up');--> statement-breakpoint
CREATE TABLE "coordination_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"responsible_funder_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" "coordination_decision_status" DEFAULT 'open' NOT NULL,
	"call_id" uuid,
	"cluster_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coordination_meeting_participants" (
	"meeting_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	CONSTRAINT "coordination_meeting_participants_meeting_id_funder_id_pk" PRIMARY KEY("meeting_id","funder_id")
);
--> statement-breakpoint
CREATE TABLE "coordination_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" "coordination_meeting_kind" NOT NULL,
	"held_on" date NOT NULL,
	"agenda" text[] NOT NULL,
	"call_id" uuid,
	"funding_plan_id" uuid,
	"minutes" text,
	"minutes_published_at" timestamp with time zone,
	"convened_by" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordination_meetings_agenda_present" CHECK (cardinality("coordination_meetings"."agenda") > 0)
);
--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_responsible_funder_id_organisations_id_fk" FOREIGN KEY ("responsible_funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_decisions" ADD CONSTRAINT "coordination_decisions_cluster_id_organisations_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting_participants" ADD CONSTRAINT "coordination_meeting_participants_meeting_id_coordination_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coordination_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meeting_participants" ADD CONSTRAINT "coordination_meeting_participants_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_funding_plan_id_funding_plans_id_fk" FOREIGN KEY ("funding_plan_id") REFERENCES "public"."funding_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_convened_by_organisations_id_fk" FOREIGN KEY ("convened_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_meetings" ADD CONSTRAINT "coordination_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_decisions_meeting_idx" ON "coordination_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coordination_decisions_responsible_idx" ON "coordination_decisions" USING btree ("responsible_funder_id","status");--> statement-breakpoint
CREATE INDEX "coordination_meeting_participants_funder_idx" ON "coordination_meeting_participants" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "coordination_meetings_held_on_idx" ON "coordination_meetings" USING btree ("held_on");