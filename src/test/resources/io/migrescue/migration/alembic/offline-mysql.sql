CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 549c0fc1e3d4

CREATE TABLE users (
    id INTEGER NOT NULL AUTO_INCREMENT, 
    email VARCHAR(255) NOT NULL, 
    name VARCHAR(50) DEFAULT 'anon', 
    age SMALLINT, 
    big BIGINT, 
    active BOOL NOT NULL DEFAULT true, 
    created_at DATETIME NOT NULL DEFAULT now(), 
    tz DATETIME, 
    born DATE, 
    bio TEXT, 
    price NUMERIC(10, 2), 
    ratio FLOAT, 
    raw BLOB, 
    j JSON, 
    t TIME, 
    u VARCHAR(20), 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

CREATE TABLE orders (
    id INTEGER NOT NULL AUTO_INCREMENT, 
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

ALTER TABLE orders ADD COLUMN note VARCHAR(100) NOT NULL DEFAULT 'x';

ALTER TABLE orders MODIFY note VARCHAR(100) NULL;

ALTER TABLE orders CHANGE note memo VARCHAR(100) NULL;

ALTER TABLE orders MODIFY memo TEXT NULL;

ALTER TABLE orders ALTER COLUMN memo SET DEFAULT 'y';

ALTER TABLE orders ADD CONSTRAINT fk_o_u FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL;

ALTER TABLE orders ADD CONSTRAINT uq_ref UNIQUE (ref);

ALTER TABLE orders ADD CONSTRAINT ck_ref CHECK (length(ref) > 1);

ALTER TABLE orders DROP INDEX uq_ref;

ALTER TABLE orders DROP FOREIGN KEY fk_o_u;

DROP INDEX ix_u ON orders;

ALTER TABLE orders DROP COLUMN memo;

ALTER TABLE orders RENAME TO orders2;

UPDATE users SET name = 'a'; UPDATE users SET age = 1;

ALTER TABLE orders2 ADD COLUMN qty INTEGER;

CREATE INDEX ix_orders2_qty ON orders2 (qty);

DROP TABLE orders2;

INSERT INTO alembic_version (version_num) VALUES ('549c0fc1e3d4');

