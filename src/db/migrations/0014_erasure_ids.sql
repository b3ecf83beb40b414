ALTER TABLE "mission_proposals" ADD COLUMN "decided_by_id" integer;--> statement-breakpoint
ALTER TABLE "mission_revisions" ADD COLUMN "actor_id" integer;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "revoked_by_id" integer;