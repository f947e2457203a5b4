-- Field report 02, PROD: the same seven tables with the columns in the order prod grew them, without the
-- cancellation columns, with composite city-scoped coordinator keys (ON DELETE SET NULL) and a GIN index on tags.
CREATE TABLE "users" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, "full_name" TEXT NOT NULL, "phone" TEXT,
    "role" "Role" NOT NULL DEFAULT 'ACTIVIST', "password_hash" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    "require_password_change" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE TABLE "area_managers" ("id" TEXT NOT NULL, "user_id" TEXT NOT NULL, "region_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    "center_latitude" DOUBLE PRECISION, "center_longitude" DOUBLE PRECISION,
    CONSTRAINT "area_managers_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "area_managers_user_id_key" ON "area_managers"("user_id");
CREATE TABLE "cities" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, "code" TEXT NOT NULL, "area_manager_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL,
    "center_latitude" DOUBLE PRECISION, "center_longitude" DOUBLE PRECISION,
    CONSTRAINT "cities_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "cities_code_key" ON "cities"("code");
CREATE TABLE "neighborhoods" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, "city_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL, "city_coordinator_id" TEXT,
    CONSTRAINT "neighborhoods_pkey" PRIMARY KEY ("id"));
CREATE TABLE "activists" ("id" TEXT NOT NULL, "full_name" TEXT NOT NULL, "phone" TEXT, "neighborhood_id" TEXT NOT NULL,
    "city_id" TEXT NOT NULL, "activist_coordinator_id" TEXT, "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" TIMESTAMP(3) NOT NULL, "user_id" TEXT,
    CONSTRAINT "activists_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "activists_neighborhood_id_full_name_phone_key" ON "activists"("neighborhood_id", "full_name", "phone");
CREATE TABLE "attendance_records" ("id" TEXT NOT NULL, "activist_id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "neighborhood_id" TEXT NOT NULL,
    "date" DATE NOT NULL, "checked_in_at" TIMESTAMP(3) NOT NULL, "latitude" DOUBLE PRECISION, "longitude" DOUBLE PRECISION,
    "is_within_geofence" BOOLEAN NOT NULL DEFAULT false, "last_edited_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
CREATE INDEX "wiki_pages_tags_idx" ON "wiki_pages" USING gin ("tags");

ALTER TABLE "activists" ADD CONSTRAINT "activists_activist_coordinator_id_city_id_fkey" FOREIGN KEY ("activist_coordinator_id", "city_id")
    REFERENCES "activist_coordinators"("id", "city_id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "neighborhoods" ADD CONSTRAINT "neighborhoods_city_coordinator_id_city_id_fkey" FOREIGN KEY ("city_coordinator_id", "city_id")
    REFERENCES "city_coordinators"("id", "city_id") ON DELETE SET NULL ON UPDATE CASCADE;
