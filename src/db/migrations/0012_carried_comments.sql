CREATE TABLE "carried_comment_confirmations" (
	"comment_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"status" text NOT NULL,
	"person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carried_comment_confirmations_comment_id_version_id_pk" PRIMARY KEY("comment_id","version_id")
);
--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "carried_from_round" integer;--> statement-breakpoint
ALTER TABLE "carried_comment_confirmations" ADD CONSTRAINT "carried_comment_confirmations_comment_id_review_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."review_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_comment_confirmations" ADD CONSTRAINT "carried_comment_confirmations_version_id_product_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."product_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_comment_confirmations" ADD CONSTRAINT "carried_comment_confirmations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;