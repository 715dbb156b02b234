ALTER TYPE "public"."meeting_request_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TYPE "public"."meeting_request_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD COLUMN "closed_at" timestamp with time zone;