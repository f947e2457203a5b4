-- the same objects, drifted: each kind missing, extra and changed
CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL, status text NOT NULL, touched timestamptz);
CREATE FUNCTION same_fn(a int) RETURNS int LANGUAGE sql AS $$ SELECT a + 1 $$;
CREATE FUNCTION changed_fn(a int) RETURNS int LANGUAGE sql AS $$ SELECT a * 3 $$;
CREATE FUNCTION target_only_fn(a text) RETURNS text LANGUAGE sql AS $$ SELECT lower(a) $$;
CREATE PROCEDURE target_only_proc() LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE VIEW same_view AS SELECT id, total FROM orders;
CREATE VIEW changed_view AS SELECT id, status FROM orders WHERE status = 'closed';
CREATE VIEW target_only_view AS SELECT id FROM orders WHERE total < 0;
CREATE MATERIALIZED VIEW changed_mv AS SELECT status, max(total) AS n FROM orders GROUP BY status;
CREATE MATERIALIZED VIEW target_only_mv AS SELECT count(*) AS n FROM orders;
CREATE TRIGGER target_only_trg BEFORE DELETE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER changed_trg BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TABLE orders IS 'orders';
COMMENT ON COLUMN orders.status IS 'open or closed';
COMMENT ON INDEX orders_pkey IS 'the key''s index';
COMMENT ON VIEW same_view IS 'totals';
