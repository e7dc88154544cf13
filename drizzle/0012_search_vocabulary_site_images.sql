-- Hand-added first (drizzle-kit does not track extensions): the trigram operator
-- class of search_words_trgm_idx comes from pg_trgm, a trusted contrib extension
-- (PostgreSQL 13+) shipped with Debian's server and with embedded-postgres.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"stories" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "logo_media_id" uuid;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "share_image_media_id" uuid;--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_logo_media_id_media_id_fk" FOREIGN KEY ("logo_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_share_image_media_id_media_id_fk" FOREIGN KEY ("share_image_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Hand-written below: drizzle-kit tracks neither functions nor triggers.

-- The vocabulary words of one text: every normalized word of three characters
-- or more that has a letter in it, as itself and without its proclitics (the
-- index holds both forms, so a suggestion may be either). Distinct, so that
-- summing over stories counts stories.
CREATE FUNCTION public.sahifa_vocabulary(input text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT DISTINCT m[1]
    FROM (SELECT public.sahifa_normalize(input) AS t) AS normalized,
         LATERAL (SELECT normalized.t UNION ALL SELECT public.sahifa_strip_clitics(normalized.t)) AS forms(f),
         LATERAL pg_catalog.regexp_matches(forms.f, '([\u0621-\u063A\u0641-\u064A\u0671-\u06D3a-z0-9]{3,})', 'g') AS m
   WHERE m[1] ~ '[^0-9]'
$$;
--> statement-breakpoint

-- Adds (sign 1) or removes (sign -1) the words of a set of projection rows;
-- only live stories count, so a story taken down or retracted leaves no word
-- behind to be suggested. Rows are upserted in word order, so two publishing
-- transactions lock the words they share in the same order and never deadlock.
CREATE FUNCTION public.sahifa_vocabulary_apply(delta jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_words AS w (word, stories)
  SELECT d.key, d.value::integer FROM pg_catalog.jsonb_each_text(delta) AS d
   WHERE d.value::integer <> 0
   ORDER BY d.key
  ON CONFLICT (word) DO UPDATE SET stories = w.stories + excluded.stories;
  DELETE FROM public.search_words
   WHERE stories <= 0 AND word IN (SELECT d.key FROM pg_catalog.jsonb_each_text(delta) AS d);
END
$$;
--> statement-breakpoint

CREATE FUNCTION public.sahifa_vocabulary_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.sahifa_vocabulary_apply(coalesce((
    SELECT pg_catalog.jsonb_object_agg(word, n) FROM (
      SELECT word, count(*) AS n
        FROM new_rows, LATERAL public.sahifa_vocabulary(new_rows.headline || ' ' || new_rows.standfirst || ' ' || new_rows.plain_text) AS word
       WHERE new_rows.state = 'published'
       GROUP BY word) AS counted), '{}'::jsonb));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE FUNCTION public.sahifa_vocabulary_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.sahifa_vocabulary_apply(coalesce((
    SELECT pg_catalog.jsonb_object_agg(word, n) FROM (
      SELECT word, sum(sign) AS n FROM (
        SELECT word, 1 AS sign
          FROM new_rows, LATERAL public.sahifa_vocabulary(new_rows.headline || ' ' || new_rows.standfirst || ' ' || new_rows.plain_text) AS word
         WHERE new_rows.state = 'published'
        UNION ALL
        SELECT word, -1
          FROM old_rows, LATERAL public.sahifa_vocabulary(old_rows.headline || ' ' || old_rows.standfirst || ' ' || old_rows.plain_text) AS word
         WHERE old_rows.state = 'published') AS signed
       GROUP BY word) AS counted), '{}'::jsonb));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE FUNCTION public.sahifa_vocabulary_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.sahifa_vocabulary_apply(coalesce((
    SELECT pg_catalog.jsonb_object_agg(word, -n) FROM (
      SELECT word, count(*) AS n
        FROM old_rows, LATERAL public.sahifa_vocabulary(old_rows.headline || ' ' || old_rows.standfirst || ' ' || old_rows.plain_text) AS word
       WHERE old_rows.state = 'published'
       GROUP BY word) AS counted), '{}'::jsonb));
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Statement-level, with transition tables: a bulk insert (the benchmark, a
-- restore) costs one upsert per distinct word, not one per word per story.
CREATE TRIGGER published_stories_vocabulary_insert AFTER INSERT ON public.published_stories
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.sahifa_vocabulary_insert();
--> statement-breakpoint
CREATE TRIGGER published_stories_vocabulary_update AFTER UPDATE ON public.published_stories
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.sahifa_vocabulary_update();
--> statement-breakpoint
CREATE TRIGGER published_stories_vocabulary_delete AFTER DELETE ON public.published_stories
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.sahifa_vocabulary_delete();
--> statement-breakpoint

-- The stories already live.
SELECT public.sahifa_vocabulary_apply(coalesce((
  SELECT pg_catalog.jsonb_object_agg(word, n) FROM (
    SELECT word, count(*) AS n
      FROM public.published_stories p, LATERAL public.sahifa_vocabulary(p.headline || ' ' || p.standfirst || ' ' || p.plain_text) AS word
     WHERE p.state = 'published'
     GROUP BY word) AS counted), '{}'::jsonb));
--> statement-breakpoint

-- One query term, as in 0009, plus ة for a final ه: readers type «دراسه» for
-- «دراسة» constantly. Each word ending in ه gets, at the same position, the
-- alternatives of its ة form, which the stemmer then strips as the feminine
-- ending (دراسة → دراس), so the typed word meets the singular and the plural.
-- Query side only: the index is unchanged and needs no recompute. The reverse
-- (a typed ة also finding a final ه) is not done: in edited copy a final ه is
-- nearly always the pronoun («كتابه», his book), and «كتابة» must not find it.
CREATE OR REPLACE FUNCTION public.sahifa_query_term(input text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  normalized text := public.sahifa_normalize(input);
  teh text := pg_catalog.regexp_replace(normalized, 'ه(?![\u0621-\u063A\u0641-\u064A\u0671-\u06D3])', 'ة', 'g');
  merged tsvector := (public.sahifa_stem_text(normalized)::text || ' ' || public.sahifa_stem_text(public.sahifa_strip_definite(normalized))::text)::tsvector;
  result text;
BEGIN
  IF teh <> normalized THEN
    merged := (merged::text || ' ' || public.sahifa_stem_text(teh)::text || ' ' || public.sahifa_stem_text(public.sahifa_strip_definite(teh))::text)::tsvector;
  END IF;
  SELECT string_agg(CASE WHEN gap IS NULL THEN '' ELSE ' <' || gap || '> ' END || '(' || alternatives || ')', '' ORDER BY pos)
    INTO result
    FROM (
      SELECT pos, alternatives, pos - lag(pos) OVER (ORDER BY pos) AS gap
        FROM (
          SELECT p.pos, string_agg('''' || replace(replace(u.lexeme, '\', '\\'), '''', '''''') || '''', ' | ' ORDER BY u.lexeme) AS alternatives
            FROM pg_catalog.unnest(merged) AS u, pg_catalog.unnest(u.positions) AS p(pos)
           GROUP BY p.pos
        ) AS slots
    ) AS chained;
  RETURN coalesce(result, '')::tsquery;
END
$$;
