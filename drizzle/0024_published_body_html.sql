ALTER TABLE "published_stories" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "body_html_version" text;