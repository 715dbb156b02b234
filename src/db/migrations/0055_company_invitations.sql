ALTER TABLE "company_signups" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "company_signups" ADD COLUMN "invited_by" uuid;--> statement-breakpoint
ALTER TABLE "company_signups" ADD CONSTRAINT "company_signups_invited_by_organisations_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;