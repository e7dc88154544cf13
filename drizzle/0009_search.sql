CREATE TABLE "search_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.sahifa_search_vector(headline, standfirst, plain_text)) STORED;--> statement-breakpoint
CREATE INDEX "published_stories_search_idx" ON "published_stories" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "stories_search_idx" ON "stories" USING gin (public.sahifa_search_vector("headline", "standfirst", "plain_text"));