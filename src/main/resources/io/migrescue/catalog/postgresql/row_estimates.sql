-- The planner's row estimate per table in scope (pg_class.reltuples, kept by ANALYZE and autovacuum): no table is
-- read. -1 means never analysed: unknown, shown as such rather than as 0.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS estimate
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  /*tables c.relname*/
ORDER BY 1, 2
