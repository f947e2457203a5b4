-- The storage engine's row estimate per table in scope (InnoDB samples; it can be off by tens of percent).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_ROWS AS estimate
FROM information_schema.TABLES
WHERE TABLE_TYPE = 'BASE TABLE'
  AND TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2
