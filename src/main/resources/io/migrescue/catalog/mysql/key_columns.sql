-- Columns of primary, unique and foreign keys in scope, in key order, with the referenced columns.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
       ORDINAL_POSITION AS seq, COLUMN_NAME AS column_name, REFERENCED_TABLE_SCHEMA AS ref_schema,
       REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_column
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA IN (/*schemas*/)
  /*tables TABLE_NAME*/
ORDER BY 1, 2, 3, 4
