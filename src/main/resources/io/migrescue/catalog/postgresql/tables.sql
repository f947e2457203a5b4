-- Base and partitioned tables of the schemas in scope; a partitioned one with its key.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  /*tables c.relname*/
ORDER BY 1, 2
