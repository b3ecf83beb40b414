ALTER TABLE "mission_revisions" ALTER COLUMN "before" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "mission_revisions" ALTER COLUMN "after" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;