-- CHECK clauses in scope (MySQL 8.0.16+): names are unique per schema; the table comes from constraints.sql.
SELECT CONSTRAINT_SCHEMA AS schema_name, NULL AS table_name, CONSTRAINT_NAME AS constraint_name,
       CHECK_CLAUSE AS check_clause
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA IN (/*schemas*/)
ORDER BY 1, 3
