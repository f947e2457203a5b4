BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 549c0fc1e3d4

CREATE TABLE users (
    id SERIAL NOT NULL, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(50) DEFAULT 'anon', 
    age SMALLINT, 
    big BIGINT, 
    active BOOLEAN DEFAULT true NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL, 
    tz TIMESTAMP WITH TIME ZONE, 
    born DATE, 
    bio TEXT, 
    price NUMERIC(10, 2), 
    ratio FLOAT, 
    raw BYTEA, 
    j JSON, 
    t TIME WITHOUT TIME ZONE, 
    u VARCHAR(20), 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

CREATE TABLE orders (
    id SERIAL NOT NULL, 
    user_id INTEGER NOT NULL, 
    ref VARCHAR(20) NOT NULL, 
    PRIMARY KEY (id), 
    CONSTRAINT fk_named FOREIGN KEY(user_id) REFERENCES users (id), 
    CONSTRAINT ck_pos CHECK (id > 0), 
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_orders_ref ON orders (ref);

CREATE INDEX ix_orders_user_id ON orders (user_id);

CREATE UNIQUE INDEX ix_u ON orders (user_id, ref);

ALTER TABLE orders ADD COLUMN note VARCHAR(100) DEFAULT 'x' NOT NULL;

ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;

ALTER TABLE orders RENAME note TO memo;

ALTER TABLE orders ALTER COLUMN memo TYPE TEXT;

ALTER TABLE orders ALTER COLUMN memo SET DEFAULT 'y';

ALTER TABLE orders ADD CONSTRAINT fk_o_u FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL;

ALTER TABLE orders ADD CONSTRAINT uq_ref UNIQUE (ref);

ALTER TABLE orders ADD CONSTRAINT ck_ref CHECK (length(ref) > 1);

ALTER TABLE orders DROP CONSTRAINT uq_ref;

ALTER TABLE orders DROP CONSTRAINT fk_o_u;

DROP INDEX ix_u;

ALTER TABLE orders DROP COLUMN memo;

ALTER TABLE orders RENAME TO orders2;

UPDATE users SET name = 'a'; UPDATE users SET age = 1;

ALTER TABLE orders2 ADD COLUMN qty INTEGER;

CREATE INDEX ix_orders2_qty ON orders2 (qty);

DROP TABLE orders2;

INSERT INTO alembic_version (version_num) VALUES ('549c0fc1e3d4') RETURNING alembic_version.version_num;

COMMIT;

