-- What diff compares of a column beyond type, null and default: character set and collation, generation, comment.
SELECT c.TABLE_SCHEMA AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name,
       c.CHARACTER_SET_NAME AS charset, c.COLLATION_NAME AS collation_name, c.EXTRA AS extra,
       c.GENERATION_EXPRESSION AS generation, c.COLUMN_COMMENT AS comment_text
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA IN (/*schemas*/)
