-- CHECK constraints in scope. MariaDB names column-level checks after the column, so names repeat across
-- tables: match on the table too (MariaDB's CHECK_CONSTRAINTS has TABLE_NAME; MySQL's does not).
SELECT cc.CONSTRAINT_SCHEMA AS schema_name, cc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA IN (/*schemas*/)
  /*tables cc.TABLE_NAME*/
ORDER BY 1, 2, 3
