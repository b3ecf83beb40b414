CREATE TABLE "action_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"meeting_id" integer,
	"note" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_organisation_id" integer,
	"owner_person_id" integer,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"group_id" integer,
	"raised_in_meeting_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_owner_check" CHECK ("action_items"."owner_organisation_id" is not null or "action_items"."owner_person_id" is not null),
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('open', 'in_progress', 'closed', 'dropped')),
	CONSTRAINT "action_items_number_check" CHECK ("action_items"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "group_deliverables" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_organisation_id" integer,
	"owner_person_id" integer,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"link_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_deliverables_status_check" CHECK ("group_deliverables"."status" in ('planned', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "group_outlooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"year" integer NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_outlooks_year_check" CHECK ("group_outlooks"."year" between 1990 and 2200)
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"agenda_item_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_item_files_sha_check" CHECK ("agenda_item_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"start_time" text,
	"duration_minutes" integer,
	"presenter_organisation_id" integer,
	"presenter_person_id" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_time_check" CHECK ("agenda_items"."start_time" is null or "agenda_items"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$'),
	CONSTRAINT "agenda_items_duration_check" CHECK ("agenda_items"."duration_minutes" is null or "agenda_items"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at_meeting_id" integer,
	"approved_by_id" integer,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "meeting_minutes_version_check" CHECK ("meeting_minutes"."version" > 0),
	CONSTRAINT "meeting_minutes_approval_check" CHECK (("meeting_minutes"."approved_at_meeting_id" is null) = ("meeting_minutes"."approved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"attendance" text NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_registrations_attendance_check" CHECK ("meeting_registrations"."attendance" in ('in_person', 'virtual'))
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_decisions_number_check" CHECK ("meeting_decisions"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "product_agencies" (
	"product_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "product_agencies_product_id_organisation_id_pk" PRIMARY KEY("product_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "product_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_versions_number_check" CHECK ("product_versions"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"lead_group_id" integer,
	"status" text DEFAULT 'drafting' NOT NULL,
	"endorsed_by_decision_id" integer,
	"endorsed_at" timestamp with time zone,
	"publication_id" integer,
	"news_article_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_slug_check" CHECK ("products"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "products_kind_check" CHECK ("products"."kind" in ('global_exploration_roadmap', 'ger_supplement', 'white_paper', 'technology_assessment', 'annual_report', 'terms_of_reference', 'other')),
	CONSTRAINT "products_status_check" CHECK ("products"."status" in ('drafting', 'endorsed', 'published')),
	CONSTRAINT "products_endorsement_check" CHECK ("products"."status" = 'drafting' or ("products"."endorsed_by_decision_id" is not null and "products"."endorsed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"number" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"author_id" integer,
	"version_id" integer NOT NULL,
	"section_anchor" text NOT NULL,
	"section_label" text NOT NULL,
	"orphaned" boolean DEFAULT false NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"proposed_from" text,
	"proposed_to" text,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"disposition" text,
	"rationale" text,
	"disposition_by" integer,
	"disposition_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_comments_category_check" CHECK ("review_comments"."category" in ('editorial', 'technical', 'major')),
	CONSTRAINT "review_comments_disposition_check" CHECK ("review_comments"."disposition" is null or "review_comments"."disposition" in ('accepted', 'accepted_with_changes', 'rejected', 'noted')),
	CONSTRAINT "review_comments_rationale_check" CHECK ("review_comments"."disposition" is distinct from 'rejected' or length(trim(coalesce("review_comments"."rationale", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "review_positions" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"position" text NOT NULL,
	"rationale" text,
	"person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_positions_kind_check" CHECK ("review_positions"."position" in ('concur', 'concur_with_comments', 'non_concur', 'abstain')),
	CONSTRAINT "review_positions_rationale_check" CHECK ("review_positions"."position" <> 'non_concur' or length(trim(coalesce("review_positions"."rationale", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "review_round_agencies" (
	"round_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"comments_submitted_at" timestamp with time zone,
	"comments_submitted_by" integer,
	CONSTRAINT "review_round_agencies_round_id_organisation_id_pk" PRIMARY KEY("round_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"silence_means" text DEFAULT 'abstain' NOT NULL,
	"hide_positions" boolean DEFAULT true NOT NULL,
	"opened_by" integer,
	CONSTRAINT "review_rounds_status_check" CHECK ("review_rounds"."status" in ('open', 'closed')),
	CONSTRAINT "review_rounds_silence_check" CHECK ("review_rounds"."silence_means" in ('concur', 'abstain', 'non_concur')),
	CONSTRAINT "review_rounds_closed_check" CHECK (("review_rounds"."status" = 'closed') = ("review_rounds"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "gap_assessment_agencies" (
	"assessment_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "gap_assessment_agencies_assessment_id_organisation_id_pk" PRIMARY KEY("assessment_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "gap_assessment_technologies" (
	"assessment_id" integer NOT NULL,
	"technology_id" integer NOT NULL,
	CONSTRAINT "gap_assessment_technologies_assessment_id_technology_id_pk" PRIMARY KEY("assessment_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "gap_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"started_on" date,
	"ended_on" date,
	"findings" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"publication_id" integer,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gap_assessments_slug_check" CHECK ("gap_assessments"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "gap_assessments_status_check" CHECK ("gap_assessments"."status" in ('planned', 'ongoing', 'published')),
	CONSTRAINT "gap_assessments_dates_check" CHECK ("gap_assessments"."ended_on" is null or "gap_assessments"."started_on" is null or "gap_assessments"."ended_on" >= "gap_assessments"."started_on")
);
--> statement-breakpoint
CREATE TABLE "technologies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"area_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"destinations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"uncertain_note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technologies_code_check" CHECK ("technologies"."code" ~ '^[A-Z]{2,6}-[0-9]{3,4}$')
);
--> statement-breakpoint
CREATE TABLE "technology_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "technology_areas_code_check" CHECK ("technology_areas"."code" ~ '^[A-Z][A-Z0-9]{1,9}$')
);
--> statement-breakpoint
CREATE TABLE "technology_capabilities" (
	"id" serial PRIMARY KEY NOT NULL,
	"technology_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"current_trl" integer NOT NULL,
	"target_trl" integer NOT NULL,
	"target_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technology_capabilities_trl_check" CHECK ("technology_capabilities"."current_trl" between 1 and 9 and "technology_capabilities"."target_trl" between 1 and 9),
	CONSTRAINT "technology_capabilities_target_check" CHECK ("technology_capabilities"."target_trl" >= "technology_capabilities"."current_trl")
);
--> statement-breakpoint
CREATE TABLE "technology_needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"technology_id" integer NOT NULL,
	"mission_id" integer,
	"element" text,
	"trl_needed" integer NOT NULL,
	"needed_by" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technology_needs_trl_check" CHECK ("technology_needs"."trl_needed" between 1 and 9),
	CONSTRAINT "technology_needs_subject_check" CHECK ("technology_needs"."mission_id" is not null or "technology_needs"."element" is not null)
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by_id" integer,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_name" text
);
--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_action_items_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_raised_in_meeting_id_meetings_id_fk" FOREIGN KEY ("raised_in_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_deliverables" ADD CONSTRAINT "group_deliverables_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_deliverables" ADD CONSTRAINT "group_deliverables_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_deliverables" ADD CONSTRAINT "group_deliverables_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_outlooks" ADD CONSTRAINT "group_outlooks_group_id_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_files" ADD CONSTRAINT "agenda_item_files_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_files" ADD CONSTRAINT "agenda_item_files_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_organisation_id_organisations_id_fk" FOREIGN KEY ("presenter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenter_person_id_people_id_fk" FOREIGN KEY ("presenter_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_approved_at_meeting_id_meetings_id_fk" FOREIGN KEY ("approved_at_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_approved_by_id_people_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registrations" ADD CONSTRAINT "meeting_registrations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registrations" ADD CONSTRAINT "meeting_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_agencies" ADD CONSTRAINT "product_agencies_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_agencies" ADD CONSTRAINT "product_agencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_lead_group_id_working_groups_id_fk" FOREIGN KEY ("lead_group_id") REFERENCES "public"."working_groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_endorsed_by_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("endorsed_by_decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_news_article_id_news_articles_id_fk" FOREIGN KEY ("news_article_id") REFERENCES "public"."news_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_version_id_product_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."product_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_disposition_by_people_id_fk" FOREIGN KEY ("disposition_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_positions" ADD CONSTRAINT "review_positions_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_positions" ADD CONSTRAINT "review_positions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_positions" ADD CONSTRAINT "review_positions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_agencies" ADD CONSTRAINT "review_round_agencies_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_agencies" ADD CONSTRAINT "review_round_agencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_agencies" ADD CONSTRAINT "review_round_agencies_comments_submitted_by_people_id_fk" FOREIGN KEY ("comments_submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_version_id_product_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."product_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_assessment_agencies" ADD CONSTRAINT "gap_assessment_agencies_assessment_id_gap_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."gap_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_assessment_agencies" ADD CONSTRAINT "gap_assessment_agencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_assessment_technologies" ADD CONSTRAINT "gap_assessment_technologies_assessment_id_gap_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."gap_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_assessment_technologies" ADD CONSTRAINT "gap_assessment_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_assessments" ADD CONSTRAINT "gap_assessments_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technologies" ADD CONSTRAINT "technologies_area_id_technology_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."technology_areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_capabilities" ADD CONSTRAINT "technology_capabilities_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_capabilities" ADD CONSTRAINT "technology_capabilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_capabilities" ADD CONSTRAINT "technology_capabilities_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_needs" ADD CONSTRAINT "technology_needs_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_needs" ADD CONSTRAINT "technology_needs_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_needs" ADD CONSTRAINT "technology_needs_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_events_action_idx" ON "action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_number_key" ON "action_items" USING btree ("number");--> statement-breakpoint
CREATE INDEX "action_items_status_due_idx" ON "action_items" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "action_items_owner_org_idx" ON "action_items" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_hash_key" ON "calendar_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_live_key" ON "calendar_tokens" USING btree ("person_id") WHERE "calendar_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "group_deliverables_group_idx" ON "group_deliverables" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_outlooks_year_key" ON "group_outlooks" USING btree ("group_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_log_key" ON "reminder_log" USING btree ("key");--> statement-breakpoint
CREATE INDEX "agenda_item_files_item_idx" ON "agenda_item_files" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_version_key" ON "meeting_minutes" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_registrations_person_key" ON "meeting_registrations" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_number_key" ON "meeting_decisions" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "product_versions_number_key" ON "product_versions" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_key" ON "products" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "review_comments_number_key" ON "review_comments" USING btree ("round_id","number");--> statement-breakpoint
CREATE INDEX "review_comments_org_idx" ON "review_comments" USING btree ("round_id","organisation_id");--> statement-breakpoint
CREATE INDEX "review_positions_round_idx" ON "review_positions" USING btree ("round_id","organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_number_key" ON "review_rounds" USING btree ("product_id","number");--> statement-breakpoint
CREATE INDEX "review_rounds_open_idx" ON "review_rounds" USING btree ("deadline") WHERE "review_rounds"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "gap_assessments_slug_key" ON "gap_assessments" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "technologies_code_key" ON "technologies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "technologies_area_idx" ON "technologies" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "technology_areas_code_key" ON "technology_areas" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "technology_capabilities_key" ON "technology_capabilities" USING btree ("technology_id","organisation_id","demo");--> statement-breakpoint
CREATE INDEX "technology_capabilities_org_idx" ON "technology_capabilities" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "technology_needs_technology_idx" ON "technology_needs" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "technology_needs_mission_idx" ON "technology_needs" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_organisation_idx" ON "api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "publications_date_idx" ON "publications" USING btree (coalesce("posted_on", "published_on"));