ALTER TABLE "applications" ADD COLUMN "declared_correct_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "declared_correct_by_name" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "declared_correct_at" timestamp with time zone;