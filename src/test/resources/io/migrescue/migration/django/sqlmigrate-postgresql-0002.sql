BEGIN;
--
-- Create model Warehouse
--
CREATE TABLE "shop_warehouse" ("id" bigserial NOT NULL PRIMARY KEY, "code" varchar(10) NOT NULL UNIQUE);
CREATE INDEX "shop_warehouse_code_fbd50a15_like" ON "shop_warehouse" ("code" varchar_pattern_ops);
COMMIT;
