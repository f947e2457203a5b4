-- Every index in scope with its key columns (or expressions), access method, validity and predicate.
SELECT n.nspname AS schema_name, t.relname AS table_name, i.relname AS index_name,
       x.indisunique AS is_unique, x.indisprimary AS is_primary, am.amname AS method, x.indisvalid AS is_valid,
       pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS predicate,
       pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,
       ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true)
             FROM pg_catalog.generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS key_columns
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE t.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  /*tables t.relname*/
ORDER BY 1, 2, 3
