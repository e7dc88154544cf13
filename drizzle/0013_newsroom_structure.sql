CREATE TABLE "section_slug_history" (
	"slug" text PRIMARY KEY NOT NULL,
	"section_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tag_slug_history" (
	"slug" text PRIMARY KEY NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "redirect_to_id" uuid;--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "section_slug_history" ADD CONSTRAINT "section_slug_history_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_slug_history" ADD CONSTRAINT "tag_slug_history_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_slug_history_section_idx" ON "section_slug_history" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "tag_slug_history_tag_idx" ON "tag_slug_history" USING btree ("tag_id");--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_redirect_to_id_sections_id_fk" FOREIGN KEY ("redirect_to_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;