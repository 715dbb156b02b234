CREATE TABLE "company_year_facts" (
	"year" smallint NOT NULL,
	"cvr" char(8) NOT NULL,
	"flags" integer NOT NULL,
	"word_ids" smallint[] NOT NULL,
	"word_bits" bigint[] NOT NULL,
	CONSTRAINT "company_year_facts_year_cvr_pk" PRIMARY KEY("year","cvr")
);
--> statement-breakpoint
DROP INDEX "participations_year_type_cvr_idx";--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "account_bit" smallint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "clusters_account_bit_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 32767 START WITH 0 CACHE 1);--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_account_bit_unique" UNIQUE("account_bit");