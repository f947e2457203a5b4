-- Production: V3 failed before it made anything. customers' columns in another order (an ALTER long ago): cosmetic.
CREATE TABLE customers (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, email varchar(190) NOT NULL,
    CONSTRAINT customers_email_uk UNIQUE (email)) ENGINE=InnoDB;
CREATE TABLE orders (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id bigint NOT NULL,
    total decimal(10,2) NOT NULL DEFAULT 0, KEY orders_customer_idx (customer_id),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE) ENGINE=InnoDB;
INSERT INTO flyway_schema_history VALUES
  (3, '3', 'add invoices', 'SQL', 'V3__add_invoices.sql', 398176020, 'app', '2025-02-03 14:12:40', 42, 0);
