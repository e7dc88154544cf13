CREATE TYPE "public"."note_kind" AS ENUM('correction', 'update');--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "kind" "note_kind" DEFAULT 'correction' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "notes" jsonb DEFAULT '[]'::jsonb NOT NULL;