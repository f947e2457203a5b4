-- Tables per database in scope (status reads this instead of the whole catalog).
SELECT s.SCHEMA_NAME AS schema_name, COUNT(t.TABLE_NAME) AS tables
FROM information_schema.SCHEMATA s
LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME AND t.TABLE_TYPE = 'BASE TABLE'
WHERE s.SCHEMA_NAME IN (/*schemas*/)
GROUP BY s.SCHEMA_NAME
ORDER BY 1
