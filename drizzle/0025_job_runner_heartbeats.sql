CREATE TABLE "job_runner_heartbeats" (
	"pool_id" text PRIMARY KEY NOT NULL,
	"instance" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
