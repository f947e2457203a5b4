-- Base tables of the databases in scope.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name
FROM information_schema.TABLES
WHERE TABLE_TYPE = 'BASE TABLE'
  AND TABLE_SCHEMA IN (/*schemas*/)
  /*tables TABLE_NAME*/
ORDER BY 1, 2
