-- The source of the MariaDB every-kind pair: each kind differs from mariadb-objects-target.sql at least once in
-- each direction (missing, extra, changed). Columns the target lacks come last, as a fix script adds them.
-- Triggers are spelled as a fix script writes them: mariadb-dump prints a trigger's statement as it was written.
-- Loaded with the mariadb client (routines and triggers keep the sql_mode they were made under).
CREATE TABLE orders (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id int NOT NULL,
    code varchar(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,
    label varchar(50) NOT NULL,
    net decimal(10,2) NOT NULL COMMENT 'before tax',
    status varchar(20) NOT NULL,
    note varchar(200) NULL COMMENT 'free text, as the customer wrote it',
    gross decimal(12,2) GENERATED ALWAYS AS (`net` * 1.2) VIRTUAL,
    code_upper varchar(20) GENERATED ALWAYS AS (upper(`code`)) STORED COMMENT 'for search',
    KEY ix_orders_status (status) COMMENT 'status board',
    KEY ix_orders_label (label) COMMENT 'source only'
) COMMENT = 'orders, one row per checkout';

CREATE TABLE items (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id int NOT NULL,
    qty int NOT NULL,
    name varchar(50) NOT NULL,
    twice int GENERATED ALWAYS AS (`qty` * 2) STORED
) COMMENT = 'order lines';

CREATE TABLE shipments (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    qty int NOT NULL,
    weight int GENERATED ALWAYS AS (`qty` * 3) STORED
);

CREATE TABLE events (
    id int NOT NULL,
    year int NOT NULL,
    PRIMARY KEY (id, year)
) PARTITION BY RANGE (year) (
    PARTITION p2020 VALUES LESS THAN (2021),
    PARTITION p2021 VALUES LESS THAN (2022),
    PARTITION p2022 VALUES LESS THAN (2023)
);

CREATE TABLE logs (
    id int NOT NULL,
    level int NOT NULL,
    PRIMARY KEY (id, level)
) PARTITION BY RANGE (level) (
    PARTITION p0 VALUES LESS THAN (10),
    PARTITION p1 VALUES LESS THAN (20),
    PARTITION p2 VALUES LESS THAN (30)
);

CREATE TABLE ledger (
    id int NOT NULL,
    period int NOT NULL,
    PRIMARY KEY (id, period)
) PARTITION BY RANGE (period) (
    PARTITION p1 VALUES LESS THAN (100),
    PARTITION p2 VALUES LESS THAN (200)
);

CREATE TABLE hashed (
    id int NOT NULL PRIMARY KEY
) PARTITION BY HASH (id) PARTITIONS 4;

CREATE TABLE metrics (
    id int NOT NULL,
    region int NOT NULL,
    PRIMARY KEY (id, region)
) PARTITION BY LIST (region) (
    PARTITION north VALUES IN (1, 2),
    PARTITION south VALUES IN (3, 4)
);

CREATE TABLE archive (
    id int NOT NULL PRIMARY KEY
);

CREATE TABLE readings (
    id int NOT NULL,
    taken int NOT NULL,
    value int NOT NULL,
    doubled int GENERATED ALWAYS AS (`value` * 2) VIRTUAL,
    PRIMARY KEY (id, taken)
) COMMENT = 'sensor readings' PARTITION BY RANGE (taken) (
    PARTITION early VALUES LESS THAN (1000),
    PARTITION later VALUES LESS THAN MAXVALUE
);

CREATE FUNCTION net_of(`gross` decimal(12,2)) RETURNS decimal(12,2)
    DETERMINISTIC
RETURN gross / 1.2;

CREATE FUNCTION changed_fn(`x` int(11)) RETURNS int(11)
    DETERMINISTIC
RETURN x + 2;

DELIMITER $$
CREATE PROCEDURE source_only_proc(IN `n` int(11), OUT `total` int(11))
BEGIN
    SELECT count(*) INTO total FROM orders WHERE customer_id = n;
    SELECT total;
END$$
DELIMITER ;

CREATE PROCEDURE changed_proc()
    READS SQL DATA
    COMMENT 'counts orders'
SELECT count(*) FROM orders;

CREATE VIEW source_only_view AS SELECT id, net FROM orders WHERE status = 'open';

-- named to sort before the view it selects from: it is created after it all the same
CREATE VIEW a_view_on_view AS SELECT id FROM source_only_view WHERE net > 10;

CREATE VIEW changed_view AS SELECT id, label FROM orders WITH CHECK OPTION;

DELIMITER $$
CREATE TRIGGER `source_only_trg` BEFORE INSERT ON `orders` FOR EACH ROW BEGIN
    SET NEW.label = trim(NEW.label);
    SET NEW.status = coalesce(NEW.status, 'open');
END$$
DELIMITER ;

CREATE TRIGGER `changed_trg` BEFORE UPDATE ON `items` FOR EACH ROW SET NEW.qty = greatest(NEW.qty, 1);
