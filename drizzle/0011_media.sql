CREATE TYPE "public"."media_state" AS ENUM('processing', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by_id" uuid,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"placeholder" text NOT NULL,
	"state" "media_state" DEFAULT 'processing' NOT NULL,
	"renditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"credit" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "lead_image" jsonb;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "lead_image_alt" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "lead_image_caption" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "lead_image_credit" text;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "lead_image_alt" text;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "lead_image_caption" text;--> statement-breakpoint
ALTER TABLE "story_revisions" ADD COLUMN "lead_image_credit" text;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_created_idx" ON "media" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "media_uploader_idx" ON "media" USING btree ("uploaded_by_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_lead_image_id_media_id_fk" FOREIGN KEY ("lead_image_id") REFERENCES "public"."media"("id") ON DELETE restrict ON UPDATE no action;