DROP INDEX "missions_lead_idx";--> statement-breakpoint
CREATE INDEX "review_round_agencies_org_idx" ON "review_round_agencies" USING btree ("organisation_id","round_id");--> statement-breakpoint
CREATE INDEX "missions_lead_updated_idx" ON "missions" USING btree ("lead_organisation_id","updated_at");