-- The target of the MariaDB every-kind pair (see mariadb-objects-source.sql).
CREATE TABLE orders (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id int NOT NULL,
    code varchar(20) NOT NULL,
    label varchar(50) NOT NULL,
    net decimal(10,2) NOT NULL,
    status varchar(20) NOT NULL COMMENT 'open, paid or sent',
    note varchar(200) NULL COMMENT 'free text',
    gross decimal(12,2) GENERATED ALWAYS AS (`net` * 1.1) VIRTUAL,
    code_upper varchar(20) GENERATED ALWAYS AS (upper(`code`)) STORED COMMENT 'for search',
    legacy int GENERATED ALWAYS AS (`customer_id` + 1) VIRTUAL,
    KEY ix_orders_status (status) COMMENT 'old board',
    KEY ix_orders_note (note) COMMENT 'target only'
) COMMENT = 'orders';

CREATE TABLE items (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id int NOT NULL,
    qty int NOT NULL,
    name varchar(50) COLLATE utf8mb4_bin NOT NULL
);

CREATE TABLE shipments (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    qty int NOT NULL,
    weight int GENERATED ALWAYS AS (`qty` * 3) VIRTUAL
) COMMENT = 'parcels sent';

CREATE TABLE events (
    id int NOT NULL,
    year int NOT NULL,
    PRIMARY KEY (id, year)
) PARTITION BY RANGE (year) (
    PARTITION p2020 VALUES LESS THAN (2021),
    PARTITION p2021 VALUES LESS THAN (2022)
);

CREATE TABLE logs (
    id int NOT NULL,
    level int NOT NULL,
    PRIMARY KEY (id, level)
) PARTITION BY RANGE (level) (
    PARTITION p0 VALUES LESS THAN (10),
    PARTITION p2 VALUES LESS THAN (30)
);

CREATE TABLE ledger (
    id int NOT NULL,
    period int NOT NULL,
    PRIMARY KEY (id, period)
) PARTITION BY RANGE (period) (
    PARTITION p1 VALUES LESS THAN (100),
    PARTITION p2 VALUES LESS THAN (200),
    PARTITION p3 VALUES LESS THAN (300)
);

CREATE TABLE hashed (
    id int NOT NULL PRIMARY KEY
) PARTITION BY HASH (id) PARTITIONS 2;

CREATE TABLE metrics (
    id int NOT NULL,
    region int NOT NULL,
    PRIMARY KEY (id, region)
);

CREATE TABLE archive (
    id int NOT NULL PRIMARY KEY
) PARTITION BY HASH (id) PARTITIONS 3;

CREATE FUNCTION changed_fn(`x` int(11)) RETURNS int(11)
    DETERMINISTIC
RETURN x + 1;

CREATE FUNCTION target_only_fn(`x` int(11)) RETURNS int(11)
    NO SQL
RETURN x * 10;

CREATE PROCEDURE target_only_proc()
SELECT 1;

CREATE PROCEDURE changed_proc()
    READS SQL DATA
SELECT count(*) FROM items;

CREATE VIEW target_only_view AS SELECT id FROM items;

CREATE VIEW changed_view AS SELECT id, label, status FROM orders;

DELIMITER $$
CREATE TRIGGER `target_only_trg` AFTER DELETE ON `items` FOR EACH ROW BEGIN
    DELETE FROM orders WHERE id = OLD.order_id AND 0 = 1;
END$$
DELIMITER ;

CREATE TRIGGER `changed_trg` BEFORE UPDATE ON `items` FOR EACH ROW SET NEW.qty = greatest(NEW.qty, 0);
