-- Arabic search: the functions behind the search vector and the query terms.
-- Everything is IMMUTABLE so a stored generated column and an expression index
-- may use it. Names are schema-qualified inside the bodies because a restore
-- (pg_restore recomputes generated columns) runs with an empty search_path.
-- Changing any of these changes what is indexed: such a migration must also
-- recompute published_stories.search_vector (e.g. UPDATE ... SET headline = headline)
-- and REINDEX stories_search_idx.
--
-- Arabic letters, as the regular expressions below spell them:
--   \u0621-\u063A \u0641-\u064A (the alphabet, without tatweel U+0640)
--   \u0671-\u06D3 (extended letters: ٱ پ چ ژ ک گ ی ...)

-- Mirrored by lib/search/normalize.ts, and tested for agreement with it.
-- Strips tashkeel, superscript alef and tatweel (and the invisible joiners and
-- direction marks that split words), folds hamza forms of alef and alef wasla
-- to bare alef and alef maqsura to yeh, keeps teh marbuta (see README, Search),
-- folds Arabic-Indic and Persian digits to ASCII, and lower-cases.
CREATE FUNCTION public.sahifa_normalize(input text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  result text := pg_catalog.regexp_replace(input, '[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C\u2066-\u2069\uFEFF]', '', 'g');
BEGIN
  -- translate() costs the length of its character list per input character: keep the lists short.
  result := pg_catalog.translate(result, 'أإآٱى', 'ااااي');
  IF result ~ '[٠-٩۰-۹]' THEN
    result := pg_catalog.translate(result, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789');
  END IF;
  RETURN pg_catalog.lower(result);
END
$$;
--> statement-breakpoint

-- Each word's proclitics removed: و or ف, then ب ك or ل, then ال (ل + ال is
-- written لل), choosing the longest cluster that leaves at least three letters,
-- so بنك stays بنك. A cluster stuck to a Latin word or a number goes too
-- (وOpenAI). Word count and order are kept, so positions line up with the
-- unstripped text.
CREATE FUNCTION public.sahifa_strip_clitics(normalized text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(
  pg_catalog.regexp_replace(normalized,
    '(?<![\u0621-\u063A\u0641-\u064A\u0671-\u06D3])([وف]?(?:[بك]?ال|لل|[بكل])|[وف])([\u0621-\u063A\u0641-\u064A\u0671-\u06D3]{3,})',
    '\2', 'g'),
  '(?<![\u0621-\u063A\u0641-\u064A\u0671-\u06D3])(?:[وف]?(?:[بك]?ال|لل|[بكل])|[وف])(?=[a-z0-9])',
  '', 'g');
--> statement-breakpoint

-- The query side strips only clusters that carry ال (ال وال بال كال لل ...):
-- a lone و ف ب ك ل at the start of a typed word is more often the word's own
-- first letter (وزير فريق بنك لبنان) than a clitic.
CREATE FUNCTION public.sahifa_strip_definite(normalized text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(normalized,
  '(?<![\u0621-\u063A\u0641-\u064A\u0671-\u06D3])[وف]?(?:[بك]?ال|لل)([\u0621-\u063A\u0641-\u064A\u0671-\u06D3]{3,})',
  '\1', 'g');
--> statement-breakpoint

-- Stems normalized text with the arabic snowball stemmer, after writing every
-- Arabic word of four letters or more in its definite form. The stemmer strips
-- و ف ب from the front of bare words (وزير→زير, فريق→ريق, بريق→ريق) and treats
-- them as verbs; before ال it takes them for nouns, removes exactly that ال and
-- nothing of the word, and meets singular and plural (شركة، شركات → شرك).
-- Shorter words never lose a first letter to the stemmer and are left as they are.
CREATE FUNCTION public.sahifa_stem_text(normalized text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.to_tsvector('pg_catalog.arabic'::regconfig, pg_catalog.regexp_replace(normalized,
  '(?<![\u0621-\u063A\u0641-\u064A\u0671-\u06D3])([\u0621-\u063A\u0641-\u064A\u0671-\u06D3]{4,})',
  'ال\1', 'g'));
--> statement-breakpoint

-- One field: every word as itself and, at the same position, without its
-- proclitics. Two vectors with the same positions are merged through their
-- text form (tsvector input unions the positions of a repeated lexeme);
-- tsvector || would shift the second one's positions.
CREATE FUNCTION public.sahifa_field_vector(input text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  normalized text := public.sahifa_normalize(input);
BEGIN
  RETURN (public.sahifa_stem_text(normalized)::text || ' ' || public.sahifa_stem_text(public.sahifa_strip_clitics(normalized))::text)::tsvector;
END
$$;
--> statement-breakpoint

-- The search vector: headline (A), standfirst (B), body text (C). Costly (a few
-- milliseconds for 400 words), which COST tells the planner, so it never picks
-- a plan that evaluates it row by row when an index can answer.
CREATE FUNCTION public.sahifa_search_vector(headline text, standfirst text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000
RETURN pg_catalog.setweight(public.sahifa_field_vector(coalesce(headline, '')), 'A')
    || pg_catalog.setweight(public.sahifa_field_vector(coalesce(standfirst, '')), 'B')
    || pg_catalog.setweight(public.sahifa_field_vector(coalesce(body, '')), 'C');
--> statement-breakpoint

-- One query term (a word, or a quoted phrase) as a tsquery: at each position the
-- word itself, OR its form without an ال cluster; positions chained with <->.
-- A bare query word needs no stripped form: the index holds every document
-- word's stripped form, so «استثمار» already finds «لاستثمار» and «والاستثمار».
-- Lexemes are quoted for tsquery input (quotes and backslashes doubled).
CREATE FUNCTION public.sahifa_query_term(input text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  normalized text := public.sahifa_normalize(input);
  merged tsvector := (public.sahifa_stem_text(normalized)::text || ' ' || public.sahifa_stem_text(public.sahifa_strip_definite(normalized))::text)::tsvector;
  result text;
BEGIN
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
