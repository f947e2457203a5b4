-- Views (MySQL prints no ALGORITHM here: the default, UNDEFINED, is assumed).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS name, VIEW_DEFINITION AS body, CHECK_OPTION AS check_option,
       SECURITY_TYPE AS security, 'UNDEFINED' AS algorithm
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2
