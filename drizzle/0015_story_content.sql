ALTER TABLE "story_revisions" ALTER COLUMN "kicker" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "story_revisions" ALTER COLUMN "headline" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "story_revisions" ALTER COLUMN "standfirst" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "story_revisions" ALTER COLUMN "plain_text" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "story_revisions" ALTER COLUMN "language" SET DEFAULT 'ar';--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "kicker" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "headline" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "standfirst" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "plain_text" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "published_stories" ALTER COLUMN "language" SET DEFAULT 'ar';--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "subheadline" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "subheadline" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "subheadline" text DEFAULT '' NOT NULL;