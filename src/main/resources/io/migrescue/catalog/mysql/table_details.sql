-- Base tables' default collation (a column's own is written only where it differs, as SHOW CREATE TABLE does)
-- and comment.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_COLLATION AS collation_name,
       TABLE_COMMENT AS comment_text
FROM information_schema.TABLES
WHERE TABLE_TYPE = 'BASE TABLE'
  AND TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2
