ALTER TABLE "organisations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "successor_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_successor_id_organisations_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_successor_when_ended" CHECK ("organisations"."successor_id" is null or "organisations"."ended_on" is not null);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_successor_not_itself" CHECK ("organisations"."successor_id" <> "organisations"."id");