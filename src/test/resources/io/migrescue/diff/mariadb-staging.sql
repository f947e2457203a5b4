-- Staging: V3 applied. Columns of customers in the order V1 made them.
CREATE TABLE customers (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(190) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT customers_email_uk UNIQUE (email)) ENGINE=InnoDB;
CREATE TABLE orders (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id bigint NOT NULL,
    total decimal(10,2) NOT NULL DEFAULT 0, note varchar(255) NULL, KEY orders_customer_idx (customer_id),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE) ENGINE=InnoDB;
CREATE TABLE invoices (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id bigint NOT NULL,
    amount decimal(10,2) NOT NULL, status enum('open','paid') NOT NULL DEFAULT 'open',
    CONSTRAINT invoices_amount_chk CHECK (amount >= 0),
    CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)) ENGINE=InnoDB;
CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 1;
INSERT INTO flyway_schema_history VALUES
  (3, '3', 'add invoices', 'SQL', 'V3__add_invoices.sql', 398176020, 'app', '2025-02-03 14:12:40', 310, 1);
