-- Partitions: each bound to its parent with its bound; a changed bound is a detach and an attach.
SELECT 'partition' AS kind, n.nspname, c.relname AS name,
       'OF ' || format('%I.%I', pn.nspname, p.relname) || ' ' || pg_get_expr(c.relpartbound, c.oid) AS definition,
       format('CREATE TABLE %I.%I PARTITION OF %I.%I ', n.nspname, c.relname, pn.nspname, p.relname)
           || pg_get_expr(c.relpartbound, c.oid) AS create_sql,
       format('DROP TABLE %I.%I', n.nspname, c.relname) AS drop_sql,
       format('ALTER TABLE %I.%I DETACH PARTITION %I.%I;', pn.nspname, p.relname, n.nspname, c.relname) || chr(10)
           || format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I ', pn.nspname, p.relname, n.nspname, c.relname)
           || pg_get_expr(c.relpartbound, c.oid) AS replace_sql
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE c.relispartition AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
ORDER BY c.oid
