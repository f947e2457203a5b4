-- A MariaDB pair: a shop whose Flyway V3 ("add invoices") ran in staging and failed in production, half-way as MariaDB
-- leaves a migration whose DDL commits statement by statement: neither the invoices table nor orders.note was made.
-- Flyway 11's history table for MySQL/MariaDB (createMetaDataTable.sql).
CREATE TABLE `flyway_schema_history` (
    `installed_rank` INT NOT NULL,
    `version` VARCHAR(50),
    `description` VARCHAR(200) NOT NULL,
    `type` VARCHAR(20) NOT NULL,
    `script` VARCHAR(1000) NOT NULL,
    `checksum` INT,
    `installed_by` VARCHAR(100) NOT NULL,
    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `execution_time` INT NOT NULL,
    `success` BOOL NOT NULL,
    CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)
) ENGINE=InnoDB;
CREATE INDEX `flyway_schema_history_s_idx` ON `flyway_schema_history` (`success`);
INSERT INTO flyway_schema_history VALUES
  (1, '1', 'create customers', 'SQL', 'V1__create_customers.sql', 1163410923, 'app', '2025-01-10 09:00:00', 120, 1),
  (2, '2', 'create orders', 'SQL', 'V2__create_orders.sql', -827375602, 'app', '2025-01-10 09:00:01', 95, 1);
