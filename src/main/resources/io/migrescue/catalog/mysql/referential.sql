-- ON DELETE / ON UPDATE of the foreign keys in scope.
SELECT CONSTRAINT_SCHEMA AS schema_name, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
       DELETE_RULE AS on_delete, UPDATE_RULE AS on_update
FROM information_schema.REFERENTIAL_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA IN (/*schemas*/)
  /*tables TABLE_NAME*/
