-- Tokens made before lifetimes existed keep working for a year from their creation.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
SELECT set_config('klynge.actor', 'system:migration', true);--> statement-breakpoint
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '1 year';--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
