BEGIN;
--
-- Create model Warehouse
--
CREATE TABLE "shop_warehouse" ("id" bigserial NOT NULL PRIMARY KEY, "code" varchar(10) NOT NULL UNIQUE, "name" varchar(50) NOT NULL);
--
-- Add field warehouse to order
--
ALTER TABLE "shop_order" ADD COLUMN "warehouse_id" bigint NULL CONSTRAINT "shop_order_warehouse_id_fb10ab40_fk_shop_warehouse_id" REFERENCES "shop_warehouse"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "shop_order_warehouse_id_fb10ab40_fk_shop_warehouse_id" IMMEDIATE;
--
-- Create index shop_order_ref_idx on field(s) ref of model order
--
CREATE INDEX "shop_order_ref_idx" ON "shop_order" ("ref");
--
-- Raw SQL operation
--
ALTER TABLE shop_order ADD CONSTRAINT shop_order_customer_ref_fk FOREIGN KEY (customer_ref) REFERENCES shop_customer (id);
CREATE INDEX "shop_warehouse_code_fbd50a15_like" ON "shop_warehouse" ("code" varchar_pattern_ops);
CREATE INDEX "shop_warehouse_name_05626804" ON "shop_warehouse" ("name");
CREATE INDEX "shop_warehouse_name_05626804_like" ON "shop_warehouse" ("name" varchar_pattern_ops);
CREATE INDEX "shop_order_warehouse_id_fb10ab40" ON "shop_order" ("warehouse_id");
COMMIT;
