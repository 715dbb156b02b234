CREATE TABLE "call_deadline_reminders" (
	"call_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"edge" smallint NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_deadline_reminders_call_id_phase_edge_user_id_pk" PRIMARY KEY("call_id","phase","edge","user_id"),
	CONSTRAINT "call_deadline_reminders_phase" CHECK ("call_deadline_reminders"."phase" in ('application', 'assessment', 'decision')),
	CONSTRAINT "call_deadline_reminders_edge" CHECK ("call_deadline_reminders"."edge" in (7, 1))
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "assessment_deadline" date;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "grants_start_on" date;--> statement-breakpoint
ALTER TABLE "call_deadline_reminders" ADD CONSTRAINT "call_deadline_reminders_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_deadline_reminders" ADD CONSTRAINT "call_deadline_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;