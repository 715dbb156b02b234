CREATE TYPE "public"."meeting_request_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "matchmaking_availability" (
	"participant_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	CONSTRAINT "matchmaking_availability_participant_id_slot_id_pk" PRIMARY KEY("participant_id","slot_id")
);
--> statement-breakpoint
CREATE TABLE "matchmaking_events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"tables" text[] NOT NULL,
	"meetings_per_participant" smallint NOT NULL,
	"request_deadline" timestamp with time zone NOT NULL,
	"last_scheduled_at" timestamp with time zone,
	CONSTRAINT "matchmaking_events_cap" CHECK ("matchmaking_events"."meetings_per_participant" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "matchmaking_meetings" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"table_number" smallint NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"offers" text DEFAULT '' NOT NULL,
	"seeks" text DEFAULT '' NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matchmaking_slots_end_after_start" CHECK ("matchmaking_slots"."ends_at" > "matchmaking_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"from_participant_id" uuid NOT NULL,
	"to_participant_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" "meeting_request_status" DEFAULT 'pending' NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "meeting_requests_two_sides" CHECK ("meeting_requests"."from_participant_id" <> "meeting_requests"."to_participant_id")
);
--> statement-breakpoint
ALTER TABLE "matchmaking_availability" ADD CONSTRAINT "matchmaking_availability_participant_id_matchmaking_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."matchmaking_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_availability" ADD CONSTRAINT "matchmaking_availability_slot_id_matchmaking_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."matchmaking_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_events" ADD CONSTRAINT "matchmaking_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_meetings" ADD CONSTRAINT "matchmaking_meetings_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_meetings" ADD CONSTRAINT "matchmaking_meetings_slot_id_matchmaking_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."matchmaking_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_participants" ADD CONSTRAINT "matchmaking_participants_event_id_matchmaking_events_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_participants" ADD CONSTRAINT "matchmaking_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_slots" ADD CONSTRAINT "matchmaking_slots_event_id_matchmaking_events_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_event_id_matchmaking_events_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_from_participant_id_matchmaking_participants_id_fk" FOREIGN KEY ("from_participant_id") REFERENCES "public"."matchmaking_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_to_participant_id_matchmaking_participants_id_fk" FOREIGN KEY ("to_participant_id") REFERENCES "public"."matchmaking_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_meetings_table_key" ON "matchmaking_meetings" USING btree ("slot_id","table_number");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_participants_user_key" ON "matchmaking_participants" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_slots_start_key" ON "matchmaking_slots" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_requests_pair_key" ON "meeting_requests" USING btree ("from_participant_id","to_participant_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_to_idx" ON "meeting_requests" USING btree ("to_participant_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_event_idx" ON "meeting_requests" USING btree ("event_id","status");