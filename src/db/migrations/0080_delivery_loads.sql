CREATE TABLE "delivery_load_chunks" (
	"load_id" uuid NOT NULL,
	"file_index" integer NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "delivery_load_chunks_load_id_file_index_seq_pk" PRIMARY KEY("load_id","file_index","seq")
);
--> statement-breakpoint
CREATE TABLE "delivery_loads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_by" uuid NOT NULL,
	"files" jsonb NOT NULL,
	"total_bytes" bigint NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'reading' NOT NULL,
	"file" text,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"delivery_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "delivery_load_chunks" ADD CONSTRAINT "delivery_load_chunks_load_id_delivery_loads_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."delivery_loads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_loads" ADD CONSTRAINT "delivery_loads_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_loads_started_by_idx" ON "delivery_loads" USING btree ("started_by");