CREATE TABLE "faq_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"section_id" integer NOT NULL,
	"slug" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"position" integer NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', answer), 'C')) STORED,
	CONSTRAINT "faq_questions_slug_check" CHECK ("faq_questions"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "faq_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "faq_sections_slug_check" CHECK ("faq_sections"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "ger_edition_missions" (
	"edition_id" integer NOT NULL,
	"mission_slug" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "ger_edition_missions_edition_id_mission_slug_pk" PRIMARY KEY("edition_id","mission_slug")
);
--> statement-breakpoint
CREATE TABLE "ger_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"publication_slug" text,
	"note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ger_editions_slug_check" CHECK ("ger_editions"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "ger_editions_kind_check" CHECK ("ger_editions"."kind" in ('edition', 'supplement')),
	CONSTRAINT "ger_editions_status_check" CHECK ("ger_editions"."status" in ('draft', 'published')),
	CONSTRAINT "ger_editions_year_check" CHECK ("ger_editions"."year" between 2000 and 2200),
	CONSTRAINT "ger_editions_draft_frozen" CHECK ("ger_editions"."status" = 'published' or "ger_editions"."frozen_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "ger_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"theme_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertainty_note" text
);
--> statement-breakpoint
CREATE TABLE "ger_objectives" (
	"id" serial PRIMARY KEY NOT NULL,
	"goal_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertainty_note" text
);
--> statement-breakpoint
CREATE TABLE "ges_themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mission_objectives" (
	"mission_id" integer NOT NULL,
	"objective_id" integer NOT NULL,
	CONSTRAINT "mission_objectives_mission_id_objective_id_pk" PRIMARY KEY("mission_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "volatiles_gap_missions" (
	"gap_id" integer NOT NULL,
	"mission_id" integer NOT NULL,
	CONSTRAINT "volatiles_gap_missions_gap_id_mission_id_pk" PRIMARY KEY("gap_id","mission_id")
);
--> statement-breakpoint
CREATE TABLE "volatiles_gaps" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_chairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"person_id" integer,
	"label" text,
	"uncertain" boolean DEFAULT false NOT NULL,
	CONSTRAINT "group_chairs_who_check" CHECK ("group_chairs"."person_id" is not null or "group_chairs"."label" is not null)
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"uncertain" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "group_memberships_dates_check" CHECK ("group_memberships"."left_on" is null or "group_memberships"."left_on" >= "group_memberships"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"acronym" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"charter" text DEFAULT '' NOT NULL,
	"started_on" date,
	"started_precision" text,
	"ended_on" date,
	"ended_precision" text,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_groups_slug_check" CHECK ("working_groups"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "working_groups_kind_check" CHECK ("working_groups"."kind" in ('working_group', 'tiger_team', 'assessment_team')),
	CONSTRAINT "working_groups_dates_check" CHECK ("working_groups"."ended_on" is null or "working_groups"."started_on" is null or "working_groups"."ended_on" >= "working_groups"."started_on")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"dedupe_key" text,
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('queued', 'sent', 'failed')),
	CONSTRAINT "outbox_attempts_check" CHECK ("outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"host_organisation_id" integer,
	"place" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"precision" text DEFAULT 'time' NOT NULL,
	"mode" text NOT NULL,
	"video_url" text,
	"group_id" integer,
	"summary" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"reported_attendance" integer,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_slug_check" CHECK ("meetings"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "meetings_dates_check" CHECK ("meetings"."ends_at" >= "meetings"."starts_at"),
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('sam_meeting', 'workshop', 'group_meeting', 'teleconference')),
	CONSTRAINT "meetings_mode_check" CHECK ("meetings"."mode" in ('in_person', 'virtual', 'hybrid')),
	CONSTRAINT "meetings_attendance_check" CHECK ("meetings"."reported_attendance" is null or "meetings"."reported_attendance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"news_date" date NOT NULL,
	"place" text,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"image_url" text,
	"image_alt" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"uncertain" boolean DEFAULT false NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', coalesce(place, '') || ' ' || body), 'C')) STORED,
	CONSTRAINT "news_articles_status_check" CHECK ("news_articles"."status" in ('draft', 'scheduled', 'published', 'unpublished')),
	CONSTRAINT "news_articles_slug_check" CHECK ("news_articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "news_articles_image_alt" CHECK ("news_articles"."image_url" is null or "news_articles"."image_alt" is not null),
	CONSTRAINT "news_articles_scheduled_at" CHECK ("news_articles"."status" not in ('scheduled', 'published') or "news_articles"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "news_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"number" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"note" text,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_page_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"page_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_pages" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', body), 'C')) STORED,
	CONSTRAINT "content_pages_slug_check" CHECK ("content_pages"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"posted_on" date,
	"published_on" date,
	"published_precision" text,
	"description" text,
	"previous_edition_id" integer,
	"edition_label" text,
	"produced_by" text,
	"uncertain" boolean DEFAULT false NOT NULL,
	"certainty_note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_url" text,
	"file_name" text,
	"file_size" bigint,
	"file_type" text,
	"file_sha256" text,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', left(coalesce(text, ''), 250000)), 'D')) STORED,
	CONSTRAINT "publications_slug_check" CHECK ("publications"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "publications_category_check" CHECK ("publications"."category" in ('global_exploration_roadmap','ger_supplement','annual_report','technology_assessment','white_paper','terms_of_reference','paper','other')),
	CONSTRAINT "publications_file_or_link" CHECK ("publications"."file_sha256" is null or "publications"."external_url" is null),
	CONSTRAINT "publications_file_complete" CHECK (("publications"."file_sha256" is null) = ("publications"."file_name" is null) and ("publications"."file_sha256" is null) = ("publications"."file_size" is null)),
	CONSTRAINT "publications_not_own_edition" CHECK ("publications"."previous_edition_id" is null or "publications"."previous_edition_id" <> "publications"."id"),
	CONSTRAINT "publications_published_precision" CHECK (("publications"."published_on" is null) = ("publications"."published_precision" is null))
);
--> statement-breakpoint
CREATE TABLE "mission_partners" (
	"mission_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "mission_partners_mission_id_organisation_id_pk" PRIMARY KEY("mission_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "mission_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"mission_id" integer NOT NULL,
	"proposed_by_id" integer,
	"proposed_by_name" text NOT NULL,
	"agency_acronym" text,
	"proposed" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_proposals_status_check" CHECK ("mission_proposals"."status" in ('open', 'accepted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "mission_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"mission_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_name" text NOT NULL,
	"agency_acronym" text,
	"summary" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"lead_organisation_id" integer,
	"lead_other" text,
	"other_partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"destination" text NOT NULL,
	"crewed" boolean DEFAULT false NOT NULL,
	"launch_on" date,
	"launch_precision" text,
	"ends_on" date,
	"end_precision" text,
	"status" text NOT NULL,
	"instruments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"studies_polar_volatiles" boolean DEFAULT false NOT NULL,
	"description" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertainty_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_slug_check" CHECK ("missions"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "missions_destination_check" CHECK ("missions"."destination" in ('leo', 'cislunar', 'lunar_orbit', 'lunar_surface', 'mars', 'small_bodies', 'other')),
	CONSTRAINT "missions_status_check" CHECK ("missions"."status" in ('operating', 'funded', 'in_formulation', 'concept', 'completed', 'cancelled')),
	CONSTRAINT "missions_launch_precision_check" CHECK (("missions"."launch_on" is null) = ("missions"."launch_precision" is null) and ("missions"."launch_precision" is null or "missions"."launch_precision" in ('year', 'quarter', 'month', 'day'))),
	CONSTRAINT "missions_end_precision_check" CHECK (("missions"."ends_on" is null) = ("missions"."end_precision" is null) and ("missions"."end_precision" is null or "missions"."end_precision" in ('year', 'quarter', 'month', 'day'))),
	CONSTRAINT "missions_end_after_launch" CHECK ("missions"."ends_on" is null or "missions"."launch_on" is null or "missions"."ends_on" >= "missions"."launch_on"),
	CONSTRAINT "missions_lead_check" CHECK ("missions"."lead_organisation_id" is not null or "missions"."lead_other" is not null)
);
--> statement-breakpoint
CREATE TABLE "news_subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "news_subscribers_status_check" CHECK ("news_subscribers"."status" in ('pending', 'confirmed', 'unsubscribed'))
);
--> statement-breakpoint
ALTER TABLE "faq_questions" ADD CONSTRAINT "faq_questions_section_id_faq_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."faq_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ger_edition_missions" ADD CONSTRAINT "ger_edition_missions_edition_id_ger_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."ger_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ger_goals" ADD CONSTRAINT "ger_goals_theme_id_ges_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."ges_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ger_objectives" ADD CONSTRAINT "ger_objectives_goal_id_ger_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."ger_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_objectives" ADD CONSTRAINT "mission_objectives_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_objectives" ADD CONSTRAINT "mission_objectives_objective_id_ger_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."ger_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volatiles_gap_missions" ADD CONSTRAINT "volatiles_gap_missions_gap_id_volatiles_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."volatiles_gaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volatiles_gap_missions" ADD CONSTRAINT "volatiles_gap_missions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_chairs" ADD CONSTRAINT "group_chairs_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_chairs" ADD CONSTRAINT "group_chairs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_revisions" ADD CONSTRAINT "news_revisions_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_page_revisions" ADD CONSTRAINT "content_page_revisions_page_id_content_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."content_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_page_revisions" ADD CONSTRAINT "content_page_revisions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_previous_edition_id_publications_id_fk" FOREIGN KEY ("previous_edition_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_partners" ADD CONSTRAINT "mission_partners_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_partners" ADD CONSTRAINT "mission_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_proposals" ADD CONSTRAINT "mission_proposals_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_revisions" ADD CONSTRAINT "mission_revisions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "faq_questions_slug_key" ON "faq_questions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "faq_questions_search_idx" ON "faq_questions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "faq_questions_title_search_idx" ON "faq_questions" USING gin (to_tsvector('english', "question"));--> statement-breakpoint
CREATE UNIQUE INDEX "faq_sections_slug_key" ON "faq_sections" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "ger_editions_slug_key" ON "ger_editions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "ger_goals_code_key" ON "ger_goals" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "ger_objectives_code_key" ON "ger_objectives" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ger_objectives_goal_idx" ON "ger_objectives" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ges_themes_code_key" ON "ges_themes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "mission_objectives_objective_idx" ON "mission_objectives" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "volatiles_gap_missions_mission_idx" ON "volatiles_gap_missions" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volatiles_gaps_code_key" ON "volatiles_gaps" USING btree ("code");--> statement-breakpoint
CREATE INDEX "group_chairs_group_idx" ON "group_chairs" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_chairs_person_key" ON "group_chairs" USING btree ("group_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_memberships_open_key" ON "group_memberships" USING btree ("group_id","organisation_id") WHERE "group_memberships"."left_on" is null;--> statement-breakpoint
CREATE INDEX "group_memberships_organisation_idx" ON "group_memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "working_groups_slug_key" ON "working_groups" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_slug_key" ON "meetings" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_articles_slug_key" ON "news_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_articles_search_idx" ON "news_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "news_articles_title_search_idx" ON "news_articles" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "news_articles_public_idx" ON "news_articles" USING btree ("status","news_date");--> statement-breakpoint
CREATE INDEX "news_articles_due_idx" ON "news_articles" USING btree ("status","publish_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_revisions_number_key" ON "news_revisions" USING btree ("article_id","number");--> statement-breakpoint
CREATE INDEX "content_page_revisions_page_idx" ON "content_page_revisions" USING btree ("page_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_pages_slug_key" ON "content_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "content_pages_search_idx" ON "content_pages" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_slug_key" ON "publications" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search");--> statement-breakpoint
CREATE INDEX "publications_title_search_idx" ON "publications" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "publications_previous_edition_idx" ON "publications" USING btree ("previous_edition_id");--> statement-breakpoint
CREATE INDEX "mission_partners_org_idx" ON "mission_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mission_proposals_mission_idx" ON "mission_proposals" USING btree ("mission_id","status");--> statement-breakpoint
CREATE INDEX "mission_revisions_mission_idx" ON "mission_revisions" USING btree ("mission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "missions_slug_key" ON "missions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "missions_lead_idx" ON "missions" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "news_subscribers_email_key" ON "news_subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "news_subscribers_token_key" ON "news_subscribers" USING btree ("confirm_token_hash");