CREATE TABLE "annual_report_text_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"text_id" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_texts" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"part" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_texts_part_check" CHECK ("annual_report_texts"."part" ~ '^[a-z]+(-[a-z]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$')
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"members_as_of" date NOT NULL,
	"settings" jsonb NOT NULL,
	"snapshot" jsonb,
	"published_at" timestamp with time zone,
	"publication_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_reports_year_check" CHECK ("annual_reports"."year" between 1990 and 2200),
	CONSTRAINT "annual_reports_status_check" CHECK ("annual_reports"."status" in ('draft', 'published')),
	CONSTRAINT "annual_reports_published_check" CHECK (("annual_reports"."status" = 'published') = ("annual_reports"."snapshot" is not null and "annual_reports"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "annual_report_text_revisions" ADD CONSTRAINT "annual_report_text_revisions_text_id_annual_report_texts_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."annual_report_texts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_text_revisions" ADD CONSTRAINT "annual_report_text_revisions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_texts" ADD CONSTRAINT "annual_report_texts_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_text_revisions_text_idx" ON "annual_report_text_revisions" USING btree ("text_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_texts_part_key" ON "annual_report_texts" USING btree ("report_id","part");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_year_key" ON "annual_reports" USING btree ("year");