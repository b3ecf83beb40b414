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
ALTER TABLE "mission_partners" ADD CONSTRAINT "mission_partners_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_partners" ADD CONSTRAINT "mission_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_proposals" ADD CONSTRAINT "mission_proposals_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_revisions" ADD CONSTRAINT "mission_revisions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mission_partners_org_idx" ON "mission_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mission_proposals_mission_idx" ON "mission_proposals" USING btree ("mission_id","status");--> statement-breakpoint
CREATE INDEX "mission_revisions_mission_idx" ON "mission_revisions" USING btree ("mission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "missions_slug_key" ON "missions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "missions_lead_idx" ON "missions" USING btree ("lead_organisation_id");