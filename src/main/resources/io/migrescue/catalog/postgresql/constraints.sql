-- Primary, unique, check, foreign-key and exclusion constraints in scope, with column lists in key order.
SELECT n.nspname AS schema_name, t.relname AS table_name, con.conname AS constraint_name,
       con.contype AS constraint_type, con.convalidated AS validated,
       ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       rn.nspname AS ref_schema, rt.relname AS ref_table,
       ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
LEFT JOIN pg_catalog.pg_class rt ON rt.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rt.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND t.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  /*tables t.relname*/
ORDER BY 1, 2, 3
