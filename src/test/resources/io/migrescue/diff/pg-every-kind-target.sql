CREATE TYPE status AS ENUM ('new', 'paid', 'cancelled');
CREATE SEQUENCE invoice_no AS bigint START WITH 1 INCREMENT BY 1 CACHE 1;
CREATE SEQUENCE legacy_seq;
CREATE TABLE customers (id bigint PRIMARY KEY, email text, region text DEFAULT 'us',
    CONSTRAINT customers_email_unique UNIQUE (email));
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
    status status NOT NULL DEFAULT 'new', total numeric(12, 2) NOT NULL, placed_at timestamptz NOT NULL,
    invoice bigint DEFAULT nextval('invoice_no'), CONSTRAINT orders_total_positive CHECK (total >= 0));
CREATE INDEX orders_open_idx ON orders (placed_at) WHERE status <> 'cancelled';
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);
CREATE INDEX orders_invoice_uq ON orders (invoice);
CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id), line integer NOT NULL, sku text NOT NULL,
    qty integer NOT NULL DEFAULT 1, CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line),
    CONSTRAINT order_lines_sku_line_key UNIQUE (sku));
CREATE INDEX order_lines_by_sku ON order_lines (sku);
CREATE INDEX order_lines_qty_idx ON order_lines (qty);
CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE settings (key text PRIMARY KEY, scope text, value text);
