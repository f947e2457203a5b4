-- Field report 02 (a campaign app on Railway, 2026-01-02, `prisma db push` on both sides: no _prisma_migrations):
-- the 14 tables that are alike in dev and prod, created the way Prisma writes DDL (text ids, TIMESTAMP(3), unique
-- indexes, foreign keys added after every table exists: see fr02-common-fks.sql).
CREATE TYPE "Role" AS ENUM ('SUPERADMIN', 'AREA_MANAGER', 'CITY_COORDINATOR', 'ACTIVIST_COORDINATOR', 'ACTIVIST');

CREATE TABLE "city_coordinators" ("id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "city_coordinators_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "city_coordinators_city_id_user_id_key" ON "city_coordinators"("city_id", "user_id");
CREATE UNIQUE INDEX "city_coordinators_id_city_id_key" ON "city_coordinators"("id", "city_id");

CREATE TABLE "activist_coordinators" ("id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "activist_coordinators_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "activist_coordinators_id_city_id_key" ON "activist_coordinators"("id", "city_id");

CREATE TABLE "activist_coordinator_neighborhoods" ("activist_coordinator_id" TEXT NOT NULL, "neighborhood_id" TEXT NOT NULL,
    CONSTRAINT "activist_coordinator_neighborhoods_pkey" PRIMARY KEY ("activist_coordinator_id", "neighborhood_id"));

CREATE TABLE "voters" ("id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "full_name" TEXT NOT NULL, "phone" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true, "deleted_at" TIMESTAMP(3), "deleted_by_user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "voters_pkey" PRIMARY KEY ("id"));
CREATE INDEX "voters_city_id_is_active_idx" ON "voters"("city_id", "is_active");
CREATE INDEX "voters_phone_idx" ON "voters"("phone");

CREATE TABLE "tasks" ("id" BIGSERIAL NOT NULL, "city_id" TEXT NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL,
    "created_by" TEXT NOT NULL, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "tasks_pkey" PRIMARY KEY ("id"));
CREATE TABLE "task_assignments" ("id" BIGSERIAL NOT NULL, "task_id" BIGINT NOT NULL, "user_id" TEXT NOT NULL, "read_at" TIMESTAMP(3),
    CONSTRAINT "task_assignments_pkey" PRIMARY KEY ("id"));
CREATE TABLE "invitations" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, "role" "Role" NOT NULL, "token" TEXT NOT NULL,
    "city_id" TEXT, "expires_at" TIMESTAMP(3) NOT NULL, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations"("token");
CREATE TABLE "user_tokens" ("id" TEXT NOT NULL, "user_id" TEXT NOT NULL, "type" TEXT NOT NULL, "token" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL, CONSTRAINT "user_tokens_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "user_tokens_token_key" ON "user_tokens"("token");
CREATE TABLE "push_subscriptions" ("id" BIGSERIAL NOT NULL, "user_id" TEXT NOT NULL, "endpoint" TEXT NOT NULL, "keys" JSONB NOT NULL,
    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions"("endpoint");
CREATE TABLE "audit_logs" ("id" TEXT NOT NULL, "user_id" TEXT, "action" TEXT NOT NULL, "entity" TEXT NOT NULL, "entity_id" TEXT,
    "before" JSONB, "after" JSONB, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id"));
CREATE TABLE "error_logs" ("id" TEXT NOT NULL, "level" TEXT NOT NULL, "error_type" TEXT NOT NULL, "message" TEXT NOT NULL,
    "user_id" TEXT, "city_id" TEXT, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "error_logs_pkey" PRIMARY KEY ("id"));
CREATE INDEX "error_logs_level_idx" ON "error_logs"("level");
CREATE INDEX "error_logs_error_type_idx" ON "error_logs"("error_type");
CREATE INDEX "error_logs_created_at_idx" ON "error_logs"("created_at");
CREATE INDEX "error_logs_user_id_idx" ON "error_logs"("user_id");
CREATE INDEX "error_logs_city_id_idx" ON "error_logs"("city_id");
CREATE TABLE "voter_edit_history" ("id" TEXT NOT NULL, "voter_id" TEXT NOT NULL, "edited_by" TEXT NOT NULL, "changes" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "voter_edit_history_pkey" PRIMARY KEY ("id"));
CREATE TABLE "wiki_categories" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, "slug" TEXT NOT NULL, "order" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "wiki_categories_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "wiki_categories_slug_key" ON "wiki_categories"("slug");
CREATE TABLE "wiki_page_versions" ("id" BIGSERIAL NOT NULL, "page_id" TEXT NOT NULL, "version" INTEGER NOT NULL, "content" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "wiki_page_versions_pkey" PRIMARY KEY ("id"));
