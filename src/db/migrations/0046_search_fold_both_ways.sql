-- Danish letters fold both ways: "fødevarer", "foedevarer" and "fodevarer" (and å/aa/a, æ/ae/e)
-- compare equal, since people type either replacement when a keyboard has no æ, ø or å.
-- The vocabulary's folded spellings are derived data and are recomputed here.
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT replace(replace(replace(
                 translate(lower(value), 'æøåäöüéèêëáàâóòôíìîúùû', 'eoaaoueeeeaaaoooiiiuuu'),
                 'ae', 'e'), 'oe', 'o'), 'aa', 'a') $$;
--> statement-breakpoint
UPDATE search_lexemes SET folded = search_fold(lexeme);
