CREATE TYPE "public"."call_chain_step" AS ENUM('recommendation', 'sign_off', 'selection', 'allocation', 'grants');--> statement-breakpoint
CREATE TABLE "call_chain_steps" (
	"call_id" uuid NOT NULL,
	"step" "call_chain_step" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_chain_steps_call_id_step_organisation_id_pk" PRIMARY KEY("call_id","step","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "call_recommendations" (
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "call_recommendations_call_id_application_id_pk" PRIMARY KEY("call_id","application_id")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "decider_id" uuid;--> statement-breakpoint
ALTER TABLE "call_chain_steps" ADD CONSTRAINT "call_chain_steps_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_chain_steps" ADD CONSTRAINT "call_chain_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_chain_steps" ADD CONSTRAINT "call_chain_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recommendations" ADD CONSTRAINT "call_recommendations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recommendations" ADD CONSTRAINT "call_recommendations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_recommendations_position_key" ON "call_recommendations" USING btree ("call_id","position");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_decider_id_organisations_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;