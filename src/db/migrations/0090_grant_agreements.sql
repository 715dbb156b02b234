CREATE TYPE "public"."grant_agreement_status" AS ENUM('draft', 'sent', 'accepted');--> statement-breakpoint
CREATE TABLE "grant_agreements" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"status" "grant_agreement_status" DEFAULT 'draft' NOT NULL,
	"conditions" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "grant_agreements_sent_when_sent" CHECK (("grant_agreements"."status" = 'draft') = ("grant_agreements"."sent_at" is null)),
	CONSTRAINT "grant_agreements_accepted_when_accepted" CHECK (("grant_agreements"."status" = 'accepted') = ("grant_agreements"."accepted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "grant_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"amount_dkk" bigint NOT NULL,
	"paid_on" date,
	CONSTRAINT "grant_instalments_amount_positive" CHECK ("grant_instalments"."amount_dkk" > 0)
);
--> statement-breakpoint
ALTER TABLE "grant_agreements" ADD CONSTRAINT "grant_agreements_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreements" ADD CONSTRAINT "grant_agreements_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreements" ADD CONSTRAINT "grant_agreements_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_agreements" ADD CONSTRAINT "grant_agreements_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_instalments_grant_idx" ON "grant_instalments" USING btree ("grant_id","due_on");