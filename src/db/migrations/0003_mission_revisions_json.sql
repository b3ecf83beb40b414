ALTER TABLE "mission_revisions" ALTER COLUMN "before" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "mission_revisions" ALTER COLUMN "after" SET DATA TYPE json;