-- Every column in scope. No join to TABLES: joining information_schema views is slow on MariaDB (seconds for
-- 2,000 tables); columns of views are dropped in Java, where only base tables are assembled.
SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name,
       c.ORDINAL_POSITION AS position, c.COLUMN_TYPE AS data_type, c.IS_NULLABLE = 'YES' AS nullable,
       c.COLUMN_DEFAULT AS default_value, c.EXTRA AS extra
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA IN (/*schemas*/)
  /*tables c.TABLE_NAME*/
ORDER BY 1, 2, 4
