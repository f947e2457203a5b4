-- Tables of the given names (compared in lower case) with their column names: to find history tables.
SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA IN (/*schemas*/)
  /*tables LOWER(c.TABLE_NAME)*/
ORDER BY 1, 2, c.ORDINAL_POSITION
