-- views, materialized views, functions, procedures and triggers: the reference side
CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL, status text NOT NULL, touched timestamptz);
CREATE FUNCTION same_fn(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;
CREATE FUNCTION changed_fn(a int) RETURNS int LANGUAGE sql AS $$ SELECT a * 2 $$;
CREATE FUNCTION source_only_fn(a text) RETURNS text LANGUAGE sql AS $$ SELECT upper(a) $$;
CREATE PROCEDURE source_only_proc(n int) LANGUAGE plpgsql AS $$ BEGIN PERFORM n; END $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE VIEW same_view AS SELECT id, total FROM orders;
CREATE VIEW changed_view AS SELECT id, status FROM orders WHERE status = 'open';
CREATE VIEW source_only_view AS SELECT id FROM orders WHERE total > 100;
CREATE VIEW view_on_view AS SELECT id FROM source_only_view;
CREATE MATERIALIZED VIEW changed_mv AS SELECT status, count(*) AS n FROM orders GROUP BY status;
CREATE MATERIALIZED VIEW source_only_mv AS SELECT sum(total) AS total FROM orders;
CREATE TRIGGER source_only_trg BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER changed_trg BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TABLE orders IS 'one row per order';
COMMENT ON COLUMN orders.total IS 'gross, in cents';
COMMENT ON CONSTRAINT orders_pkey ON orders IS 'the order''s id';
COMMENT ON VIEW same_view IS 'totals';
