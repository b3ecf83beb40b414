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
	CONSTRAINT "publications_slug_check" CHECK ("publications"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "publications_category_check" CHECK ("publications"."category" in ('global_exploration_roadmap','ger_supplement','annual_report','technology_assessment','white_paper','terms_of_reference','paper','other')),
	CONSTRAINT "publications_file_or_link" CHECK ("publications"."file_sha256" is null or "publications"."external_url" is null),
	CONSTRAINT "publications_file_complete" CHECK (("publications"."file_sha256" is null) = ("publications"."file_name" is null) and ("publications"."file_sha256" is null) = ("publications"."file_size" is null)),
	CONSTRAINT "publications_not_own_edition" CHECK ("publications"."previous_edition_id" is null or "publications"."previous_edition_id" <> "publications"."id"),
	CONSTRAINT "publications_published_precision" CHECK (("publications"."published_on" is null) = ("publications"."published_precision" is null))
);
--> statement-breakpoint
ALTER TABLE "faq_questions" ADD CONSTRAINT "faq_questions_section_id_faq_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."faq_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_page_revisions" ADD CONSTRAINT "content_page_revisions_page_id_content_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."content_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_page_revisions" ADD CONSTRAINT "content_page_revisions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_previous_edition_id_publications_id_fk" FOREIGN KEY ("previous_edition_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "faq_questions_slug_key" ON "faq_questions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "faq_sections_slug_key" ON "faq_sections" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "content_page_revisions_page_idx" ON "content_page_revisions" USING btree ("page_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_pages_slug_key" ON "content_pages" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_slug_key" ON "publications" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "publications_previous_edition_idx" ON "publications" USING btree ("previous_edition_id");