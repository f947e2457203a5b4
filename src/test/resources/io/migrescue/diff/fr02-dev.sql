-- Field report 02, DEV: the seven tables that differ from prod. Column order differs in five of them (cosmetic, the
-- report says); attendance_records has cancelled_at and cancelled_by (a foreign key to users); the coordinator keys
-- are single-column; the tags index is a B-tree.
CREATE TABLE "users" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, "full_name" TEXT NOT NULL, "phone" TEXT,
    "role" "Role" NOT NULL DEFAULT 'ACTIVIST', "password_hash" TEXT NOT NULL, "require_password_change" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE TABLE "area_managers" ("id" TEXT NOT NULL, "user_id" TEXT NOT NULL, "region_name" TEXT NOT NULL,
    "center_latitude" DOUBLE PRECISION, "center_longitude" DOUBLE PRECISION,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "area_managers_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "area_managers_user_id_key" ON "area_managers"("user_id");
CREATE TABLE "cities" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, "code" TEXT NOT NULL, "area_manager_id" TEXT,
    "center_latitude" DOUBLE PRECISION, "center_longitude" DOUBLE PRECISION,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "cities_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "cities_code_key" ON "cities"("code");
CREATE TABLE "neighborhoods" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, "city_id" TEXT NOT NULL, "city_coordinator_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "neighborhoods_pkey" PRIMARY KEY ("id"));
CREATE TABLE "activists" ("id" TEXT NOT NULL, "full_name" TEXT NOT NULL, "user_id" TEXT, "phone" TEXT, "neighborhood_id" TEXT NOT NULL,
    "city_id" TEXT NOT NULL, "activist_coordinator_id" TEXT, "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "activists_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "activists_neighborhood_id_full_name_phone_key" ON "activists"("neighborhood_id", "full_name", "phone");
CREATE TABLE "attendance_records" ("id" TEXT NOT NULL, "activist_id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "neighborhood_id" TEXT NOT NULL,
    "date" DATE NOT NULL, "checked_in_at" TIMESTAMP(3) NOT NULL, "latitude" DOUBLE PRECISION, "longitude" DOUBLE PRECISION,
    "is_within_geofence" BOOLEAN NOT NULL DEFAULT false, "last_edited_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "cancelled_at" TIMESTAMP(3), "cancelled_by" TEXT,
    CONSTRAINT "attendance_records_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "attendance_records_activist_id_date_key" ON "attendance_records"("activist_id", "date");
CREATE INDEX "attendance_records_city_id_date_idx" ON "attendance_records"("city_id", "date");
CREATE INDEX "attendance_records_neighborhood_id_date_idx" ON "attendance_records"("neighborhood_id", "date");
CREATE INDEX "attendance_records_date_idx" ON "attendance_records"("date");
CREATE INDEX "attendance_records_is_within_geofence_idx" ON "attendance_records"("is_within_geofence");
CREATE INDEX "attendance_records_last_edited_at_idx" ON "attendance_records"("last_edited_at");
CREATE TABLE "wiki_pages" ("id" TEXT NOT NULL, "category_id" TEXT NOT NULL, "title" TEXT NOT NULL, "slug" TEXT NOT NULL,
    "content" TEXT NOT NULL, "tags" TEXT[], "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "wiki_pages_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "wiki_pages_slug_key" ON "wiki_pages"("slug");
CREATE INDEX "wiki_pages_tags_idx" ON "wiki_pages" USING btree ("tags");

ALTER TABLE "activists" ADD CONSTRAINT "activists_activist_coordinator_id_fkey" FOREIGN KEY ("activist_coordinator_id") REFERENCES "activist_coordinators"("id");
ALTER TABLE "neighborhoods" ADD CONSTRAINT "neighborhoods_city_coordinator_id_fkey" FOREIGN KEY ("city_coordinator_id") REFERENCES "city_coordinators"("id");
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_cancelled_by_fkey" FOREIGN KEY ("cancelled_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
