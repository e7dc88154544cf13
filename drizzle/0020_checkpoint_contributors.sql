ALTER TYPE "public"."revision_kind" ADD VALUE 'checkpoint';--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'idle';--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'interval';--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'transition';--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "contributor_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Older revisions were each one person's save or restore: that person is its contributor (an approval's author only approved).
UPDATE "story_revisions" SET "contributor_ids" = ARRAY["author_id"] WHERE "author_id" IS NOT NULL AND "kind" IN ('save', 'autosave', 'overwrite', 'restore');
