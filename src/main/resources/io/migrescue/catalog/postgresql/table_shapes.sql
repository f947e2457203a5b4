-- Tables of the given names (compared in lower case) with their column names: to find history tables.
SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  /*tables lower(c.relname)*/
ORDER BY 1, 2, a.attnum
