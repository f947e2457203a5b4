-- Index comments (one row per key part: the first carries it).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name, INDEX_COMMENT AS comment_text
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA IN (/*schemas*/)
  AND INDEX_COMMENT <> '' AND SEQ_IN_INDEX = 1
