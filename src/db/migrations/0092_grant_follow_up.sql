CREATE TYPE "public"."financial_report_status" AS ENUM('submitted', 'approved');--> statement-breakpoint
CREATE TYPE "public"."grant_change_kind" AS ENUM('budget_shift', 'deadline');--> statement-breakpoint
CREATE TYPE "public"."grant_change_status" AS ENUM('submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "grant_budget_lines" (
	"grant_id" uuid NOT NULL,
	"category" "activity_category" NOT NULL,
	"budget_dkk" bigint NOT NULL,
	CONSTRAINT "grant_budget_lines_grant_id_category_pk" PRIMARY KEY("grant_id","category"),
	CONSTRAINT "grant_budget_lines_nonnegative" CHECK ("grant_budget_lines"."budget_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" "grant_change_kind" NOT NULL,
	"from_category" "activity_category",
	"to_category" "activity_category",
	"amount_dkk" bigint,
	"new_deadline" date,
	"reason" text NOT NULL,
	"status" "grant_change_status" DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "grant_change_requests_kind_fields" CHECK (("grant_change_requests"."kind" = 'budget_shift' and "grant_change_requests"."from_category" is not null and "grant_change_requests"."to_category" is not null
           and "grant_change_requests"."from_category" <> "grant_change_requests"."to_category" and "grant_change_requests"."amount_dkk" > 0 and "grant_change_requests"."new_deadline" is null)
          or ("grant_change_requests"."kind" = 'deadline' and "grant_change_requests"."new_deadline" is not null and "grant_change_requests"."from_category" is null
           and "grant_change_requests"."to_category" is null and "grant_change_requests"."amount_dkk" is null)),
	CONSTRAINT "grant_change_requests_decided" CHECK (("grant_change_requests"."status" = 'submitted') = ("grant_change_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "grant_financial_report_lines" (
	"grant_id" uuid NOT NULL,
	"category" "activity_category" NOT NULL,
	"spent_dkk" bigint NOT NULL,
	CONSTRAINT "grant_financial_report_lines_grant_id_category_pk" PRIMARY KEY("grant_id","category"),
	CONSTRAINT "grant_financial_report_lines_nonnegative" CHECK ("grant_financial_report_lines"."spent_dkk" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_financial_reports" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"status" "financial_report_status" DEFAULT 'submitted' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "grant_financial_reports_approved" CHECK (("grant_financial_reports"."status" = 'approved') = ("grant_financial_reports"."approved_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "grant_budget_lines" ADD CONSTRAINT "grant_budget_lines_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_change_requests" ADD CONSTRAINT "grant_change_requests_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_change_requests" ADD CONSTRAINT "grant_change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_change_requests" ADD CONSTRAINT "grant_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_financial_report_lines" ADD CONSTRAINT "grant_financial_report_lines_grant_id_grant_financial_reports_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grant_financial_reports"("grant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_financial_reports" ADD CONSTRAINT "grant_financial_reports_grant_id_funding_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."funding_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_financial_reports" ADD CONSTRAINT "grant_financial_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_financial_reports" ADD CONSTRAINT "grant_financial_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_change_requests_grant_idx" ON "grant_change_requests" USING btree ("grant_id","requested_at");