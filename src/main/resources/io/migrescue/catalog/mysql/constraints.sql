-- Constraint names and types in scope (joined in Java with key_columns and referential: see columns.sql for why).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
       CONSTRAINT_TYPE AS constraint_type
FROM information_schema.TABLE_CONSTRAINTS
WHERE TABLE_SCHEMA IN (/*schemas*/)
  /*tables TABLE_NAME*/
ORDER BY 1, 2, 3
