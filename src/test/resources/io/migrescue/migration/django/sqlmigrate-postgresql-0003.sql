BEGIN;
--
-- Add field warehouse to order
--
ALTER TABLE "shop_order" ADD COLUMN "warehouse_id" bigint NULL CONSTRAINT "shop_order_warehouse_id_fb10ab40_fk_shop_warehouse_id" REFERENCES "shop_warehouse"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "shop_order_warehouse_id_fb10ab40_fk_shop_warehouse_id" IMMEDIATE;
--
-- Add field note to order
--
ALTER TABLE "shop_order" ADD COLUMN "note" varchar(40) DEFAULT '' NOT NULL;
ALTER TABLE "shop_order" ALTER COLUMN "note" DROP DEFAULT;
--
-- Alter field ref on order
--
ALTER TABLE "shop_order" ALTER COLUMN "ref" TYPE varchar(30);
CREATE INDEX "shop_order_ref_133f9a7a" ON "shop_order" ("ref");
CREATE INDEX "shop_order_ref_133f9a7a_like" ON "shop_order" ("ref" varchar_pattern_ops);
--
-- Alter field age on customer
--
ALTER TABLE "shop_customer" ALTER COLUMN "age" SET DEFAULT 0;
UPDATE "shop_customer" SET "age" = 0 WHERE "age" IS NULL;
ALTER TABLE "shop_customer" ALTER COLUMN "age" SET NOT NULL;
ALTER TABLE "shop_customer" ALTER COLUMN "age" DROP DEFAULT;
--
-- Rename field total on order to amount
--
ALTER TABLE "shop_order" RENAME COLUMN "total" TO "amount";
--
-- Remove field bio from customer
--
ALTER TABLE "shop_customer" DROP COLUMN "bio" CASCADE;
--
-- Raw SQL operation
--
UPDATE shop_order SET note = 'x'; UPDATE shop_order SET note = 'y';
--
-- Rename model Warehouse to Depot
--
ALTER TABLE "shop_warehouse" RENAME TO "shop_depot";
--
-- Create model Tag
--
CREATE TABLE "tags" ("id" serial NOT NULL PRIMARY KEY, "label" varchar(20) NOT NULL, "order_id" bigint NOT NULL);
--
-- Delete model Depot
--
DROP TABLE "shop_depot" CASCADE;
CREATE INDEX "shop_order_warehouse_id_fb10ab40" ON "shop_order" ("warehouse_id");
ALTER TABLE "tags" ADD CONSTRAINT "tags_order_id_label_2ef6b0e3_uniq" UNIQUE ("order_id", "label");
ALTER TABLE "tags" ADD CONSTRAINT "tags_order_id_44a70abb_fk_shop_order_id" FOREIGN KEY ("order_id") REFERENCES "shop_order" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "tags_order_id_44a70abb" ON "tags" ("order_id");
COMMIT;
