CREATE TABLE "inbox_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	CONSTRAINT "inbox_attachments_sha_check" CHECK ("inbox_attachments"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "inbox_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"forwarded_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"interest" text,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "inbox_deliveries_interest_check" CHECK ("inbox_deliveries"."interest" is null or "inbox_deliveries"."interest" in ('interested', 'not_interested'))
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"sender_name" text,
	"sender_email" text,
	"organisation" text,
	"sender_kind" text NOT NULL,
	"country" text,
	"topic" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"consent" boolean NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"group_id" integer,
	"merged_into_id" integer,
	"forward_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "inbox_messages_status_check" CHECK ("inbox_messages"."status" in ('unconfirmed', 'new', 'awaiting_sender', 'forwarded', 'answered', 'spam', 'out_of_scope', 'merged', 'withdrawn')),
	CONSTRAINT "inbox_messages_kind_check" CHECK ("inbox_messages"."sender_kind" in ('university', 'company', 'association', 'individual', 'other')),
	CONSTRAINT "inbox_messages_reference_check" CHECK ("inbox_messages"."reference" is null or "inbox_messages"."reference" ~ '^IN-[0-9]{4}-[0-9]{4,}$'),
	CONSTRAINT "inbox_messages_confirmed_has_reference" CHECK ("inbox_messages"."status" = 'unconfirmed' or "inbox_messages"."reference" is not null)
);
--> statement-breakpoint
CREATE TABLE "inbox_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" integer,
	"author_id" integer,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_notes_kind_check" CHECK ("inbox_notes"."kind" in ('agency_reply', 'sender_addition', 'question', 'answer', 'decline')),
	CONSTRAINT "inbox_notes_reply_has_agency" CHECK ("inbox_notes"."kind" <> 'agency_reply' or "inbox_notes"."organisation_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "inbox_attachments" ADD CONSTRAINT "inbox_attachments_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_deliveries" ADD CONSTRAINT "inbox_deliveries_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_deliveries" ADD CONSTRAINT "inbox_deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_notes" ADD CONSTRAINT "inbox_notes_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_notes" ADD CONSTRAINT "inbox_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_notes" ADD CONSTRAINT "inbox_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_attachments_message_idx" ON "inbox_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_deliveries_key" ON "inbox_deliveries" USING btree ("message_id","organisation_id");--> statement-breakpoint
CREATE INDEX "inbox_deliveries_org_idx" ON "inbox_deliveries" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_messages_reference_key" ON "inbox_messages" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_messages_token_key" ON "inbox_messages" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "inbox_messages_status_idx" ON "inbox_messages" USING btree ("status","confirmed_at");--> statement-breakpoint
CREATE INDEX "inbox_notes_message_idx" ON "inbox_notes" USING btree ("message_id");