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
ALTER TABLE "news_revisions" ADD CONSTRAINT "news_revisions_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_articles_slug_key" ON "news_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_articles_public_idx" ON "news_articles" USING btree ("status","news_date");--> statement-breakpoint
CREATE INDEX "news_articles_due_idx" ON "news_articles" USING btree ("status","publish_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_revisions_number_key" ON "news_revisions" USING btree ("article_id","number");