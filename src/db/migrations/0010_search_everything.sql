ALTER TABLE "organisations" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', acronym || ' ' || name), 'A') || setweight(jsonb_to_tsvector('english', aliases, '["string"]'), 'A') || setweight(to_tsvector('english', country || ' ' || coalesce(native_name, '')), 'B') || setweight(jsonb_to_tsvector('english', former_names, '["string"]'), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "working_groups" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('english', charter), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(place, '')), 'B') || setweight(to_tsvector('english', summary), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(lead_other, '')), 'C') || setweight(jsonb_to_tsvector('english', other_partners, '["string"]'), 'C') || setweight(jsonb_to_tsvector('english', instruments, '["string"]'), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "gap_assessments" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', scope), 'B') || setweight(to_tsvector('english', findings || ' ' || recommendations), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "technologies" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', code || ' ' || title), 'A') || setweight(to_tsvector('english', description), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "organisations_title_search_idx" ON "organisations" USING gin (to_tsvector('english', "name" || ' ' || "acronym"));--> statement-breakpoint
CREATE INDEX "working_groups_search_idx" ON "working_groups" USING gin ("search");--> statement-breakpoint
CREATE INDEX "working_groups_title_search_idx" ON "working_groups" USING gin (to_tsvector('english', "name"));--> statement-breakpoint
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "meetings_title_search_idx" ON "meetings" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "missions_search_idx" ON "missions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "missions_title_search_idx" ON "missions" USING gin (to_tsvector('english', "name"));--> statement-breakpoint
CREATE INDEX "gap_assessments_search_idx" ON "gap_assessments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "gap_assessments_title_search_idx" ON "gap_assessments" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "technologies_search_idx" ON "technologies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "technologies_title_search_idx" ON "technologies" USING gin (to_tsvector('english', "code" || ' ' || "title"));