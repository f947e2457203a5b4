-- Views with their algorithm (MariaDB prints it here).
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS name, VIEW_DEFINITION AS body, CHECK_OPTION AS check_option,
       SECURITY_TYPE AS security, ALGORITHM AS algorithm
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN (/*schemas*/)
ORDER BY 1, 2
