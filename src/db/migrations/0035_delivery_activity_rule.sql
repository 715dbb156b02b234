ALTER TABLE "deliveries" ADD COLUMN "activity_rule" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "activity_rule_count" integer DEFAULT 0 NOT NULL;