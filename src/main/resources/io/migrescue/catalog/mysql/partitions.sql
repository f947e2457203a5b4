-- Partitions of the partitioned tables in scope, in order (subpartitions are not compared).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, PARTITION_NAME AS name, PARTITION_METHOD AS method,
       PARTITION_EXPRESSION AS expression, PARTITION_DESCRIPTION AS bound
FROM information_schema.PARTITIONS
WHERE TABLE_SCHEMA IN (/*schemas*/) AND PARTITION_NAME IS NOT NULL AND COALESCE(SUBPARTITION_ORDINAL_POSITION, 1) = 1
ORDER BY 1, 2, PARTITION_ORDINAL_POSITION
