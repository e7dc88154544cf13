CREATE TABLE "desk_members" (
	"desk_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_members_desk_id_user_id_pk" PRIMARY KEY("desk_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "desk_id" uuid;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "strict_four_eyes" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_members" ADD CONSTRAINT "desk_members_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_members" ADD CONSTRAINT "desk_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_members_user_idx" ON "desk_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sections_desk_idx" ON "sections" USING btree ("desk_id");--> statement-breakpoint
-- Nothing changes until an admin says so: on an existing install, one desk owns every section and has every editor on it
-- (db/schema/desks.ts, DEFAULT_DESK_ID). A fresh install has no section yet: it gets no desk, and every story is the general desk's.
INSERT INTO "desks" ("id", "name") SELECT '00000000-0000-4000-8000-000000000d35', 'المكتب الرئيسي' WHERE EXISTS (SELECT 1 FROM "sections");--> statement-breakpoint
UPDATE "sections" SET "desk_id" = '00000000-0000-4000-8000-000000000d35' WHERE EXISTS (SELECT 1 FROM "desks" WHERE "id" = '00000000-0000-4000-8000-000000000d35');--> statement-breakpoint
INSERT INTO "desk_members" ("desk_id", "user_id") SELECT '00000000-0000-4000-8000-000000000d35', "id" FROM "users" WHERE "role" = 'editor' AND EXISTS (SELECT 1 FROM "desks" WHERE "id" = '00000000-0000-4000-8000-000000000d35');
