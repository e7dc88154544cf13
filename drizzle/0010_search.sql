CREATE TABLE "search_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.sahifa_search_vector(headline, standfirst, plain_text)) STORED;--> statement-breakpoint
CREATE INDEX "published_stories_search_idx" ON "published_stories" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "stories_search_idx" ON "stories" USING gin (public.sahifa_search_vector("headline", "standfirst", "plain_text"));--> statement-breakpoint
-- Hand-added (drizzle-kit tracks neither): lz4 reads a vector about three times
-- faster than pglz, where the server has it (the embedded server has not); and
-- ten times the default statistics, so the planner's estimate of how many
-- stories match a word (lib/search/search-stories.ts uses it to pick a plan)
-- knows the 10,000 most frequent stems rather than 1,000.
DO $$
BEGIN
  ALTER TABLE "published_stories" ALTER COLUMN "search_vector" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available: search vectors stay pglz-compressed';
END
$$;
--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "search_vector" SET STATISTICS 1000;
