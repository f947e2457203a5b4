-- Indexes left invalid by a failed CREATE INDEX CONCURRENTLY, in scope.
SELECT n.nspname AS schema_name, t.relname AS table_name, i.relname AS index_name
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE NOT x.indisvalid
  AND n.nspname = ANY (?)
ORDER BY 1, 2, 3
