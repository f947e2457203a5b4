BEGIN;

-- Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a7

CREATE TABLE payments (
    id SERIAL NOT NULL, 
    order_id INTEGER NOT NULL, 
    amount NUMERIC(10, 2) DEFAULT '0' NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_payments_order FOREIGN KEY(order_id) REFERENCES orders (id)
);

CREATE INDEX ix_orders_ref ON orders (ref);

ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY(user_id) REFERENCES users (id);

CREATE INDEX ix_payments_amount ON payments (order_id, amount);

UPDATE alembic_version SET version_num='b2c3d4e5f6a7' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';

COMMIT;

