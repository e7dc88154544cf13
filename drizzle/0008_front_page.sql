CREATE TABLE "front_page_slots" (
	"position" smallint PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_page_slots_position" CHECK ("front_page_slots"."position" >= 0 and "front_page_slots"."position" < 20)
);
--> statement-breakpoint
ALTER TABLE "front_page_slots" ADD CONSTRAINT "front_page_slots_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_slots" ADD CONSTRAINT "front_page_slots_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "front_page_slots_story_idx" ON "front_page_slots" USING btree ("story_id");