CREATE TABLE "matchmaking_follow_ups" (
	"event_id" uuid NOT NULL,
	"months_after" smallint NOT NULL,
	"survey_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "matchmaking_follow_ups_event_id_months_after_pk" PRIMARY KEY("event_id","months_after"),
	CONSTRAINT "matchmaking_follow_ups_months" CHECK ("matchmaking_follow_ups"."months_after" in (3, 6))
);
--> statement-breakpoint
ALTER TABLE "matchmaking_follow_ups" ADD CONSTRAINT "matchmaking_follow_ups_event_id_matchmaking_events_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_follow_ups" ADD CONSTRAINT "matchmaking_follow_ups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matchmaking_follow_ups_survey_key" ON "matchmaking_follow_ups" USING btree ("survey_id");