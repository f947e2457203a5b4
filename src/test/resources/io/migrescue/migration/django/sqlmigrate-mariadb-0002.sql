--
-- Create model Warehouse
--
CREATE TABLE `shop_warehouse` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `code` varchar(10) NOT NULL UNIQUE);
