BEGIN;
--
-- Create model Customer
--
CREATE TABLE "shop_customer" ("id" bigserial NOT NULL PRIMARY KEY, "email" varchar(254) NOT NULL UNIQUE, "name" varchar(100) NOT NULL, "age" integer NULL, "score" numeric(10, 2) NOT NULL, "active" boolean NOT NULL, "joined" timestamp with time zone NOT NULL, "born" date NULL, "bio" text NOT NULL, "slug" varchar(50) NOT NULL, "uid" uuid NULL, "data" jsonb NULL, "big" bigint NOT NULL, "small" smallint NOT NULL, "pos" integer NOT NULL CHECK ("pos" >= 0), "ratio" double precision NOT NULL);
--
-- Create model Order
--
CREATE TABLE "shop_order" ("id" bigserial NOT NULL PRIMARY KEY, "ref" varchar(20) NOT NULL, "total" integer NOT NULL, "customer_id" bigint NOT NULL);
--
-- Create index shop_order_ref_idx on field(s) ref, total of model order
--
CREATE INDEX "shop_order_ref_idx" ON "shop_order" ("ref", "total");
--
-- Create constraint total_nonneg on model order
--
ALTER TABLE "shop_order" ADD CONSTRAINT "total_nonneg" CHECK ("total" >= 0);
--
-- Create constraint uniq_ref on model order
--
ALTER TABLE "shop_order" ADD CONSTRAINT "uniq_ref" UNIQUE ("ref");
--
-- Alter unique_together for order (1 constraint(s))
--
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_customer_id_ref_3c57bb4c_uniq" UNIQUE ("customer_id", "ref");
CREATE INDEX "shop_customer_email_d3fdf104_like" ON "shop_customer" ("email" varchar_pattern_ops);
CREATE INDEX "shop_customer_name_e6c6b028" ON "shop_customer" ("name");
CREATE INDEX "shop_customer_name_e6c6b028_like" ON "shop_customer" ("name" varchar_pattern_ops);
CREATE INDEX "shop_customer_slug_ff81e9d2" ON "shop_customer" ("slug");
CREATE INDEX "shop_customer_slug_ff81e9d2_like" ON "shop_customer" ("slug" varchar_pattern_ops);
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_customer_id_f638df20_fk_shop_customer_id" FOREIGN KEY ("customer_id") REFERENCES "shop_customer" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "shop_order_customer_id_f638df20" ON "shop_order" ("customer_id");
COMMIT;
