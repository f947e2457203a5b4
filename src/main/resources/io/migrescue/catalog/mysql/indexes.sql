-- Index key parts in scope, one row per column, in key order.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name,
       NON_UNIQUE = 0 AS is_unique, SEQ_IN_INDEX AS seq, COLUMN_NAME AS column_name, SUB_PART AS sub_part,
       INDEX_TYPE AS method
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA IN (/*schemas*/)
  /*tables TABLE_NAME*/
ORDER BY 1, 2, 3, 5
