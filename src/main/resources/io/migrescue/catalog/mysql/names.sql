-- Names only, for every table in scope: tables, their constraints and their indexes (see the PostgreSQL file).
-- Three single-view queries in one result: joins between information_schema views are slow on MariaDB.
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, 'table' AS kind, TABLE_NAME AS name
FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN (/*schemas*/)
UNION ALL
SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT('constraint:', CONSTRAINT_TYPE), CONSTRAINT_NAME
FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA IN (/*schemas*/)
UNION ALL
SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME, 'index', INDEX_NAME
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (/*schemas*/)
