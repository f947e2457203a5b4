-- Every column of every table in scope (views excluded by the join).
SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name,
       c.ORDINAL_POSITION AS position, c.COLUMN_TYPE AS data_type, c.IS_NULLABLE = 'YES' AS nullable,
       c.COLUMN_DEFAULT AS default_value, c.EXTRA AS extra
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE t.TABLE_TYPE = 'BASE TABLE'
  AND c.TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2, 4
