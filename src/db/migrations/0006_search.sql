CREATE TYPE "public"."search_kind" AS ENUM('cluster', 'activity', 'news', 'story', 'event', 'call');--> statement-breakpoint
CREATE TABLE "search_documents" (
	"kind" "search_kind" NOT NULL,
	"source_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"lang" "content_lang",
	"occurs_at" timestamp with time zone,
	"visible_from" timestamp with time zone,
	"document" "tsvector" NOT NULL,
	CONSTRAINT "search_documents_pkey" PRIMARY KEY("kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "search_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"folded" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_organisation_idx" ON "search_documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "search_lexemes_folded_trgm_idx" ON "search_lexemes" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
-- Search index maintenance (see src/db/schema/search.ts). search_documents is derived data: the
-- search_sync_* functions rebuild the documents of a set of source rows, statement triggers call
-- them with the keys a statement changed (set-based, so a bulk import pays once per statement, not
-- per row), all in the transaction of the change. The backfill at the end indexes existing rows.
CREATE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  -- Lower case without Danish letters and accents, so "fodevarer" and "fødevarer" compare equal.
  AS $$ SELECT translate(replace(replace(replace(lower(value), 'æ', 'ae'), 'ø', 'o'), 'å', 'aa'),
                         'äöüéèêëáàâóòôíìîúùû', 'aoueeeeaaaoooiiiuuu') $$;
--> statement-breakpoint
CREATE FUNCTION search_document(a text, b text, c text, d text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('danish', coalesce(a, '')), 'A')
            || setweight(to_tsvector('danish', coalesce(b, '')), 'B')
            || setweight(to_tsvector('danish', coalesce(c, '')), 'C')
            || setweight(to_tsvector('danish', coalesce(d, '')), 'D') $$;
--> statement-breakpoint
CREATE FUNCTION search_sync_clusters(keys uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE kind = 'cluster' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'cluster', o.id::text, o.id, o.slug, o.name, c.summary_da, c.summary_en,
         NULL, NULL, '-infinity',
         search_document(o.name, c.summary_da || ' ' || c.summary_en, c.description_da || ' ' || c.description_en, m.name)
  FROM clusters c
  JOIN organisations o ON o.id = c.organisation_id
  LEFT JOIN municipalities m ON m.code = o.municipality_code
  WHERE c.organisation_id = ANY (keys);
$$;
--> statement-breakpoint
CREATE FUNCTION search_sync_activities(keys bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE kind = 'activity' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'activity', a.id::text, a.cluster_id, NULL, a.title, '', '',
         NULL, a.start_date::timestamp AT TIME ZONE 'Europe/Copenhagen', '-infinity',
         search_document(a.title, NULL, NULL, NULL)
  FROM activities a
  WHERE a.id = ANY (keys);
$$;
--> statement-breakpoint
CREATE FUNCTION search_sync_posts(keys uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE kind IN ('news', 'story') AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT CASE p.kind WHEN 'news' THEN 'news'::search_kind ELSE 'story'::search_kind END, p.id::text,
         p.organisation_id, p.slug, p.title, p.summary, '',
         p.lang, p.published_at, p.published_at,
         search_document(p.title, p.summary, p.body, NULL)
  FROM posts p
  WHERE p.id = ANY (keys);
$$;
--> statement-breakpoint
CREATE FUNCTION search_sync_events(keys uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE kind = 'event' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'event', e.id::text, e.organisation_id, e.slug, e.title, e.summary, '',
         e.lang, e.starts_at, e.published_at,
         search_document(e.title, e.summary, e.body, e.location)
  FROM events e
  WHERE e.id = ANY (keys);
$$;
--> statement-breakpoint
CREATE FUNCTION search_sync_calls(keys uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE kind = 'call' AND source_id = ANY (keys::text[]);
  INSERT INTO search_documents (kind, source_id, organisation_id, slug, title, summary, summary_en,
                                lang, occurs_at, visible_from, document)
  SELECT 'call', k.id::text, k.owner_id, k.slug, k.title, k.summary, '',
         NULL, k.deadline, CASE WHEN k.status = 'draft' THEN NULL ELSE '-infinity'::timestamptz END,
         search_document(k.title, k.summary, k.body, NULL)
  FROM calls k
  WHERE k.id = ANY (keys);
$$;
--> statement-breakpoint
-- One trigger function for every source table: TG_ARGV[0] names the sync function, TG_ARGV[1] the
-- key column. After a statement the rows it deleted are gone, so syncing their keys drops their
-- documents; updated rows are synced under their old and new keys.
CREATE FUNCTION search_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %I FROM new_rows', TG_ARGV[1])
    WHEN 'DELETE' THEN format('SELECT %I FROM old_rows', TG_ARGV[1])
    ELSE format('SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows', TG_ARGV[1])
  END;
BEGIN
  EXECUTE format('SELECT %I(ARRAY(%s))', TG_ARGV[0], keys);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER clusters_search_insert AFTER INSERT ON clusters REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_clusters', 'organisation_id');
--> statement-breakpoint
CREATE TRIGGER clusters_search_update AFTER UPDATE ON clusters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_clusters', 'organisation_id');
--> statement-breakpoint
CREATE TRIGGER clusters_search_delete AFTER DELETE ON clusters REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_clusters', 'organisation_id');
--> statement-breakpoint
-- A cluster's name, slug and seat live on its organisation; other organisations have no document.
CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_clusters', 'id');
--> statement-breakpoint
CREATE TRIGGER activities_search_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_activities', 'id');
--> statement-breakpoint
CREATE TRIGGER activities_search_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_activities', 'id');
--> statement-breakpoint
CREATE TRIGGER activities_search_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_activities', 'id');
--> statement-breakpoint
CREATE TRIGGER posts_search_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_posts', 'id');
--> statement-breakpoint
CREATE TRIGGER posts_search_update AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_posts', 'id');
--> statement-breakpoint
CREATE TRIGGER posts_search_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_posts', 'id');
--> statement-breakpoint
CREATE TRIGGER events_search_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_events', 'id');
--> statement-breakpoint
CREATE TRIGGER events_search_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_events', 'id');
--> statement-breakpoint
CREATE TRIGGER events_search_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_events', 'id');
--> statement-breakpoint
CREATE TRIGGER calls_search_insert AFTER INSERT ON calls REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_calls', 'id');
--> statement-breakpoint
CREATE TRIGGER calls_search_update AFTER UPDATE ON calls REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_calls', 'id');
--> statement-breakpoint
CREATE TRIGGER calls_search_delete AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('search_sync_calls', 'id');
--> statement-breakpoint
-- The vocabulary only grows: a lexeme that no document uses any more only widens a query to no match.
CREATE FUNCTION search_on_documents_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_lexemes (lexeme, folded)
  SELECT DISTINCT l, search_fold(l) FROM new_rows, unnest(tsvector_to_array(new_rows.document)) AS l
  ON CONFLICT (lexeme) DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_documents_lexemes AFTER INSERT ON search_documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_documents_insert();
--> statement-breakpoint
-- Every change that can change a search result advances this sequence, lock-free and outside the
-- transaction; the app keys its short-lived cache of search results on it (src/domain/search/cache.ts).
CREATE SEQUENCE search_index_version;
--> statement-breakpoint
CREATE FUNCTION search_on_index_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('search_index_version');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_documents_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_documents
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_index_change();
--> statement-breakpoint
-- Filters read a cluster's themes, league and labels at query time.
CREATE TRIGGER clusters_search_version AFTER INSERT OR UPDATE OR DELETE ON clusters
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_index_change();
--> statement-breakpoint
CREATE TRIGGER cluster_labels_search_version AFTER INSERT OR UPDATE OR DELETE ON cluster_labels
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_index_change();
--> statement-breakpoint
-- Backfill: index what existing databases already hold (a development database with demo data).
SELECT search_sync_clusters(ARRAY(SELECT organisation_id FROM clusters));
--> statement-breakpoint
SELECT search_sync_activities(ARRAY(SELECT id FROM activities));
--> statement-breakpoint
SELECT search_sync_posts(ARRAY(SELECT id FROM posts));
--> statement-breakpoint
SELECT search_sync_events(ARRAY(SELECT id FROM events));
--> statement-breakpoint
SELECT search_sync_calls(ARRAY(SELECT id FROM calls));
