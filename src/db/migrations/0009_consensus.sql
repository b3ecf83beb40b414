CREATE TABLE "mail_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"outbox_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_editorial_confirmations" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"from_version_id" integer NOT NULL,
	"to_version_id" integer NOT NULL,
	"reason" text NOT NULL,
	"person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_editorial_confirmations_reason_check" CHECK (length(trim("product_editorial_confirmations"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "review_deferrals" (
	"round_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"reason" text NOT NULL,
	"previous_deadline" timestamp with time zone NOT NULL,
	"new_deadline" timestamp with time zone NOT NULL,
	"person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_deferrals_round_id_organisation_id_pk" PRIMARY KEY("round_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "mail_opt_out" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "endorsed_version_id" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "endorsed_sha256" text;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "response_note" text;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "responded_by" integer;--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "depends_on" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "on_behalf" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "evidence_file_sha256" text;--> statement-breakpoint
ALTER TABLE "review_positions" ADD COLUMN "evidence_file_name" text;--> statement-breakpoint
ALTER TABLE "product_editorial_confirmations" ADD CONSTRAINT "product_editorial_confirmations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_editorial_confirmations" ADD CONSTRAINT "product_editorial_confirmations_from_version_id_product_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."product_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_editorial_confirmations" ADD CONSTRAINT "product_editorial_confirmations_to_version_id_product_versions_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."product_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_editorial_confirmations" ADD CONSTRAINT "product_editorial_confirmations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deferrals" ADD CONSTRAINT "review_deferrals_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deferrals" ADD CONSTRAINT "review_deferrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_deferrals" ADD CONSTRAINT "review_deferrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_editorial_confirmations_key" ON "product_editorial_confirmations" USING btree ("product_id","from_version_id","to_version_id");--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_responded_by_people_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_response_check" CHECK ("review_comments"."response" is null or "review_comments"."response" in ('accepted', 'contested'));--> statement-breakpoint
ALTER TABLE "review_positions" ADD CONSTRAINT "review_positions_on_behalf_check" CHECK (not "review_positions"."on_behalf" or length(trim(coalesce("review_positions"."evidence", ''))) > 0 or "review_positions"."evidence_file_sha256" is not null);