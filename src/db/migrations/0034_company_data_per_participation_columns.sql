ALTER TABLE "companies" DROP CONSTRAINT "companies_industry_code_format";--> statement-breakpoint
ALTER TABLE "companies" DROP CONSTRAINT "companies_employees_nonnegative";--> statement-breakpoint
ALTER TABLE "participations" DROP CONSTRAINT "participations_identity";--> statement-breakpoint
ALTER TABLE "companies" DROP CONSTRAINT "companies_municipality_code_municipalities_code_fk";
--> statement-breakpoint
DROP INDEX "participations_activity_foreign_key";--> statement-breakpoint
ALTER TABLE "participations" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "participations_activity_foreign_key" ON "participations" USING btree ("activity_id","name","country") WHERE "participations"."cvr" is null;--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "employees";--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "municipality_code";--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "industry_code";--> statement-breakpoint
ALTER TABLE "participations" DROP COLUMN "foreign_name";--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_identity" CHECK (("participations"."participant_type" = 'foreign' and "participations"."cvr" is null and "participations"."country" is not null and "participations"."country" <> 'DK')
       or ("participations"."participant_type" <> 'foreign' and "participations"."cvr" is not null and "participations"."country" is null));