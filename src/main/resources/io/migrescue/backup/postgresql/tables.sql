-- What the catalog snapshot leaves out but a faithful CREATE TABLE needs, for the given tables: the kind of table,
-- whether it is unlogged, and per column a collation other than its type's default (null where it is the default).
SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind AS kind, c.relpersistence AS persistence,
       c.relispartition AS is_partition,
       EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) AS inherits,
       a.attname AS column_name,
       CASE WHEN a.attcollation <> ty.typcollation AND a.attcollation <> 0
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE (n.nspname, c.relname) IN (SELECT * FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])))
ORDER BY 1, 2, a.attnum
