--
-- Add field plan to order
--
ALTER TABLE `shop_order` ADD COLUMN `plan` varchar(20) NOT NULL;
